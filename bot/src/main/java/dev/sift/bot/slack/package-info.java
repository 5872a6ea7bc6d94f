/**
 * The live Slack app: Bolt listeners, the Web API wrapper every call goes through, the directory of
 * names and memberships, the task desk, {@code /triage}, and permalinks ({@link
 * dev.sift.bot.slack.Permalinks} builds them from the workspace domain, {@link
 * dev.sift.bot.slack.PermalinkCache} remembers the ones Slack gave). What Sift shows in Slack is
 * rendered in {@link dev.sift.bot.slack.view}.
 */
package dev.sift.bot.slack;

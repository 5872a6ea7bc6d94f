/**
 * Block Kit views of triage results, the one home of what Sift shows in Slack: task cards, the
 * correction modal, the App Home tab and the replies to {@code /triage}. Pure functions from our
 * records to the Slack SDK's model classes, so listeners only decide what to show and when. Views
 * link to messages through a {@link dev.sift.bot.slack.view.PermalinkLookup}. The command line's
 * plain text, which must not need the Slack SDK, is {@link dev.sift.bot.cli.PlainText}.
 *
 * <p>Every string that came from a user goes through {@link dev.sift.bot.slack.view.Mrkdwn#escape}
 * so a message can never make our posts ping {@code @channel}, {@code @here} or a person, and every
 * view stays within Slack's size limits ({@link dev.sift.bot.slack.view.Mrkdwn} names them) because
 * Slack rejects a whole post that breaks one.
 */
package dev.sift.bot.slack.view;

/**
 * Who may see what, by Slack's own rules: the one place that decides whether a person may see a
 * channel's messages, and whether a channel's messages may be copied (as a task card or a digest)
 * to everyone in another channel. Search, the queue, digests, the Home tab and task cards all ask
 * here; what Slack says of people and channels comes in through {@link
 * dev.sift.bot.access.SlackFacts}. Which channels are private, and so whose messages stay away from
 * an LLM unless the config allows it, is remembered by {@link dev.sift.bot.access.PrivateChannels}.
 */
package dev.sift.bot.access;

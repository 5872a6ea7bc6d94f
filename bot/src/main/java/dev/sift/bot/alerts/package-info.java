/**
 * Admin alerts: one post to {@code slack.admin_channel} when something has been wrong for long
 * enough (Socket Mode down, the queue backed up, the LLM breaker open, Slack refusing a call again
 * and again, the index not committing), and one when it recovers; never a stream.
 */
package dev.sift.bot.alerts;

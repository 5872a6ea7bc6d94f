/**
 * Slash commands: how {@code /triage} answers without holding Slack's ack. A command is acked at
 * once; its answer is worked out off the ack path and sent through the command's {@code
 * response_url}, with a "Working on it…" first when it takes long enough for a person to wonder.
 */
package dev.sift.bot.commands;

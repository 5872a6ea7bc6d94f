/**
 * Reading a Slack workspace export (the zip an admin downloads, or its unzipped folder) into {@link
 * dev.sift.triage.message.Message}s, so that {@code sift replay} can feed a workspace's history
 * through the same pipeline the live bot uses, with no Slack token.
 *
 * <p>{@link dev.sift.bot.export.SlackExport} is the entry point; {@link
 * dev.sift.bot.export.SlackText} renders Slack's markup to plain text and is shared with the live
 * listeners.
 */
package dev.sift.bot.export;

/**
 * Scheduled digests: schedules from {@code sift.yml} ({@link dev.sift.bot.digest.DigestSchedule}),
 * their cron slots in a time zone ({@link dev.sift.bot.digest.Slots}), the content of one post
 * composed from the index ({@link dev.sift.bot.digest.DigestComposition}), its rendering as Block
 * Kit within Slack's limits or as plain text, and the {@link dev.sift.bot.digest.DigestRoutine}
 * that posts each slot exactly once, to an audience allowed to see every channel it shows.
 */
package dev.sift.bot.digest;

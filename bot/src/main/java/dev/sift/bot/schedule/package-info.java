/**
 * Time-driven work on one scheduler with an injectable clock: each {@link
 * dev.sift.bot.schedule.Routine} (scheduled digests, SLA reminders) is asked on every tick what has
 * fallen due, and claims each occurrence durably in {@link dev.sift.bot.schedule.Claims} before
 * doing it, so it happens once across restarts and crashes.
 */
package dev.sift.bot.schedule;

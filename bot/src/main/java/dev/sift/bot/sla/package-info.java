/**
 * SLA reminders and escalation for task cards: {@link dev.sift.bot.sla.SlaRoutine} asks, on every
 * scheduler tick, which open card owes a reminder (the arithmetic is in {@code
 * dev.sift.triage.sla}), claims it durably, has {@link dev.sift.bot.sla.SlaMessenger} post it, and
 * records the step with the item so that nothing is sent twice across a restart. {@link
 * dev.sift.bot.sla.SlaNotices} writes what people read.
 */
package dev.sift.bot.sla;

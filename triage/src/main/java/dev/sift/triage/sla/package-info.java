/**
 * Service-level agreements for task cards, without Slack: how long each priority may wait for an
 * acknowledgement or a resolution ({@link dev.sift.triage.sla.SlaPolicy}), business time and
 * holidays ({@link dev.sift.triage.sla.BusinessHours}), whom a breach escalates to ({@link
 * dev.sift.triage.sla.Escalation}), and which reminder falls due when ({@link
 * dev.sift.triage.sla.SlaSchedule}). The bot's SLA routine asks these and does the talking.
 */
package dev.sift.triage.sla;

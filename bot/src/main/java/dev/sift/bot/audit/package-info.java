/**
 * The audit log: an append-only JSON-lines file of admin actions and LLM calls in the data
 * directory ({@link dev.sift.bot.audit.AuditLog}), what records Slack-side admin actions as they
 * pass through Bolt ({@link dev.sift.bot.audit.AdminActions}), and what reads it back for {@code
 * sift audit}.
 */
package dev.sift.bot.audit;

/**
 * Where Slack's message events enter and how none is lost: each event is journaled (fsynced) before
 * it is acked, queued by urgency for the triage workers, and marked done once the index commit that
 * holds its triage is durable. On start the journal is replayed, then every monitored channel is
 * reconciled with Slack's history from its checkpoint, as after every Socket Mode reconnect.
 */
package dev.sift.bot.intake;

/**
 * Sift's verdicts out to the firm's other systems as they happen: each item change becomes a
 * versioned CloudEvent, waits in a durable outbox per sink, and is delivered in order, at least
 * once, with an idempotency key, retried with back-off while the sink is down, and set aside in a
 * dead-letter file only when the sink refuses it for good ({@code sift sinks replay} sends those
 * again).
 */
package dev.sift.bot.sinks;

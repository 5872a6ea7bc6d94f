/**
 * What Sift counts and times, for Prometheus: one Micrometer registry per process ({@link
 * dev.sift.bot.metrics.SiftMetrics}), fed at the edges (Slack envelopes and acks, Web API calls,
 * triage outcomes) and scraped from {@code /metrics} on the health port.
 */
package dev.sift.bot.metrics;

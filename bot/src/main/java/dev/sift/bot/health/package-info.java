/**
 * Whether Sift is alive and ready, for orchestrators and people: the Slack connection's state
 * (logged once per change), the queue, the index commit's age and the LLM breaker, served as {@code
 * /health}, {@code /health/live} and {@code /health/ready} with status codes that tell.
 */
package dev.sift.bot.health;

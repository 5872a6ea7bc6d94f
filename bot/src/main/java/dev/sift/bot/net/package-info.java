/**
 * How Sift reaches the outside world: the egress proxy ({@code HTTPS_PROXY}/{@code NO_PROXY} or
 * {@code slack.proxy}) that the one HTTP client, and Socket Mode's WebSocket, go through.
 */
package dev.sift.bot.net;

/**
 * Sift's own HTTP port: health, metrics and, in HTTP mode, Slack's requests. A request from Slack
 * is checked here, on its raw bytes, before any of it is parsed or reaches a listener.
 */
package dev.sift.bot.http;

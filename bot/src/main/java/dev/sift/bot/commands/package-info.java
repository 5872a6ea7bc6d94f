/**
 * What people ask of Sift by name: {@code /triage} and the "Triage this message" shortcut, and how
 * they are answered without holding Slack's ack. A request is acked at once; its answer is worked
 * out off the ack path and sent through the request's {@code response_url}, with a "Working on it…"
 * first when a command takes long enough for a person to wonder.
 */
package dev.sift.bot.commands;

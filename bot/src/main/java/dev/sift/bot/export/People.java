package dev.sift.bot.export;

/**
 * Who is who in a workspace: what a message's text needs to show names instead of ids. An export
 * answers from its users.json; the live app asks Slack and caches.
 */
public interface People {
  /** The name people see for a user id, or null when unknown. */
  String name(String userId);

  /** Whether the user id belongs to a bot or integration. */
  boolean isBot(String userId);
}

package dev.sift.bot.sinks;

import java.net.URI;

/**
 * Told when a sink created an item's issue in a tracker (Jira), so the live app stores it with the
 * item's task and shows it on the card. Called on the sink's delivery thread.
 */
@FunctionalInterface
public interface IssueLinked {
  /** Nobody to tell: offline replays and {@code sift sinks replay} (the key stays in the sink). */
  IssueLinked NONE = (itemId, key, browse) -> {};

  /**
   * @param itemId the item's id ({@code MessageKey.id()})
   * @param key the issue's key, e.g. {@code OPS-12}
   * @param browse where a person opens the issue
   */
  void linked(String itemId, String key, URI browse);
}

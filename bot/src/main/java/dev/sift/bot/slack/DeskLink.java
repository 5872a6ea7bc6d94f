package dev.sift.bot.slack;

import dev.sift.bot.sinks.IssueLinked;
import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A Jira sink's new issue is linked on the item's card; the desk exists once the start is through
 * (an issue linked before that is tried again, the sink's events wait meanwhile). The sinks start
 * before the desk, so they are handed this, and the desk is set on it once built.
 */
final class DeskLink implements IssueLinked {
  private final AtomicReference<TaskDesk> desk = new AtomicReference<>();

  void set(TaskDesk ready) {
    desk.set(ready);
  }

  @Override
  public void linked(String itemId, String key, URI browse) {
    TaskDesk ready = desk.get();
    if (ready == null) {
      throw new IllegalStateException("the task desk is not ready yet");
    }
    ready.linkIssue(itemId, key, browse);
  }
}

package dev.sift.bot.slack;

import dev.sift.bot.slack.view.PermalinkLookup;
import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.message.MessageKey;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The running app's {@link PermalinkLookup}: the permalinks Slack gave us ({@code
 * chat.getPermalink}, remembered as cards are posted) when we have them, else built from the
 * workspace's URL, which {@code auth.test} tells us — so a card with ten reports costs one lookup,
 * not ten. Without a running app, {@link Permalinks} builds them from the workspace domain alone.
 */
public final class PermalinkCache implements PermalinkLookup {
  private static final int CAPACITY = 10_000;

  private final String workspaceUrl;
  private final Map<String, String> known =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
          return size() > CAPACITY;
        }
      };

  /**
   * @param workspaceUrl e.g. {@code https://acme.slack.com/}, or null when unknown
   */
  public PermalinkCache(String workspaceUrl) {
    this.workspaceUrl =
        workspaceUrl == null || workspaceUrl.isBlank()
            ? null
            : workspaceUrl.endsWith("/") ? workspaceUrl : workspaceUrl + "/";
  }

  /** Remembers the permalink Slack gave for a message (ignored when null). */
  public synchronized void remember(TriagedMessage message, String permalink) {
    if (permalink != null) {
      known.put(message.key().id(), permalink);
    }
  }

  @Override
  public synchronized String linkTo(String messageId) {
    String link = known.get(messageId);
    if (link != null || workspaceUrl == null) {
      return link;
    }
    MessageKey key = MessageKey.parse(messageId);
    return workspaceUrl + "archives/" + key.channelId() + "/p" + key.ts().replace(".", "");
  }
}

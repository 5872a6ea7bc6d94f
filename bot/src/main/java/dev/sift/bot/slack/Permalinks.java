package dev.sift.bot.slack;

import dev.sift.triage.message.Message;
import dev.sift.triage.message.MessageKey;

/**
 * Slack permalinks built from the workspace domain, when it is known: what the command line links
 * to. The running app looks them up through the {@link PermalinkCache} instead.
 */
public final class Permalinks {
  private final String domain;

  /**
   * @param domain the workspace's domain (acme for acme.slack.com), or null when unknown
   */
  public Permalinks(String domain) {
    this.domain = domain == null || domain.isBlank() ? null : domain;
  }

  /** The permalink of a message known by its key (without its thread), or null. */
  public String of(MessageKey key) {
    if (domain == null) {
      return null;
    }
    return "https://"
        + domain
        + ".slack.com/archives/"
        + key.channelId()
        + "/p"
        + key.ts().replace(".", "");
  }

  /** The message's permalink, or null when the workspace domain is unknown. */
  public String of(Message m) {
    if (domain == null) {
      return null;
    }
    String link =
        "https://"
            + domain
            + ".slack.com/archives/"
            + m.channelId()
            + "/p"
            + m.ts().replace(".", "");
    return m.isReply() ? link + "?thread_ts=" + m.threadTs() + "&cid=" + m.channelId() : link;
  }
}

package dev.sift.bot.digest;

import dev.sift.bot.slack.view.Mrkdwn;
import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.verdict.Priority;
import java.util.function.Function;

/**
 * How a digest's pieces are written: Slack mrkdwn for the post, plain text for {@code --dry-run}.
 * The same layout uses either, so the dry run shows what the post would say.
 */
public interface PostFormat {
  /** User text made safe: escaped in mrkdwn so it can never mention or link. */
  String text(String userText, int max);

  String bold(String safe);

  /** A link to an item, or the bare label when its permalink is unknown. */
  default String link(TriagedMessage item, String label) {
    return cite(item.key().id(), label);
  }

  /** A link to a message by id ({@code team/channel/ts}), or the bare label. */
  String cite(String messageId, String label);

  /** A channel's name as shown. */
  String channel(String id, String name);

  /** The owner of an item by name (never a mention: a digest should not ping everyone named). */
  String person(String userId);

  String priority(Priority p);

  /** Slack mrkdwn; {@code links} maps a message id to its permalink (or null). */
  static PostFormat mrkdwn(Function<String, String> links, Function<String, String> names) {
    return new PostFormat() {
      @Override
      public String text(String userText, int max) {
        return Mrkdwn.oneLine(Mrkdwn.escape(userText), max);
      }

      @Override
      public String bold(String safe) {
        return "*" + safe + "*";
      }

      @Override
      public String cite(String messageId, String label) {
        String url = links.apply(messageId);
        if (url == null) {
          return label;
        }
        return "<"
            + url.replace("&", "&amp;").replace("<", "%3C").replace(">", "%3E").replace("|", "%7C")
            + "|"
            + label
            + ">";
      }

      @Override
      public String channel(String id, String name) {
        return id != null && id.matches("[CG][A-Z0-9]+") ? "<#" + id + ">" : "#" + name;
      }

      @Override
      public String person(String userId) {
        String name = names.apply(userId);
        return Mrkdwn.escape(name == null ? userId : name);
      }

      @Override
      public String priority(Priority p) {
        return Mrkdwn.priorityEmoji(p) + " *" + p + "*";
      }
    };
  }

  /** Plain text for a terminal: links written out after their label. */
  static PostFormat plain(Function<String, String> links) {
    return new PostFormat() {
      @Override
      public String text(String userText, int max) {
        return Mrkdwn.oneLine(userText, max);
      }

      @Override
      public String bold(String safe) {
        return safe;
      }

      @Override
      public String cite(String messageId, String label) {
        String url = links.apply(messageId);
        return url == null ? label : label + " " + url;
      }

      @Override
      public String channel(String id, String name) {
        return "#" + name;
      }

      @Override
      public String person(String userId) {
        return userId;
      }

      @Override
      public String priority(Priority p) {
        return p.toString();
      }
    };
  }
}

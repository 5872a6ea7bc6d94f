package dev.sift.bot.slack.view;

/**
 * Finds the permalink of a message, so views can link to sources without knowing how links are made
 * ({@link dev.sift.bot.slack.PermalinkCache} asks {@code chat.getPermalink} and caches, else builds
 * them from the workspace URL; {@link dev.sift.bot.slack.Permalinks} builds them from the workspace
 * domain for the command line).
 */
@FunctionalInterface
public interface PermalinkLookup {

  /**
   * The permalink of a message, or null when it is not known (the view then shows no link).
   *
   * @param messageId a message id as {@link dev.sift.triage.message.MessageKey#id()} writes it,
   *     {@code team/channel/ts}
   */
  String linkTo(String messageId);

  /** A lookup that knows no links: views render without them. */
  static PermalinkLookup none() {
    return messageId -> null;
  }
}

package dev.sift.bot.slack.view;

/**
 * Finds the permalink of a message, so views can link to sources without knowing how links are made
 * (built from the workspace domain, or asked of {@code chat.getPermalink} and cached).
 */
@FunctionalInterface
public interface Linker {

  /**
   * The permalink of a message, or null when it is not known (the view then shows no link).
   *
   * @param messageId a message id as {@link dev.sift.triage.message.MessageKey#id()} writes it,
   *     {@code team/channel/ts}
   */
  String linkTo(String messageId);

  /** A linker that knows no links: views render without them. */
  static Linker none() {
    return messageId -> null;
  }
}

package dev.sift.bot.access;

/**
 * A channel, group DM or DM as Slack describes it, for deciding who may see its messages.
 *
 * @param team the workspace it belongs to, or null when Slack did not say (one workspace)
 * @param kind what sort of conversation it is; {@link Kind#UNKNOWN} when Slack could not say
 * @param archived archived: its members (and, for a public channel, the workspace) still read it
 * @param deleted deleted, or no longer known to Slack: nobody sees it
 */
public record Conversation(String id, String team, Kind kind, boolean archived, boolean deleted) {

  /** The sorts of conversation, as Slack's {@code is_private}, {@code is_im}, {@code is_mpim}. */
  public enum Kind {
    PUBLIC,
    PRIVATE,
    GROUP_DM,
    DM,
    /** Slack could not say: counted as private, the safe side. */
    UNKNOWN
  }

  public static Conversation unknown(String id) {
    return new Conversation(id, null, Kind.UNKNOWN, false, false);
  }

  public static Conversation gone(String id) {
    return new Conversation(id, null, Kind.UNKNOWN, false, true);
  }

  /** Whether only its members may read it. */
  public boolean membersOnly() {
    return kind != Kind.PUBLIC;
  }
}

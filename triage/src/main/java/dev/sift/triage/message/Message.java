package dev.sift.triage.message;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One Slack message as Sift sees it: plain text already rendered from Slack's markup, with the
 * names of people and channels resolved.
 *
 * @param team workspace id (for an export without one, a stable name such as the export's)
 * @param channelId Slack channel id, e.g. {@code C0JGLMMNX}
 * @param channelName channel name without '#'
 * @param ts Slack timestamp string, e.g. {@code 1452837352.000006}; unique within a channel
 * @param threadTs ts of the thread's parent when the message is in a thread (the parent itself
 *     carries its own ts here), otherwise null
 * @param userId author id, or the bot id for bot posts; may be null
 * @param userName author display name, resolved when the export or Slack tells it
 * @param text the message text, rendered to plain text (mentions as {@code @name})
 * @param subtype Slack's subtype ({@code channel_join}, {@code bot_message}, ...) or null
 * @param edited whether the message was edited after posting
 * @param editedTs Slack's timestamp of the latest edit ({@code edited.ts}), or null when the
 *     message was not edited or its source did not say when: it orders two copies of one message
 *     that arrive out of order (an edit handled on another replica, a catch-up's older read)
 * @param bot whether a bot or integration posted it
 * @param links URLs the message carries, in order
 * @param files names of files shared with the message
 */
public record Message(
    String team,
    String channelId,
    String channelName,
    String ts,
    String threadTs,
    String userId,
    String userName,
    String text,
    String subtype,
    boolean edited,
    String editedTs,
    boolean bot,
    List<String> links,
    List<String> files) {

  public Message {
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(channelId, "channelId");
    Objects.requireNonNull(ts, "ts");
    SlackTs.parse(ts); // fails fast on a malformed timestamp
    if (editedTs != null) {
      SlackTs.parse(editedTs);
      edited = true;
    }
    channelName = channelName == null ? channelId : channelName;
    text = text == null ? "" : text;
    links = links == null ? List.of() : List.copyOf(links);
    files = files == null ? List.of() : List.copyOf(files);
  }

  /** A message whose source does not say when it was edited, if it was. */
  public Message(
      String team,
      String channelId,
      String channelName,
      String ts,
      String threadTs,
      String userId,
      String userName,
      String text,
      String subtype,
      boolean edited,
      boolean bot,
      List<String> links,
      List<String> files) {
    this(
        team,
        channelId,
        channelName,
        ts,
        threadTs,
        userId,
        userName,
        text,
        subtype,
        edited,
        null,
        bot,
        links,
        files);
  }

  /** The key that identifies this message everywhere: workspace, channel, timestamp. */
  public MessageKey key() {
    return new MessageKey(team, channelId, ts);
  }

  /** True for a reply inside a thread (not the thread's parent). */
  public boolean isReply() {
    return threadTs != null && !threadTs.equals(ts);
  }

  /** The key of the thread this message belongs to: its parent for a reply, itself otherwise. */
  public MessageKey threadKey() {
    return isReply() ? new MessageKey(team, channelId, threadTs) : key();
  }

  /** When the message was posted. */
  public Instant postedAt() {
    return SlackTs.parse(ts);
  }

  /** A copy marked as edited after posting (at the time this copy says, if it says one). */
  public Message asEdited() {
    return editedAt(editedTs);
  }

  /**
   * True when this copy is known to be older than {@code other}, a copy of the same message: it is
   * the original and the other an edit, or both are edits and Slack stamped this one earlier.
   */
  public boolean olderThan(Message other) {
    if (!edited) {
      return other.edited;
    }
    if (editedTs == null || other.editedTs == null) {
      return false; // an edit of unknown time is not ordered against another edit
    }
    return SlackTs.micros(editedTs) < SlackTs.micros(other.editedTs);
  }

  /** A copy edited at {@code editedTs}, Slack's timestamp of the edit (null: a time not known). */
  public Message editedAt(String editedTs) {
    return new Message(
        team,
        channelId,
        channelName,
        ts,
        threadTs,
        userId,
        userName,
        text,
        subtype,
        true,
        editedTs,
        bot,
        links,
        files);
  }

  /** A copy with other text, keeping everything else. */
  public Message withText(String newText) {
    return new Message(
        team,
        channelId,
        channelName,
        ts,
        threadTs,
        userId,
        userName,
        newText,
        subtype,
        edited,
        editedTs,
        bot,
        links,
        files);
  }
}

package dev.sift.triage.message;

import java.util.Objects;

/** Identifies a message: Slack guarantees a ts is unique within a channel of a workspace. */
public record MessageKey(String team, String channelId, String ts) {

  public MessageKey {
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(channelId, "channelId");
    Objects.requireNonNull(ts, "ts");
  }

  /** The key as one string, {@code team/channel/ts}, used as the index's document id. */
  public String id() {
    return team + "/" + channelId + "/" + ts;
  }

  /** Parses what {@link #id()} produced. */
  public static MessageKey parse(String id) {
    String[] parts = id.split("/", -1);
    if (parts.length != 3) {
      throw new IllegalArgumentException("not a message id (team/channel/ts): " + id);
    }
    return new MessageKey(parts[0], parts[1], parts[2]);
  }

  @Override
  public String toString() {
    return id();
  }
}

package dev.sift.bot.digest;

import com.slack.api.model.Conversation;
import com.slack.api.model.ConversationType;
import com.slack.api.model.Message;
import com.slack.api.model.block.LayoutBlock;
import dev.sift.bot.slack.SlackApi;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Slack calls scheduled digests make, through {@link SlackApi} (checked results, 429 waits,
 * post spacing): who is in a channel or user group, a DM channel per user, the post with its
 * metadata, and the destination's history to find a post made just before a crash.
 */
public final class DigestSlack {
  /** The metadata event type marking Sift's digest posts. */
  static final String EVENT_TYPE = "sift_digest";

  /** A channel the bot can see. */
  public record Channel(String id, String name, boolean isPrivate) {}

  private final SlackApi slack;
  private Map<String, Channel> byName;

  public DigestSlack(SlackApi slack) {
    this.slack = slack;
  }

  /** A channel by name (without '#') or id, among those Sift can see; looked up once. */
  public synchronized Optional<Channel> channel(String nameOrId) {
    if (byName == null) {
      byName = new HashMap<>();
      String cursor = null;
      do {
        String page = cursor;
        var r =
            slack.call(
                "conversations.list",
                m ->
                    m.conversationsList(
                        q ->
                            q.types(
                                    List.of(
                                        ConversationType.PUBLIC_CHANNEL,
                                        ConversationType.PRIVATE_CHANNEL))
                                .excludeArchived(true)
                                .limit(200)
                                .cursor(page)));
        // An answer without its list (a gateway or an emulator trimming it) means no channels.
        java.util.Objects.requireNonNullElse(r.getChannels(), List.<Conversation>of())
            .forEach(
                c -> {
                  Channel ch = new Channel(c.getId(), c.getName(), c.isPrivate());
                  byName.put(c.getName(), ch);
                  byName.put(c.getId(), ch);
                });
        cursor = r.getResponseMetadata() == null ? null : r.getResponseMetadata().getNextCursor();
      } while (cursor != null && !cursor.isEmpty());
    }
    return Optional.ofNullable(byName.get(nameOrId));
  }

  /** Everyone in a channel. */
  public Set<String> members(String channelId) {
    Set<String> out = new LinkedHashSet<>();
    String cursor = null;
    do {
      String page = cursor;
      var r =
          slack.call(
              "conversations.members",
              m -> m.conversationsMembers(q -> q.channel(channelId).limit(500).cursor(page)));
      out.addAll(java.util.Objects.requireNonNullElse(r.getMembers(), List.<String>of()));
      cursor = r.getResponseMetadata() == null ? null : r.getResponseMetadata().getNextCursor();
    } while (cursor != null && !cursor.isEmpty());
    return out;
  }

  /** Everyone in a user group. */
  public List<String> groupMembers(String groupId) {
    return List.copyOf(
        slack
            .call("usergroups.users.list", m -> m.usergroupsUsersList(q -> q.usergroup(groupId)))
            .getUsers());
  }

  /** The DM channel with a user, opened if need be. */
  public String dm(String userId) {
    return slack
        .call("conversations.open", m -> m.conversationsOpen(q -> q.users(List.of(userId))))
        .getChannel()
        .getId();
  }

  /**
   * Posts a message and returns its ts; the first post of a digest carries {@code metadata} so that
   * it can be found again after a crash.
   *
   * @param threadTs the first post's ts for a continuation, or null
   * @param metadata the schedule name and slot, or null
   */
  public String post(
      String channel,
      String threadTs,
      String text,
      List<LayoutBlock> blocks,
      Map<String, Object> metadata) {
    return slack
        .post(
            channel,
            "chat.postMessage",
            m ->
                m.chatPostMessage(
                    q ->
                        q.channel(channel)
                            .threadTs(threadTs)
                            .text(text)
                            .blocks(blocks)
                            .unfurlLinks(false)
                            .unfurlMedia(false)
                            .metadata(
                                metadata == null
                                    ? null
                                    : new Message.Metadata(EVENT_TYPE, metadata))))
        .getTs();
  }

  /**
   * The ts of a post in {@code channel} since {@code oldest} whose metadata matches {@code
   * payload}, if there is one.
   */
  public Optional<String> findPost(String channel, Instant oldest, Map<String, Object> payload) {
    String from = oldest.getEpochSecond() + ".000000";
    for (Message msg : slack.messagesWithMetadata(channel, null, from, null, Integer.MAX_VALUE)) {
      Message.Metadata md = msg.getMetadata();
      if (md != null && EVENT_TYPE.equals(md.getEventType()) && matches(md, payload)) {
        return Optional.of(msg.getTs());
      }
    }
    return Optional.empty();
  }

  private static boolean matches(Message.Metadata md, Map<String, Object> payload) {
    Map<String, Object> got = md.getEventPayload();
    if (got == null) {
      return false;
    }
    List<String> differences = new ArrayList<>();
    payload.forEach(
        (k, v) -> {
          if (!String.valueOf(v).equals(String.valueOf(got.get(k)))) {
            differences.add(k);
          }
        });
    return differences.isEmpty();
  }
}

package dev.sift.bot.slack;

import com.slack.api.model.Conversation;
import com.slack.api.model.ConversationType;
import com.slack.api.model.User;
import dev.sift.bot.export.People;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Names and memberships Sift needs from Slack, asked once and cached: who a user id is, what a
 * channel is called and whether it is private, who is in a user group, which private channels a
 * user may search.
 */
public final class Directory implements People {
  private static final Logger log = LoggerFactory.getLogger(Directory.class);
  private static final Duration MEMBERSHIP_TTL = Duration.ofMinutes(5);

  /** A channel as Sift sees it. */
  public record Channel(String id, String name, boolean isPrivate) {}

  private record Person(String name, boolean bot) {}

  private record Timed<T>(T value, long at) {
    boolean fresh() {
      return System.nanoTime() - at < MEMBERSHIP_TTL.toNanos();
    }
  }

  private final SlackApi slack;
  private final ConcurrentHashMap<String, Person> people = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Channel> channels = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Timed<List<String>>> groups = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Timed<Set<String>>> privateMemberships =
      new ConcurrentHashMap<>();

  public Directory(SlackApi slack) {
    this.slack = slack;
  }

  @Override
  public String name(String userId) {
    return userId == null ? null : person(userId).name();
  }

  @Override
  public boolean isBot(String userId) {
    return userId != null && person(userId).bot();
  }

  /** The channel with this id; when Slack cannot say, the id stands in for the name. */
  public Channel channel(String channelId) {
    Channel known = channels.get(channelId);
    if (known != null) {
      return known;
    }
    try {
      Conversation c =
          slack
              .call("conversations.info", m -> m.conversationsInfo(r -> r.channel(channelId)))
              .getChannel();
      Channel found = new Channel(channelId, c.getName(), c.isPrivate());
      channels.put(channelId, found);
      return found;
    } catch (SlackCallException e) {
      // Not cached, so the next message tries again; private is the safe guess for search.
      log.warn("cannot look up channel {}: {}", channelId, e.error());
      return new Channel(channelId, channelId, true);
    }
  }

  /** A channel's name for message text ({@code <#C123>} → {@code #general}). */
  public String channelName(String channelId) {
    return channel(channelId).name();
  }

  /** Members of a user group, for round-robin assignment; empty when Slack cannot say. */
  public List<String> groupMembers(String groupId) {
    Timed<List<String>> cached = groups.get(groupId);
    if (cached != null && cached.fresh()) {
      return cached.value();
    }
    try {
      List<String> users =
          slack
              .call("usergroups.users.list", m -> m.usergroupsUsersList(r -> r.usergroup(groupId)))
              .getUsers();
      groups.put(groupId, new Timed<>(List.copyOf(users), System.nanoTime()));
      return users;
    } catch (SlackCallException e) {
      log.warn("cannot list user group {}: {}", groupId, e.error());
      return cached == null ? List.of() : cached.value();
    }
  }

  /**
   * The private channels a user is in (that Sift can see too): search shows private messages only
   * to their members.
   */
  public Set<String> privateChannelsOf(String userId) {
    Timed<Set<String>> cached = privateMemberships.get(userId);
    if (cached != null && cached.fresh()) {
      return cached.value();
    }
    Set<String> ids = new HashSet<>();
    String cursor = null;
    try {
      do {
        String page = cursor;
        var response =
            slack.call(
                "users.conversations",
                m ->
                    m.usersConversations(
                        r ->
                            r.user(userId)
                                .types(List.of(ConversationType.PRIVATE_CHANNEL))
                                .excludeArchived(true)
                                .limit(200)
                                .cursor(page)));
        response.getChannels().forEach(c -> ids.add(c.getId()));
        cursor =
            response.getResponseMetadata() == null
                ? null
                : response.getResponseMetadata().getNextCursor();
      } while (cursor != null && !cursor.isEmpty());
    } catch (SlackCallException e) {
      log.warn("cannot list {}'s private channels: {}", userId, e.error());
      return Set.of(); // when in doubt, show less
    }
    Set<String> result = Set.copyOf(ids);
    privateMemberships.put(userId, new Timed<>(result, System.nanoTime()));
    return result;
  }

  /** Learns a channel from an event that names it, sparing a lookup. */
  public void remember(Channel channel) {
    channels.put(channel.id(), channel);
  }

  private Person person(String userId) {
    Person known = people.get(userId);
    if (known != null) {
      return known;
    }
    try {
      User u = slack.call("users.info", m -> m.usersInfo(r -> r.user(userId))).getUser();
      Person found = new Person(displayName(u), u.isBot());
      people.put(userId, found);
      return found;
    } catch (SlackCallException e) {
      log.warn("cannot look up user {}: {}", userId, e.error());
      return new Person(null, false);
    }
  }

  private static String displayName(User u) {
    if (u.getProfile() != null) {
      String display = u.getProfile().getDisplayName();
      if (display != null && !display.isBlank()) {
        return display;
      }
      String real = u.getProfile().getRealName();
      if (real != null && !real.isBlank()) {
        return real;
      }
    }
    return u.getRealName() != null && !u.getRealName().isBlank() ? u.getRealName() : u.getName();
  }
}

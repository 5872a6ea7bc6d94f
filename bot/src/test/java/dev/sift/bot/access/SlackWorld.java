package dev.sift.bot.access;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;

import com.slack.api.RequestConfigurator;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.request.conversations.ConversationsInfoRequest;
import com.slack.api.methods.request.conversations.ConversationsMembersRequest;
import com.slack.api.methods.request.users.UsersConversationsRequest;
import com.slack.api.methods.request.users.UsersInfoRequest;
import com.slack.api.methods.response.conversations.ConversationsInfoResponse;
import com.slack.api.methods.response.conversations.ConversationsListResponse;
import com.slack.api.methods.response.conversations.ConversationsMembersResponse;
import com.slack.api.methods.response.users.UsersConversationsResponse;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.ConversationType;
import com.slack.api.model.User;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.mockito.Mockito;

/**
 * A random Slack organisation that answers Sift's Web API calls as Slack would, and says, by
 * Slack's rules written out here on their own, who may read what. The leak test compares Sift's
 * answers with it.
 */
final class SlackWorld {

  /** Someone in the organisation; fields change as the test goes on. */
  static final class Member {
    final String id;
    final String team;
    boolean guest;
    boolean deactivated;

    Member(String id, String team, boolean guest) {
      this.id = id;
      this.team = team;
      this.guest = guest;
    }

    @Override
    public String toString() {
      return id + "@" + team + (guest ? " guest" : "") + (deactivated ? " deactivated" : "");
    }
  }

  /** A conversation; fields change as the test goes on. */
  static final class Room {
    final String id;
    final String team;
    Conversation.Kind kind;
    boolean archived;
    boolean deleted;
    final Set<String> members = new TreeSet<>();

    Room(String id, String team, Conversation.Kind kind) {
      this.id = id;
      this.team = team;
      this.kind = kind;
    }

    @Override
    public String toString() {
      return id
          + "@"
          + team
          + " "
          + kind
          + (archived ? " archived" : "")
          + (deleted ? " deleted" : "")
          + " "
          + members;
    }
  }

  final Map<String, Member> people = new LinkedHashMap<>();
  final Map<String, Room> rooms = new LinkedHashMap<>();

  /** Web API methods that fail (as with a network error or a missing scope) for now. */
  final Set<String> failing = new TreeSet<>();

  final AtomicInteger calls = new AtomicInteger();

  static SlackWorld random(Random r) {
    SlackWorld w = new SlackWorld();
    List<String> teams = r.nextInt(3) == 0 ? List.of("T1", "T2") : List.of("T1");
    int people = 2 + r.nextInt(7);
    for (int i = 0; i < people; i++) {
      String team = teams.get(r.nextInt(teams.size()));
      w.people.put("U" + i, new Member("U" + i, team, r.nextInt(4) == 0));
    }
    List<String> ids = new ArrayList<>(w.people.keySet());
    int rooms = 2 + r.nextInt(7);
    Conversation.Kind[] kinds = {
      Conversation.Kind.PUBLIC,
      Conversation.Kind.PUBLIC,
      Conversation.Kind.PRIVATE,
      Conversation.Kind.PRIVATE,
      Conversation.Kind.GROUP_DM,
      Conversation.Kind.DM
    };
    for (int i = 0; i < rooms; i++) {
      Conversation.Kind kind = kinds[r.nextInt(kinds.length)];
      String prefix =
          switch (kind) {
            case DM -> "D";
            case PUBLIC -> "C";
            default -> "G";
          };
      Room room = new Room(prefix + "0ROOM" + i, teams.get(r.nextInt(teams.size())), kind);
      if (kind == Conversation.Kind.DM) {
        room.members.add(ids.get(r.nextInt(ids.size())));
        room.members.add(ids.get(r.nextInt(ids.size())));
      } else {
        for (String id : ids) {
          if (r.nextInt(3) == 0) {
            room.members.add(id);
          }
        }
      }
      room.archived = r.nextInt(6) == 0;
      w.rooms.put(room.id, room);
    }
    return w;
  }

  /** Slack's rule, stated on its own: may this person read this conversation? */
  boolean slackLets(String userId, String roomId) {
    Member m = people.get(userId);
    Room c = rooms.get(roomId);
    if (c.deleted || m.deactivated) {
      return false;
    }
    if (c.members.contains(userId)) {
      return true;
    }
    return c.kind == Conversation.Kind.PUBLIC && !m.guest && m.team.equals(c.team);
  }

  /**
   * May everyone active in {@code destination} read {@code source}? (A deactivated account reads
   * nothing.)
   */
  boolean everyoneActiveMayRead(String source, String destination) {
    return source.equals(destination)
        || rooms.get(destination).members.stream()
            .filter(u -> !people.get(u).deactivated)
            .allMatch(u -> slackLets(u, source));
  }

  /** A Web API client that answers from this world. */
  MethodsClient client() {
    MethodsClient client = mock(MethodsClient.class, Mockito.RETURNS_DEFAULTS);
    try {
      Mockito.when(client.conversationsInfo(any(RequestConfigurator.class)))
          .thenAnswer(
              a -> {
                ConversationsInfoRequest q =
                    this.<ConversationsInfoRequest.ConversationsInfoRequestBuilder>configured(
                            a.getArgument(0), ConversationsInfoRequest.builder())
                        .build();
                ConversationsInfoResponse out = new ConversationsInfoResponse();
                Room room = rooms.get(q.getChannel());
                if (failed("conversations.info", out)) {
                  return out;
                }
                if (room == null || room.deleted) {
                  return error(out, "channel_not_found");
                }
                out.setOk(true);
                out.setChannel(model(room));
                return out;
              });
      Mockito.when(client.conversationsList(any(RequestConfigurator.class)))
          .thenAnswer(
              a -> {
                ConversationsListResponse out = new ConversationsListResponse();
                if (failed("conversations.list", out)) {
                  return out;
                }
                out.setOk(true);
                out.setChannels(
                    rooms.values().stream()
                        .filter(c -> !c.deleted)
                        .filter(
                            c ->
                                c.kind == Conversation.Kind.PUBLIC
                                    || c.kind == Conversation.Kind.PRIVATE)
                        .map(SlackWorld::model)
                        .toList());
                return out;
              });
      Mockito.when(client.usersInfo(any(RequestConfigurator.class)))
          .thenAnswer(
              a -> {
                UsersInfoRequest q =
                    this.<UsersInfoRequest.UsersInfoRequestBuilder>configured(
                            a.getArgument(0), UsersInfoRequest.builder())
                        .build();
                UsersInfoResponse out = new UsersInfoResponse();
                Member m = people.get(q.getUser());
                if (failed("users.info", out)) {
                  return out;
                }
                if (m == null) {
                  return error(out, "user_not_found");
                }
                User u = new User();
                u.setId(m.id);
                u.setName(m.id.toLowerCase());
                u.setTeamId(m.team);
                u.setRestricted(m.guest);
                u.setDeleted(m.deactivated);
                out.setOk(true);
                out.setUser(u);
                return out;
              });
      Mockito.when(client.usersConversations(any(RequestConfigurator.class)))
          .thenAnswer(
              a -> {
                UsersConversationsRequest q =
                    this.<UsersConversationsRequest.UsersConversationsRequestBuilder>configured(
                            a.getArgument(0), UsersConversationsRequest.builder())
                        .build();
                UsersConversationsResponse out = new UsersConversationsResponse();
                if (failed("users.conversations", out)) {
                  return out;
                }
                List<ConversationType> types = q.getTypes();
                out.setOk(true);
                out.setChannels(
                    rooms.values().stream()
                        .filter(c -> !c.deleted && c.members.contains(q.getUser()))
                        .filter(c -> !c.archived || !q.isExcludeArchived())
                        .filter(c -> types.contains(type(c.kind)))
                        .map(SlackWorld::model)
                        .toList());
                return out;
              });
      Mockito.when(client.conversationsMembers(any(RequestConfigurator.class)))
          .thenAnswer(
              a -> {
                ConversationsMembersRequest q =
                    this.<ConversationsMembersRequest.ConversationsMembersRequestBuilder>configured(
                            a.getArgument(0), ConversationsMembersRequest.builder())
                        .build();
                ConversationsMembersResponse out = new ConversationsMembersResponse();
                if (failed("conversations.members", out)) {
                  return out;
                }
                Room room = rooms.get(q.getChannel());
                if (room == null || room.deleted) {
                  return error(out, "channel_not_found");
                }
                out.setOk(true);
                out.setMembers(List.copyOf(room.members));
                return out;
              });
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    return client;
  }

  @SuppressWarnings("unchecked")
  private <B> B configured(Object configurator, B builder) {
    calls.incrementAndGet();
    return ((RequestConfigurator<B>) configurator).configure(builder);
  }

  private boolean failed(String method, SlackApiTextResponse out) {
    if (failing.contains(method)) {
      error(out, "internal_error");
      return true;
    }
    return false;
  }

  private static <T extends SlackApiTextResponse> T error(T out, String error) {
    out.setOk(false);
    out.setError(error);
    return out;
  }

  private static ConversationType type(Conversation.Kind kind) {
    return switch (kind) {
      case PUBLIC -> ConversationType.PUBLIC_CHANNEL;
      case PRIVATE -> ConversationType.PRIVATE_CHANNEL;
      case GROUP_DM -> ConversationType.MPIM;
      default -> ConversationType.IM;
    };
  }

  private static com.slack.api.model.Conversation model(Room room) {
    com.slack.api.model.Conversation c = new com.slack.api.model.Conversation();
    c.setId(room.id);
    c.setName(room.kind == Conversation.Kind.DM ? null : room.id.toLowerCase());
    c.setContextTeamId(room.team);
    c.setPrivate(room.kind == Conversation.Kind.PRIVATE || room.kind == Conversation.Kind.GROUP_DM);
    c.setMpim(room.kind == Conversation.Kind.GROUP_DM);
    c.setIm(room.kind == Conversation.Kind.DM);
    c.setArchived(room.archived);
    return c;
  }

  @Override
  public String toString() {
    return "people " + people.values() + "\nrooms " + rooms.values() + "\nfailing " + failing;
  }
}

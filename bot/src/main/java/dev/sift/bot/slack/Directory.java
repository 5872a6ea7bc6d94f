package dev.sift.bot.slack;

import com.slack.api.model.ConversationType;
import com.slack.api.model.User;
import dev.sift.bot.access.Conversation;
import dev.sift.bot.access.SlackFacts;
import dev.sift.bot.export.People;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Names and memberships Sift needs from Slack, asked once and cached: who a user id is, what a
 * channel is called and whether it is private, who is in a user group, which private channels a
 * user may search.
 */
public final class Directory implements People, SlackFacts {
  private static final Logger log = LoggerFactory.getLogger(Directory.class);

  /**
   * How long what Slack said about a channel (its name, whether it is private) or about who is in
   * which private channel is believed: a removal, or a channel made private, archived or renamed,
   * takes effect within this everywhere Sift shows messages. A member-left event takes effect at
   * once.
   */
  static final Duration FRESH_FOR = Duration.ofSeconds(60);

  /** Pages of {@code conversations.list} read at most (1,000 channels a page). */
  private static final int MAX_LISTING_PAGES = 20;

  /** How long a failed channel look-up is believed before Slack is asked again. */
  static final Duration LOOKUP_RETRY = Duration.ofMinutes(1);

  /**
   * A channel as Sift sees it.
   *
   * @param name its name, or its id while Slack has not told the name (then {@code lookupError}
   *     says why)
   * @param privacyKnown false when neither Slack nor any event said whether it is private; it then
   *     counts as private, the safe side
   * @param lookupError Slack's error for the last look-up (e.g. {@code missing_scope}), or null
   */
  public record Channel(
      String id,
      String name,
      boolean isPrivate,
      boolean privacyKnown,
      String lookupError,
      Conversation.Kind kind,
      boolean archived,
      String team) {
    public Channel(String id, String name, boolean isPrivate) {
      this(id, name, isPrivate, true, null);
    }

    public Channel(
        String id, String name, boolean isPrivate, boolean privacyKnown, String lookupError) {
      this(
          id,
          name,
          isPrivate,
          privacyKnown,
          lookupError,
          !privacyKnown
              ? Conversation.Kind.UNKNOWN
              : isPrivate ? Conversation.Kind.PRIVATE : Conversation.Kind.PUBLIC,
          false,
          null);
    }

    /** What Slack said of a conversation; a DM or group DM counts as private. */
    public static Channel of(com.slack.api.model.Conversation c) {
      Conversation.Kind kind =
          c.isIm()
              ? Conversation.Kind.DM
              : c.isMpim()
                  ? Conversation.Kind.GROUP_DM
                  : c.isPrivate() ? Conversation.Kind.PRIVATE : Conversation.Kind.PUBLIC;
      String name = c.getName() != null ? c.getName() : c.getId();
      return new Channel(
          c.getId(),
          name,
          kind != Conversation.Kind.PUBLIC,
          true,
          null,
          kind,
          c.isArchived(),
          c.getContextTeamId());
    }

    /** Whether {@link #name} is the channel's name, not its id standing in. */
    public boolean named() {
      return !name.equals(id);
    }
  }

  private record Failure(String error, long at) {}

  private record Person(String name, boolean bot, dev.sift.bot.access.Person facts) {}

  private record Timed<T>(T value, long at) {
    boolean freshAt(long now) {
      return now - at < FRESH_FOR.toNanos();
    }
  }

  private final SlackApi slack;
  private final Function<String, Optional<Boolean>> privacyHints;
  private final LongSupplier nanoTime;
  private final ConcurrentHashMap<String, Failure> failures = new ConcurrentHashMap<>();
  private final List<BiConsumer<String, String>> namedListeners = new CopyOnWriteArrayList<>();
  private final ConcurrentHashMap<String, Timed<Person>> people = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Timed<Channel>> channels = new ConcurrentHashMap<>();
  private Long lastListing;
  private final ConcurrentHashMap<String, Object> lookups = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Timed<List<String>>> groups = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Timed<Set<String>>> conversationsOfPerson =
      new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Timed<Set<String>>> membersOfChannel =
      new ConcurrentHashMap<>();
  private final Set<String> deleted = ConcurrentHashMap.newKeySet();

  public Directory(SlackApi slack) {
    this(slack, id -> Optional.empty(), System::nanoTime);
  }

  /**
   * @param privacyHints whether a channel is private as Slack's events said ({@code channel_type}),
   *     for when {@code conversations.info} cannot say
   * @param nanoTime the clock for every cache and failed look-up ({@link System#nanoTime} but in
   *     tests)
   */
  public Directory(
      SlackApi slack, Function<String, Optional<Boolean>> privacyHints, LongSupplier nanoTime) {
    this.slack = slack;
    this.privacyHints = privacyHints;
    this.nanoTime = nanoTime;
  }

  /**
   * Called with a channel's id and name each time Slack tells a name (the first look-up, and the
   * first after a failure), so that names stored while Slack could not say can be repaired.
   */
  public void onNamed(BiConsumer<String, String> listener) {
    namedListeners.add(listener);
  }

  @Override
  public String name(String userId) {
    return userId == null ? null : person(userId, false).name();
  }

  @Override
  public boolean isBot(String userId) {
    return userId != null && person(userId, false).bot();
  }

  /**
   * The channel with this id. When Slack cannot say ({@code missing_scope}, a network error), the
   * id stands in for the name and privacy is what the channel's events said; the failure is
   * believed for {@link #LOOKUP_RETRY}, then Slack is asked again.
   */
  public Channel channel(String channelId) {
    Timed<Channel> known = channels.get(channelId);
    if (known != null && known.freshAt(nanoTime.getAsLong())) {
      return known.value();
    }
    // A search asks about every indexed channel: one listing a minute refreshes them all, where
    // one conversations.info each would run into Slack's rate limit.
    refreshAll();
    // One look-up a channel at a time: the others wait for its answer (or its failure).
    synchronized (lookups.computeIfAbsent(channelId, id -> new Object())) {
      return lookUp(channelId);
    }
  }

  private Channel lookUp(String channelId) {
    Timed<Channel> known = channels.get(channelId);
    if (known != null && known.freshAt(nanoTime.getAsLong())) {
      return known.value();
    }
    Failure failed = failures.get(channelId);
    if (failed != null && nanoTime.getAsLong() - failed.at() < LOOKUP_RETRY.toNanos()) {
      return stale(channelId, known, failed.error());
    }
    try {
      com.slack.api.model.Conversation c =
          slack
              .call("conversations.info", m -> m.conversationsInfo(r -> r.channel(channelId)))
              .getChannel();
      Channel found = Channel.of(c);
      learn(found, known);
      return found;
    } catch (SlackCallException e) {
      if (failures.put(channelId, new Failure(e.error(), nanoTime.getAsLong())) == null) {
        log.warn(
            "cannot look up channel {} ({}); its events say whether it is private, and Slack is"
                + " asked again in {} s",
            channelId,
            e.error(),
            LOOKUP_RETRY.toSeconds());
      }
      return stale(channelId, known, e.error());
    }
  }

  /** Records what Slack said of a channel; stored names are repaired when it is news. */
  private void learn(Channel found, Timed<Channel> known) {
    channels.put(found.id(), new Timed<>(found, nanoTime.getAsLong()));
    boolean wasFailing = failures.remove(found.id()) != null;
    if (wasFailing) {
      log.info("channel {} is #{}: Slack answers again", found.id(), found.name());
    }
    if (wasFailing || known == null || !known.value().name().equals(found.name())) {
      // First told, told again after a failure, or renamed.
      namedListeners.forEach(l -> l.accept(found.id(), found.name()));
    }
  }

  /**
   * Lists every channel Sift can see ({@code conversations.list}: public ones, and private ones it
   * is in) and refreshes what is known of each, at most once every {@link #FRESH_FOR}. A failed
   * listing is not retried before then either; single look-ups take over.
   */
  private synchronized void refreshAll() {
    long now = nanoTime.getAsLong();
    if (lastListing != null && now - lastListing < FRESH_FOR.toNanos()) {
      return;
    }
    lastListing = now;
    List<com.slack.api.model.Conversation> all = new java.util.ArrayList<>();
    try {
      String cursor = null;
      int pages = 0;
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
                                .limit(1000)
                                .cursor(page)));
        if (r.getChannels() != null) {
          all.addAll(r.getChannels());
        }
        cursor = r.getResponseMetadata() == null ? null : r.getResponseMetadata().getNextCursor();
      } while (cursor != null && !cursor.isEmpty() && ++pages < MAX_LISTING_PAGES);
    } catch (SlackCallException e) {
      log.debug("cannot list channels ({}); looking them up one by one", e.error());
      return;
    }
    for (com.slack.api.model.Conversation c : all) {
      learn(Channel.of(c), channels.get(c.getId()));
    }
  }

  /**
   * What Sift last knew of a channel Slack cannot tell about now: its name, with the privacy the
   * channel's events said if they said, else private; with nothing known, the stand-in.
   */
  private Channel stale(String channelId, Timed<Channel> known, String error) {
    if (known == null) {
      return standIn(channelId, error);
    }
    // Its name still stands, but whether it is still public does not: a channel made private
    // since counts as such within a minute, so only the channel's own events may say it is public.
    Channel last = known.value();
    Optional<Boolean> hint = privacyHints.apply(channelId);
    return new Channel(channelId, last.name(), hint.orElse(true), hint.isPresent(), error);
  }

  private Channel standIn(String channelId, String error) {
    Optional<Boolean> hint = privacyHints.apply(channelId);
    return new Channel(channelId, channelId, hint.orElse(true), hint.isPresent(), error);
  }

  /**
   * A channel by id, or by name (with or without {@code #}) among those Sift can see; empty when no
   * channel Sift can see has that name.
   */
  public Optional<Channel> find(String nameOrId) {
    String name = nameOrId.replaceFirst("^#", "");
    if (name.matches("[CGD][A-Z0-9]{6,}")) {
      return Optional.of(channel(name));
    }
    refreshAll();
    return channels.values().stream()
        .map(Timed::value)
        .filter(c -> c.name().equalsIgnoreCase(name))
        .findFirst();
  }

  /** Every channel Sift can see, as one listing (at most a minute old) says. */
  public List<Channel> all() {
    refreshAll();
    return channels.values().stream().map(Timed::value).toList();
  }

  /** A channel's name for message text ({@code <#C123>} → {@code #general}). */
  public String channelName(String channelId) {
    return channel(channelId).name();
  }

  /** Members of a user group, for round-robin assignment; empty when Slack cannot say. */
  public List<String> groupMembers(String groupId) {
    Timed<List<String>> cached = groups.get(groupId);
    if (cached != null && cached.freshAt(nanoTime.getAsLong())) {
      return cached.value();
    }
    try {
      List<String> users =
          slack
              .call("usergroups.users.list", m -> m.usergroupsUsersList(r -> r.usergroup(groupId)))
              .getUsers();
      groups.put(groupId, new Timed<>(List.copyOf(users), nanoTime.getAsLong()));
      return users;
    } catch (SlackCallException e) {
      log.warn("cannot list user group {}: {}", groupId, e.error());
      return cached == null ? List.of() : cached.value();
    }
  }

  /**
   * The channels a person is in that Sift can see too, public and private, archived ones included
   * (their members still read them). Empty when Slack cannot say: then they are shown less.
   */
  @Override
  public Set<String> conversationsOf(String userId) {
    Timed<Set<String>> cached = conversationsOfPerson.get(userId);
    if (cached != null && cached.freshAt(nanoTime.getAsLong())) {
      return cached.value();
    }
    try {
      Set<String> ids = new HashSet<>();
      pages(
          "users.conversations",
          cursor ->
              slack.call(
                  "users.conversations",
                  m ->
                      m.usersConversations(
                          r ->
                              r.user(userId)
                                  .types(
                                      List.of(
                                          ConversationType.PUBLIC_CHANNEL,
                                          ConversationType.PRIVATE_CHANNEL))
                                  .excludeArchived(false)
                                  .limit(200)
                                  .cursor(cursor))),
          r -> r.getChannels().forEach(c -> ids.add(c.getId())),
          r -> r.getResponseMetadata());
      Set<String> result = Set.copyOf(ids);
      conversationsOfPerson.put(userId, new Timed<>(result, nanoTime.getAsLong()));
      return result;
    } catch (SlackCallException e) {
      log.warn("cannot list {}'s channels: {}", userId, e.error());
      return Set.of(); // when in doubt, show less
    }
  }

  /** Everyone in a channel ({@code conversations.members}), or empty when Slack cannot say. */
  @Override
  public Optional<Set<String>> membersOf(String channelId) {
    Timed<Set<String>> cached = membersOfChannel.get(channelId);
    if (cached != null && cached.freshAt(nanoTime.getAsLong())) {
      return Optional.of(cached.value());
    }
    try {
      Set<String> ids = new HashSet<>();
      pages(
          "conversations.members",
          cursor ->
              slack.call(
                  "conversations.members",
                  m -> m.conversationsMembers(r -> r.channel(channelId).limit(500).cursor(cursor))),
          r -> ids.addAll(r.getMembers()),
          r -> r.getResponseMetadata());
      Set<String> result = Set.copyOf(ids);
      membersOfChannel.put(channelId, new Timed<>(result, nanoTime.getAsLong()));
      return Optional.of(result);
    } catch (SlackCallException e) {
      log.warn("cannot list who is in {}: {}", channelId, e.error());
      return Optional.empty();
    }
  }

  /** Reads every page of a paginated call (at most {@link #MAX_LISTING_PAGES}). */
  private static <R> void pages(
      String method,
      java.util.function.Function<String, R> call,
      java.util.function.Consumer<R> read,
      java.util.function.Function<R, com.slack.api.model.ResponseMetadata> metadata) {
    String cursor = null;
    int pages = 0;
    do {
      R response = call.apply(cursor);
      read.accept(response);
      var meta = metadata.apply(response);
      cursor = meta == null ? null : meta.getNextCursor();
    } while (cursor != null && !cursor.isEmpty() && ++pages < MAX_LISTING_PAGES);
    if (pages == MAX_LISTING_PAGES) {
      log.warn("{}: stopped after {} pages", method, MAX_LISTING_PAGES);
    }
  }

  /** The conversation, for deciding who may read it: a deleted one is read by nobody. */
  @Override
  public Conversation conversation(String channelId) {
    if (deleted.contains(channelId)) {
      return Conversation.gone(channelId);
    }
    Channel c = channel(channelId);
    Failure failed = failures.get(channelId);
    if (failed != null && "channel_not_found".equals(failed.error())) {
      return Conversation.gone(channelId);
    }
    return new Conversation(c.id(), c.team(), c.kind(), c.archived(), false);
  }

  /** Who someone is, for deciding what they may read; at most a minute old. */
  @Override
  public dev.sift.bot.access.Person person(String userId) {
    return person(userId, true).facts();
  }

  /** Learns a channel from an event that names it, sparing a lookup. */
  public void remember(Channel channel) {
    channels.put(channel.id(), new Timed<>(channel, nanoTime.getAsLong()));
  }

  /**
   * Forgets who is in which channel for this person and channel, so the next search, queue, Home
   * tab or card asks Slack again: they joined or left just now.
   */
  public void membershipChanged(String userId, String channelId) {
    conversationsOfPerson.remove(userId);
    if (channelId != null) {
      membersOfChannel.remove(channelId);
    }
  }

  /**
   * Forgets what Slack said of a channel, so the next use asks again: it was archived, unarchived,
   * renamed or converted just now.
   */
  public void channelChanged(String channelId) {
    channels.remove(channelId);
    membersOfChannel.remove(channelId);
  }

  /** A channel was deleted: nobody sees its messages from now on. */
  public void channelDeleted(String channelId) {
    deleted.add(channelId);
    channelChanged(channelId);
  }

  private Person person(String userId, boolean fresh) {
    Timed<Person> known = people.get(userId);
    if (known != null && (!fresh || known.freshAt(nanoTime.getAsLong()))) {
      return known.value();
    }
    Failure failed = failures.get(userId);
    if (failed != null && nanoTime.getAsLong() - failed.at() < LOOKUP_RETRY.toNanos()) {
      return unknownPerson(userId, known);
    }
    try {
      User u = slack.call("users.info", m -> m.usersInfo(r -> r.user(userId))).getUser();
      Person found =
          new Person(
              displayName(u),
              u.isBot(),
              new dev.sift.bot.access.Person(
                  userId,
                  u.getTeamId(),
                  u.isRestricted() || u.isUltraRestricted(),
                  u.isDeleted(),
                  true));
      people.put(userId, new Timed<>(found, nanoTime.getAsLong()));
      failures.remove(userId);
      return found;
    } catch (SlackCallException e) {
      if (failures.put(userId, new Failure(e.error(), nanoTime.getAsLong())) == null) {
        log.warn("cannot look up user {}: {}; asked again in a minute", userId, e.error());
      }
      return unknownPerson(userId, known);
    }
  }

  /** Their last known name, but the access of someone Slack cannot describe: a guest's. */
  private static Person unknownPerson(String userId, Timed<Person> known) {
    return new Person(
        known == null ? null : known.value().name(),
        known != null && known.value().bot(),
        dev.sift.bot.access.Person.unknown(userId));
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

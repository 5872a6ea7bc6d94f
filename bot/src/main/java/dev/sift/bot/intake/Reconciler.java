package dev.sift.bot.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.gson.Gson;
import com.slack.api.model.ConversationType;
import com.slack.api.util.json.GsonFactory;
import dev.sift.bot.slack.Directory;
import dev.sift.bot.slack.SlackApi;
import dev.sift.bot.slack.SlackCallException;
import dev.sift.bot.slack.Watchlist;
import dev.sift.index.MessageStore;
import dev.sift.triage.message.SlackTs;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Catches up with what Slack has that Sift did not take in: on start, after every Socket Mode
 * reconnect, and for {@code sift backfill}. Each monitored channel is read through {@code
 * conversations.history} from its checkpoint (a little before, in case events arrived out of
 * order), and {@code conversations.replies} for threads that changed since; new messages are
 * triaged, changed ones re-triaged as edits, and messages the index has but Slack no longer lists
 * are deleted. Calls are paced to the methods' rate tier; a 429 waits its {@code Retry-After}.
 */
public final class Reconciler {
  private static final Logger log = LoggerFactory.getLogger(Reconciler.class);
  private static final Gson SLACK_JSON = GsonFactory.createSnakeCase();
  private static final int PAGE = 200;

  /**
   * How far back a catch-up looks for threads that got replies while Sift was away: a reply to an
   * older thread is not in the channel's recent history, only its parent's {@code latest_reply}
   * says so.
   */
  static final Duration THREAD_LOOKBACK = Duration.ofDays(3);

  /** An upper bound no message's ts reaches, for "up to now" whatever the clocks say. */
  private static final Duration FAR_AHEAD = Duration.ofDays(3650);

  /** Where what a catch-up finds goes: the live intake, or a backfill's batch. */
  @FunctionalInterface
  public interface Sink {
    void offer(SlackEvent e);
  }

  /** What a catch-up did. */
  public record Summary(int channels, int messages, int calls) {}

  private final String team;
  private final SlackApi slack;
  private final MessageStore index;
  private final Sink intake;
  private final Watchlist watchlist;
  private final String selfUserId;
  private final Duration pace;
  private final Duration overlap;
  private final FirstSeen firstSeen;
  private long nextCallAt;
  private int calls;

  /**
   * @param pace the least time between two history calls ({@code conversations.history} and {@code
   *     .replies} are Tier 3, about 50 a minute)
   * @param overlap how far before a checkpoint to read again, for events that arrived out of order
   */
  public Reconciler(
      String team,
      SlackApi slack,
      MessageStore index,
      Sink intake,
      Watchlist watchlist,
      String selfUserId,
      Duration pace,
      Duration overlap,
      Path firstSeenFile) {
    this.firstSeen = new FirstSeen(firstSeenFile);
    this.team = team;
    this.slack = slack;
    this.index = index;
    this.intake = intake;
    this.watchlist = watchlist;
    this.selfUserId = selfUserId;
    this.pace = pace;
    this.overlap = overlap;
  }

  /**
   * Whether a message was said while Sift watched its channel (or the channel's start is unknown);
   * false for history read by {@code sift backfill} from before then, which wants no task cards.
   */
  public boolean watched(String channelId, String ts) {
    return firstSeen
        .known(channelId)
        .map(since -> !SlackTs.parse(ts).isBefore(since.minus(overlap)))
        .orElse(true);
  }

  /** Notes when Sift began to watch a channel, unless it is known already. */
  public void watchingSince(String channelId, Instant when) {
    firstSeen.firstSeen(channelId, when);
  }

  /**
   * Catches up every monitored channel from its checkpoint as given (taken before the connection
   * whose gap this covers); a channel without one is read from {@code sinceWhenNew} when given
   * (after an index rebuild), else from when Sift first saw it, else left to {@code sift backfill}.
   */
  public Summary catchUp(Map<String, String> checkpoints, Instant sinceWhenNew) {
    return catchUp(checkpoints, sinceWhenNew, null);
  }

  /**
   * Catches up for a replica that died: each monitored channel from the replica's mark for it, and
   * a channel it had no mark for from {@code unmarkedFrom} (when it started: it can have taken in
   * nothing older). What it acked past its marks was only in its journal, which nobody else reads.
   */
  public Summary catchUpFor(Map<String, String> marks, Instant unmarkedFrom) {
    return catchUp(marks, null, unmarkedFrom);
  }

  private synchronized Summary catchUp(
      Map<String, String> checkpoints, Instant sinceWhenNew, Instant unmarkedFrom) {
    int channels = 0;
    int messages = 0;
    int before = calls;
    for (Directory.Channel c : monitoredChannels()) {
      String cp = checkpoints.get(c.id());
      String oldest;
      if (cp == null && unmarkedFrom != null) {
        oldest = SlackTs.of(unmarkedFrom.minus(overlap));
      } else if (cp != null) {
        oldest = SlackTs.ofMicros(Math.max(0, SlackTs.micros(cp) - overlap.toNanos() / 1000));
      } else if (sinceWhenNew != null) {
        // A rebuild: from when Sift began to watch the channel, within the rebuild window.
        Instant from =
            firstSeen
                .firstSeen(c.id(), Instant.now())
                .map(seen -> seen.minus(overlap))
                .filter(seen -> seen.isAfter(sinceWhenNew))
                .orElse(sinceWhenNew);
        oldest = SlackTs.of(from);
      } else {
        var seen = firstSeen.firstSeen(c.id(), Instant.now());
        if (seen.isEmpty()) {
          log.info(
              "now monitoring #{}; `sift backfill --channel {}` reads what was said before",
              c.name(),
              c.name());
          continue;
        }
        oldest = SlackTs.of(seen.get().minus(overlap));
      }
      try {
        String threadsFrom =
            SlackTs.of(
                Instant.ofEpochMilli(
                    Math.min(
                        SlackTs.micros(oldest) / 1000,
                        Instant.now().minus(THREAD_LOOKBACK).toEpochMilli())));
        messages += channel(c.id(), oldest, null, threadsFrom, n -> {});
        channels++;
      } catch (SlackCallException e) {
        log.warn("cannot catch up #{}: {}", c.name(), e.getMessage());
      }
    }
    Summary s = new Summary(channels, messages, calls - before);
    log.info(
        "caught up {} channels: {} messages compared with Slack in {} calls",
        s.channels(),
        s.messages(),
        s.calls());
    return s;
  }

  /**
   * Reads one channel's history from {@code oldestTs} and hands every message to the intake (which
   * skips what the index already has as it is); returns how many messages Slack listed.
   *
   * @param progress told the number of messages read so far, after every page
   */
  public int channel(String channelId, String oldestTs, IntConsumer progress) {
    return channel(channelId, oldestTs, null, oldestTs, progress);
  }

  /**
   * Reads one channel's history in {@code [oldestTs, latestTs]} ({@code latestTs} null: up to now),
   * and the threads whose parents are listed from {@code threadsFrom} (at or before {@code
   * oldestTs}) when they got replies since {@code oldestTs}; returns how many messages were
   * compared.
   */
  public int channel(
      String channelId,
      String oldestTs,
      String latestTs,
      String threadsFrom,
      IntConsumer progress) {
    long oldest = SlackTs.micros(oldestTs);
    String upTo = latestTs == null ? SlackTs.of(Instant.now().plus(FAR_AHEAD)) : latestTs;
    // A message the index held before the first call that Slack does not list was deleted. What
    // comes in by event while the pages are read is not in this snapshot: judging it by its ts
    // against this host's clock deleted new messages whenever Slack's clock ran behind it.
    Set<String> heldBefore = index.topLevelTs(channelId, oldestTs, upTo);
    Set<String> listed = new HashSet<>();
    String cursor = null;
    int read = 0;
    do {
      String page = cursor;
      var response =
          paced(
              "conversations.history",
              m ->
                  m.conversationsHistory(
                      r ->
                          r.channel(channelId)
                              .oldest(threadsFrom)
                              .latest(latestTs)
                              .inclusive(true)
                              .limit(PAGE)
                              .cursor(page)));
      List<JsonNode> threads = new ArrayList<>();
      for (var message : orEmpty(response.getMessages())) {
        JsonNode json = Jsons.read(SLACK_JSON.toJson(message));
        String ts = json.path("ts").asText(null);
        if (ts == null) {
          continue;
        }
        if (SlackTs.micros(ts) >= oldest) {
          listed.add(ts);
          offer(channelId, json);
          read++;
        }
        // A thread that changed since: new replies, or fewer (a deleted last reply leaves the
        // parent with no count but Sift may still hold it).
        boolean changed =
            json.has("latest_reply")
                && SlackTs.micros(json.path("latest_reply").asText()) >= oldest;
        if (changed || heldReplies(channelId, ts, oldestTs)) {
          threads.add(json);
        }
      }
      for (JsonNode parent : threads) {
        replies(channelId, parent.path("ts").asText(), oldestTs, upTo);
      }
      progress.accept(read);
      cursor =
          response.getResponseMetadata() == null
              ? null
              : response.getResponseMetadata().getNextCursor();
    } while (cursor != null && !cursor.isEmpty());
    for (String ts : heldBefore) {
      if (!listed.contains(ts)) {
        intake.offer(SlackEvent.deletedFromHistory(channelId, ts));
      }
    }
    return read;
  }

  private boolean heldReplies(String channelId, String threadTs, String oldestTs) {
    return !index.replyTs(channelId, threadTs, oldestTs, SlackTs.of(Instant.now())).isEmpty();
  }

  /**
   * A thread's replies since {@code oldestTs} (up to {@code upTo}); a reply the index held before
   * the first call that Slack does not list was deleted (one stored since may be newer than the
   * listing).
   */
  private void replies(String channelId, String threadTs, String oldestTs, String upTo) {
    Set<String> heldBefore = index.replyTs(channelId, threadTs, oldestTs, upTo);
    Set<String> listed = new HashSet<>();
    String cursor = null;
    do {
      String page = cursor;
      var response =
          paced(
              "conversations.replies",
              m ->
                  m.conversationsReplies(
                      r -> r.channel(channelId).ts(threadTs).limit(PAGE).cursor(page)));
      for (var message : orEmpty(response.getMessages())) {
        JsonNode json = Jsons.read(SLACK_JSON.toJson(message));
        String ts = json.path("ts").asText(null);
        if (ts == null || ts.equals(threadTs)) {
          continue;
        }
        listed.add(ts);
        if (SlackTs.micros(ts) >= SlackTs.micros(oldestTs)) {
          offer(channelId, json);
        }
      }
      cursor =
          response.getResponseMetadata() == null
              ? null
              : response.getResponseMetadata().getNextCursor();
    } while (cursor != null && !cursor.isEmpty());
    // Replies are found by their thread, not through the parent's item: a parent that joined
    // another item as a repeat report keeps no list of its own replies.
    for (String ts : heldBefore) {
      if (!listed.contains(ts)) {
        intake.offer(SlackEvent.deletedFromHistory(channelId, ts));
      }
    }
  }

  private void offer(String channelId, JsonNode message) {
    if (message.has("subtype")
        && !Set.of("bot_message", "file_share", "thread_broadcast", "me_message")
            .contains(message.path("subtype").asText())) {
      return; // joins, topic changes: nothing said
    }
    intake.offer(SlackEvent.fromHistory(channelId, message, message.has("edited")));
  }

  /** The channels Sift is in and monitors (it can read no others' history). */
  private List<Directory.Channel> monitoredChannels() {
    Map<String, Directory.Channel> found = new LinkedHashMap<>();
    String cursor = null;
    do {
      String page = cursor;
      var response =
          paced(
              "users.conversations",
              m ->
                  m.usersConversations(
                      r ->
                          r.user(selfUserId)
                              .types(
                                  List.of(
                                      ConversationType.PUBLIC_CHANNEL,
                                      ConversationType.PRIVATE_CHANNEL))
                              .excludeArchived(true)
                              .limit(PAGE)
                              .cursor(page)));
      for (var c : orEmpty(response.getChannels())) {
        if (watchlist.monitors(c.getId(), c.getName())) {
          found.put(c.getId(), new Directory.Channel(c.getId(), c.getName(), c.isPrivate()));
        }
      }
      cursor =
          response.getResponseMetadata() == null
              ? null
              : response.getResponseMetadata().getNextCursor();
    } while (cursor != null && !cursor.isEmpty());
    return List.copyOf(found.values());
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  private <T extends com.slack.api.methods.SlackApiTextResponse> T paced(
      String method, SlackApi.Call<T> call) {
    long wait = nextCallAt - System.nanoTime();
    if (wait > 0) {
      try {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SlackCallException(method, "interrupted", e);
      }
    }
    try {
      return slack.call(method, call);
    } finally {
      calls++;
      nextCallAt = System.nanoTime() + pace.toNanos();
    }
  }
}

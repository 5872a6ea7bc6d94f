package dev.sift.bot.storage;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sift.bot.schedule.Routine;
import dev.sift.index.SharedNotes;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each replica's own low-water marks, kept in the store so a replica that dies for good loses
 * nothing: its marks say, channel by channel, up to where everything it had taken in is stored.
 * What it acked after that sits in its journal, which only it replays. So when a replica's marks
 * have not been renewed for {@link #DEAD_AFTER}, one of the others (whichever claims it first)
 * catches up its channels from Slack's history from those marks, and removes them. A replica that
 * comes back under the same data folder replays its journal too; triage is idempotent, so the
 * overlap costs comparisons, not duplicates.
 */
public final class ReplicaMarks implements Routine {
  private static final Logger log = LoggerFactory.getLogger(ReplicaMarks.class);
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
          .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  static final String KIND = "marks";

  /** How often a live replica renews its marks: with every commit (every 2 s), no more often. */
  static final Duration RENEW_EVERY = Duration.ofSeconds(2);

  /** Marks this old belong to a replica that stopped: many renewals missed, not one slow one. */
  static final Duration DEAD_AFTER = Duration.ofMinutes(2);

  /** How often the others' marks are looked at. */
  static final Duration CHECK_EVERY = Duration.ofSeconds(30);

  /** How long a replica covering a dead one has before another may take the work over. */
  static final Duration COVER_LEASE = Duration.ofMinutes(30);

  /**
   * A catch-up through Slack's history for a replica that died: each channel from its mark, the
   * channels it has none for from when it started. Returns once it is done.
   */
  public interface CatchUp {
    void from(Map<String, String> marks, Instant unmarkedFrom);
  }

  /**
   * What a replica keeps in the store.
   *
   * @param since when it started: it took in nothing said much before, so a channel it has no mark
   *     for is read from then
   * @param marks its channels' low-water marks as its last commit made them durable
   */
  record Marks(Instant since, Map<String, String> marks) {}

  private final SharedNotes notes;
  private final Replica replica;
  private final Clock clock;
  private final CatchUp catchUp;
  private final Executor covering;
  private final Instant started;
  private Instant renewed = Instant.MIN;
  private Instant checked = Instant.MIN;

  /**
   * @param covering where a dead replica's catch-up runs (minutes, off the scheduler's thread)
   */
  public ReplicaMarks(
      SharedNotes notes, Replica replica, Clock clock, CatchUp catchUp, Executor covering) {
    this.notes = notes;
    this.replica = replica;
    this.clock = clock;
    this.catchUp = catchUp;
    this.covering = covering;
    this.started = clock.instant();
  }

  /**
   * This replica's marks as the commit that just succeeded made them durable; written to the store
   * every {@link #RENEW_EVERY}. Never ahead of the commit: another replica catching up from them
   * must not skip what this one has only in its journal.
   */
  public synchronized void committed(Map<String, String> marks) {
    Instant now = clock.instant();
    if (now.isBefore(renewed.plus(RENEW_EVERY))) {
      return;
    }
    try {
      notes.put(
          new SharedNotes.Note(
              KIND, replica.id(), JSON.writeValueAsString(new Marks(started, marks)), now));
      renewed = now;
    } catch (IOException | RuntimeException e) {
      log.warn("cannot renew this replica's marks in the store: {}", e.toString());
    }
  }

  /**
   * Where this replica's start-up catch-up begins, channel by channel. While other replicas are
   * live, Slack gave them the events of the time this one was away, and each of them renews its own
   * marks; so the catch-up needs to go back no further than the earliest of theirs (what this one
   * had acked before it stopped is in its journal). With none live, the store's checkpoints are all
   * there is. A channel the live replicas have no mark for keeps the store's checkpoint.
   */
  public Map<String, String> startFrom(Map<String, String> stored) {
    Instant now = clock.instant();
    Map<String, String> earliestLive = new java.util.HashMap<>();
    boolean anyLive = false;
    try {
      for (SharedNotes.Note note : notes.since(KIND, now.minus(DEAD_AFTER))) {
        if (note.id().equals(replica.id())) {
          continue;
        }
        anyLive = true;
        JSON.readValue(note.body(), Marks.class)
            .marks()
            .forEach(
                (channel, ts) ->
                    earliestLive.merge(
                        channel,
                        ts,
                        (a, b) ->
                            dev.sift.triage.message.SlackTs.micros(a)
                                    <= dev.sift.triage.message.SlackTs.micros(b)
                                ? a
                                : b));
      }
    } catch (IOException | RuntimeException e) {
      log.warn(
          "cannot read the other replicas' marks; catching up from the store's: {}", e.toString());
      return stored;
    }
    if (!anyLive) {
      return stored;
    }
    Map<String, String> from = new java.util.HashMap<>(stored);
    from.putAll(earliestLive);
    log.info(
        "other replicas are live: catching up from their marks for {} channels",
        earliestLive.size());
    return Map.copyOf(from);
  }

  /**
   * The replicas of a store that are running now, with when each last renewed its marks: a replica
   * stopped less than {@link #DEAD_AFTER} ago is among them, as the others cannot tell it apart.
   */
  public static Map<String, Instant> running(SharedNotes notes, Instant now) {
    Map<String, Instant> running = new java.util.TreeMap<>();
    notes.since(KIND, now.minus(DEAD_AFTER)).forEach(n -> running.put(n.id(), n.at()));
    return running;
  }

  @Override
  public String name() {
    return "replica marks";
  }

  /** Looks for replicas whose marks stopped being renewed, and covers each once. */
  @Override
  public void runDue(Instant now) {
    if (now.isBefore(checked.plus(CHECK_EVERY))) {
      return;
    }
    checked = now;
    for (SharedNotes.Note note : notes.since(KIND, Instant.EPOCH)) {
      if (!note.id().equals(replica.id()) && note.at().isBefore(now.minus(DEAD_AFTER))) {
        String work = "cover/" + note.id() + "/" + note.at().toEpochMilli();
        if (replica.take(work, COVER_LEASE)) {
          covering.execute(() -> cover(note, work));
        }
      }
    }
  }

  private void cover(SharedNotes.Note dead, String work) {
    try {
      Marks marks = JSON.readValue(dead.body(), Marks.class);
      log.info(
          "replica {} stopped renewing its marks at {}; catching up {} channels from its marks,"
              + " the others from its start at {}",
          dead.id(),
          dead.at(),
          marks.marks().size(),
          marks.since());
      catchUp.from(marks.marks(), marks.since());
      notes.remove(KIND, dead.id());
      replica.finished(work);
    } catch (IOException e) {
      log.warn("replica {}'s marks are unreadable, removed: {}", dead.id(), e.getMessage());
      notes.remove(KIND, dead.id());
      replica.finished(work);
    } catch (RuntimeException e) {
      log.warn("cannot cover replica {} yet: {}", dead.id(), e.toString());
      replica.giveBack(work);
    }
  }
}

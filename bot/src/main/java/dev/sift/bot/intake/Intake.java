package dev.sift.bot.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sift.bot.access.PrivateChannels;
import dev.sift.bot.export.ExportChannel;
import dev.sift.bot.export.MessageMapper;
import dev.sift.bot.pipeline.TriagePipeline;
import dev.sift.bot.slack.Directory;
import dev.sift.bot.slack.TaskDesk;
import dev.sift.bot.slack.Watchlist;
import dev.sift.bot.storage.Replica;
import dev.sift.triage.concurrent.NamedThreads;
import dev.sift.triage.item.Role;
import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.message.Message;
import dev.sift.triage.message.MessageKey;
import dev.sift.triage.priority.Prioritiser;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where Slack's message events enter. Retries and repeats are dropped, the rest is journaled
 * (fsynced) and only then acked and queued for triage; unmonitored channels and other bots are
 * skipped on the workers. An event's journal entry is done once its triage is in the index, and a
 * triage that throws is tried again a few times before it is given up: logged, and kept among the
 * {@link DeadLetters} before its journal entry is let go.
 */
public final class Intake {
  private static final Logger log = LoggerFactory.getLogger(Intake.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final CompletableFuture<Void> ACK_NOW = CompletableFuture.completedFuture(null);
  private static final int MAX_WAITS = 400;
  private static final int MAX_ATTEMPTS = 3;

  /** Claims that mark a message deleted, for the other replicas (see {@link #tombstone}). */
  public static final String TOMBSTONE = "deleted/";

  private final String team;
  private final Directory directory;
  private final Watchlist watchlist;
  private final WorkQueue queue;
  private final TriagePipeline pipeline;
  private final TaskDesk desk;
  private final PrivateChannels privacy;
  private final Set<String> selfIds;
  private final Journal journal;
  private final DeadLetters deadLetters;
  private final MessageMapper mapper;
  private final Deduper events = new Deduper(50_000);
  private final Deduper messages = new Deduper(50_000);
  private final Deduper deletedKeys = new Deduper(10_000);
  private final Set<String> pending = ConcurrentHashMap.newKeySet();
  private final ChannelMarks marks = new ChannelMarks();
  private final ConcurrentLinkedQueue<Runnable> spilled = new ConcurrentLinkedQueue<>();
  private final ExecutorService claims =
      Executors.newSingleThreadExecutor(NamedThreads.named("sift-intake-claims"));
  private final ScheduledExecutorService retries =
      Executors.newSingleThreadScheduledExecutor(NamedThreads.named("sift-intake-retry"));
  private final AtomicLong triaged = new AtomicLong();
  private final java.util.concurrent.atomic.AtomicInteger claiming =
      new java.util.concurrent.atomic.AtomicInteger();
  private final AtomicLong failed = new AtomicLong();
  private volatile long lastReplayed = -1;
  private volatile Replica replica;

  /**
   * @param journal where events are made durable before they are acked, or null (tests of other
   *     things, and no durability)
   * @param deadLetters where events given up are kept
   */
  public Intake(
      String team,
      Directory directory,
      Watchlist watchlist,
      WorkQueue queue,
      TriagePipeline pipeline,
      TaskDesk desk,
      PrivateChannels privacy,
      Set<String> selfIds,
      Journal journal,
      DeadLetters deadLetters) {
    this.team = team;
    this.directory = directory;
    this.watchlist = watchlist;
    this.queue = queue;
    this.pipeline = pipeline;
    this.desk = desk;
    this.privacy = privacy;
    this.selfIds = Set.copyOf(selfIds);
    this.journal = journal;
    this.deadLetters = deadLetters;
    this.mapper = new MessageMapper(team, directory, directory::channelName);
  }

  /**
   * An Events API {@code event_callback} from Slack. The returned future completes once the event
   * may be acked: at once for what Sift does not triage or has seen, after the journal's fsync for
   * the rest. If it fails, do not ack: Slack will send the event again.
   */
  public CompletableFuture<Void> accept(JsonNode callback) {
    SlackEvent e = SlackEvent.read(callback);
    if (e == null || e.ts() == null) {
      return ACK_NOW;
    }
    if (!events.firstTime(e.eventId())) {
      return ACK_NOW;
    }
    if (journal == null) {
      takeOnce(e, -1);
      return ACK_NOW;
    }
    return journal
        .append(callback.toString())
        .handle(
            (seq, error) -> {
              if (error != null) {
                events.forget(e.eventId()); // Slack's retry must not be dropped as a repeat
                throw new IllegalStateException("not journaled: " + error.getMessage(), error);
              }
              takeOnce(e, seq);
              return null;
            });
  }

  /**
   * Takes a journaled event in, unless another replica of this store took it in first (Slack
   * delivered it to both: a retry, a duplicate). The claim is made after the ack, on a thread of
   * its own and in arrival order, so the store's round trip never delays an ack into Slack's retry.
   * A replica that claims and then dies still has the event in its journal, which it replays at its
   * next start without claiming; if the store cannot be asked, the event is taken in anyway (triage
   * is idempotent: a rare duplicate beats a loss).
   */
  private void takeOnce(SlackEvent e, long seq) {
    Replica shared = replica;
    if (shared == null) {
      take(e, seq);
      return;
    }
    // Every event goes through the one claiming thread, claimed or not, so none overtakes an
    // earlier one (a delete its message).
    claiming.incrementAndGet();
    claims.execute(
        () -> {
          claiming.decrementAndGet();
          if (e.eventId() == null) {
            take(e, seq);
            return;
          }
          String claim = "event/" + e.eventId();
          boolean mine;
          try {
            mine = shared.takeDone(claim);
          } catch (RuntimeException ex) {
            log.warn("cannot claim {} in the store, taking it in anyway: {}", claim, ex.toString());
            mine = true;
          }
          if (mine) {
            take(e, seq);
          } else {
            finish(e, seq); // another replica took it in
          }
        });
  }

  /**
   * Shares event ids with the other replicas of this store: of the replicas Slack delivers an event
   * (and its retries) to, only the first takes it in.
   */
  public void shareWith(Replica replica) {
    this.replica = replica;
  }

  /** Raw JSON from Slack (an HTTP body, a Socket Mode payload). */
  public CompletableFuture<Void> accept(String callbackJson) {
    try {
      return accept(JSON.readTree(callbackJson));
    } catch (IOException e) {
      log.warn("unreadable event, acked and dropped: {}", e.getMessage());
      return ACK_NOW;
    }
  }

  /** Queues what the journal still held at start, in order, before any new event is taken. */
  public int replay(List<Journal.Entry> entries) {
    int n = 0;
    for (Journal.Entry entry : entries) {
      lastReplayed = Math.max(lastReplayed, entry.seq());
      SlackEvent e;
      try {
        e = SlackEvent.read(JSON.readTree(entry.payload()));
      } catch (IOException ex) {
        e = null;
      }
      if (e == null || e.ts() == null) {
        journal.processed(entry.seq());
        continue;
      }
      events.firstTime(e.eventId());
      take(e, entry.seq());
      n++;
    }
    return n;
  }

  /**
   * Waits until every event replayed from the journal is triaged (or the timeout passes): a
   * catch-up compares Slack's history with the index, and a replayed message not yet in it would
   * escape a delete made while Sift was down.
   */
  public boolean awaitReplayed(long timeout, TimeUnit unit) throws InterruptedException {
    long end = System.nanoTime() + unit.toNanos(timeout);
    while (journal != null && journal.lowWater() <= lastReplayed) {
      if (System.nanoTime() > end) {
        return false;
      }
      Thread.sleep(20);
    }
    return true;
  }

  /** Events given up before are tried once more (at start, after the journal's replay). */
  public int retryDeadLetters() {
    List<SlackEvent> again = deadLetters.takeAll();
    again.forEach(e -> take(e, -1));
    return again.size();
  }

  /** A message a catch-up found in Slack's history that the index lacks or has an older text of. */
  public void fromHistory(SlackEvent e) {
    take(e, -1);
  }

  /** Every channel's checkpoint: the newest ts below which all that was taken in is triaged. */
  public Map<String, String> checkpoints() {
    return marks.checkpoints();
  }

  /** Events acked and waiting for their claim among the replicas (health: a store too slow). */
  public int claiming() {
    return claiming.get();
  }

  /** Jobs a full queue set aside, waiting for room. */
  public int spilled() {
    return spilled.size();
  }

  /** Work shed by a full queue goes back in once there is room again; never lost. */
  public void requeueSpilled() {
    Runnable next;
    while (queue.size() < queue.capacity() / 2 && (next = spilled.poll()) != null) {
      next.run();
    }
  }

  /**
   * Triages one message now, for the "Triage this message" shortcut, whatever the channel's watch
   * status: someone asked. Returns the item it belongs to, or null when it cannot be read.
   */
  public TriagedMessage triageNow(JsonNode slackMessage, String channelId) {
    try {
      Directory.Channel channel = directory.channel(channelId);
      privacy.learn(channelId, channel.isPrivate());
      Message m =
          mapper.map(
              slackMessage, new ExportChannel(channelId, channel.name(), channel.isPrivate()));
      pipeline.process(m);
      TriagedMessage stored = pipeline.find(m.key()).orElse(null);
      if (stored != null && stored.role() != Role.ITEM) {
        return pipeline.find(stored.itemKey()).orElse(stored);
      }
      return stored;
    } catch (IllegalArgumentException e) {
      log.warn("cannot triage a message of {} on request: {}", channelId, e.getMessage());
      return null;
    }
  }

  /** Messages triaged since start. */
  public long triaged() {
    return triaged.get();
  }

  /** Events given up after {@value #MAX_ATTEMPTS} failed triage attempts since start. */
  public long failed() {
    return failed.get();
  }

  /** Stops the retry timer; queued retries are left to the journal's replay at next start. */
  public void close() {
    retries.shutdownNow();
    claims.shutdownNow(); // what it had not taken in is in the journal, for the next start
  }

  /** A job's work: true when done, false when it must run again a little later. */
  @FunctionalInterface
  private interface Step {
    boolean run();
  }

  private void take(SlackEvent e, long seq) {
    String id = team + "/" + e.channelId() + "/" + e.ts();
    switch (e.kind()) {
      case DELETED -> {
        // Remembered so that a triage of the same message still queued behind us does not bring
        // it back (deletes run before ordinary triage).
        deletedKeys.firstTime(id);
        MessageKey key = new MessageKey(team, e.channelId(), e.ts());
        submit(
            WorkQueue.CONTROL,
            "delete " + id,
            () -> {
              tombstone(id);
              pipeline.delete(key).ifPresent(desk::sourceDeleted);
              return true;
            },
            seq,
            e,
            0);
      }
      case EDITED -> {
        if ("tombstone".equals(e.message().path("subtype").asText())) {
          // A thread parent deleted under its replies stays as a "This message was deleted." stub.
          take(SlackEvent.deletedFromHistory(e.channelId(), e.ts()), seq);
          return;
        }
        if (e.eventId() != null
            && e.message()
                .path("text")
                .asText("")
                .equals(e.previousText() == null ? "" : e.previousText())) {
          finish(e, seq); // a link unfurl: the text is as it was
          return;
        }
        pending.add(id);
        int[] waits = {0};
        submit(urgency(e), "edit " + id, () -> triage(e, id, true, waits), seq, e, 0);
      }
      case NEW -> {
        // From history (no event id) every message comes again: the job compares it with the index.
        if (e.eventId() != null && !messages.firstTime(e.channelId() + "/" + e.ts())) {
          finish(e, seq);
          return;
        }
        marks.taken(e.channelId(), e.ts());
        pending.add(id);
        int[] waits = {0};
        submit(urgency(e), "triage " + id, () -> triage(e, id, false, waits), seq, e, 0);
      }
    }
  }

  /**
   * Queues a job that finishes the event when it is done; a job that throws is tried again after a
   * pause, and after the last attempt the event is given up, logged, and finished.
   */
  private void submit(int urgency, String name, Step work, long seq, SlackEvent e, int attempt) {
    Runnable job =
        () -> {
          try {
            if (work.run()) {
              finish(e, seq);
            } else {
              // A reply whose parent is still queued: back in line in a moment, behind it.
              retries.schedule(
                  () -> submit(WorkQueue.LATER, name, work, seq, e, attempt),
                  5,
                  TimeUnit.MILLISECONDS);
            }
          } catch (RuntimeException ex) {
            if (attempt + 1 < MAX_ATTEMPTS) {
              log.warn("{} failed (attempt {}), retrying: {}", name, attempt + 1, ex.toString());
              retries.schedule(
                  () -> submit(urgency, name, work, seq, e, attempt + 1),
                  500L << attempt,
                  TimeUnit.MILLISECONDS);
            } else {
              failed.incrementAndGet();
              log.error(
                  "{} failed {} times; given up and kept in {}: {}",
                  name,
                  MAX_ATTEMPTS,
                  deadLetters.file(),
                  ex.toString(),
                  ex);
              if (deadLetters.keep(e, ex)) {
                finish(e, seq);
              } else {
                // Not kept anywhere else: the journal entry stays for the next start.
                pending.remove(team + "/" + e.channelId() + "/" + e.ts());
              }
            }
          }
        };
    enqueue(urgency, name, job);
  }

  /** Queues a job; shed by a full queue, it waits among the spilled (again, if shed again). */
  private void enqueue(int urgency, String name, Runnable job) {
    queue.submit(urgency, name, job, () -> spilled.add(() -> enqueue(urgency, name, job)));
  }

  private void finish(SlackEvent e, long seq) {
    if (e.kind() == SlackEvent.Kind.NEW) {
      marks.finished(e.channelId(), e.ts());
    }
    if (e.kind() != SlackEvent.Kind.DELETED) {
      pending.remove(team + "/" + e.channelId() + "/" + e.ts());
    }
    if (seq >= 0 && journal != null) {
      journal.processed(seq);
    }
  }

  /** Outage, security and data-loss words jump the queue; the rest keeps arrival order. */
  private static int urgency(SlackEvent e) {
    return Prioritiser.looksSevere(e.text()) ? WorkQueue.LIKELY_P1 : WorkQueue.NORMAL;
  }

  private boolean triage(SlackEvent e, String id, boolean edit, int[] waits) {
    JsonNode json = e.message();
    if (isOwn(json) || deletedKeys.seen(id)) {
      return true; // our own cards come back as message_changed; a deleted message stays deleted
    }
    Message m;
    try {
      Directory.Channel channel = directory.channel(e.channelId());
      if (!watchlist.monitors(e.channelId(), channel.name())) {
        return true;
      }
      boolean isPrivate =
          e.channelType() != null ? !"channel".equals(e.channelType()) : channel.isPrivate();
      privacy.learn(e.channelId(), isPrivate);
      m = mapper.map(json, new ExportChannel(e.channelId(), channel.name(), isPrivate));
      if (m.bot() && !watchlist.triagesBots(e.channelId(), channel.name())) {
        return true;
      }
    } catch (IllegalArgumentException ex) {
      log.warn("skipped message {}: {}", id, ex.getMessage());
      return true;
    }
    if (!edit || e.eventId() == null) {
      // A repeat (a journal replay of a committed event, a catch-up over known history) costs no
      // triage. History that differs from the index is not taken for an edit unless Slack marks it
      // edited: it may be a copy read before an edit that is stored already, and must not win.
      var stored = pipeline.find(m.key());
      if (stored.isPresent() && stored.get().message().text().equals(m.text())) {
        return true;
      }
    }
    if (edit && !m.edited()) {
      m = m.asEdited();
    }
    // A reply whose parent is still queued or being triaged waits for it (so it joins its item
    // instead of opening one of its own), for about two seconds at most.
    if (m.isReply() && pending.contains(m.threadKey().id()) && waits[0]++ < MAX_WAITS) {
      return false;
    }
    if (!deletedKeys.seen(id)) {
      pipeline.process(m);
      triaged.incrementAndGet();
      if (tombstoned(id)) {
        // Deleted through another replica before this copy was stored: the delete's event got
        // there first, or a catch-up read it from Slack's history before it was deleted. Checked
        // after the write: a delete after this check finds the message and removes it itself.
        pipeline.delete(m.key()).ifPresent(desk::sourceDeleted);
      }
    }
    return true;
  }

  /**
   * Tells the other replicas of a shared store that a message was deleted: the message's own event
   * may still wait there, or a catch-up there may hold a copy read before the delete, and neither
   * must bring it back.
   */
  private void tombstone(String id) {
    Replica shared = replica;
    if (shared != null) {
      try {
        shared.takeDone(TOMBSTONE + id);
      } catch (RuntimeException ex) {
        log.warn("cannot record the delete of {} for the other replicas: {}", id, ex.toString());
      }
    }
  }

  /** Whether another replica of the shared store has deleted the message. */
  private boolean tombstoned(String id) {
    Replica shared = replica;
    if (shared == null) {
      return false;
    }
    try {
      return shared.held(TOMBSTONE + id).isPresent();
    } catch (RuntimeException ex) {
      return false; // the message stays; the next catch-up compares it with Slack again
    }
  }

  /** Sift's own posts, by its bot user or bot id (Bolt misses them inside message_changed). */
  private boolean isOwn(JsonNode json) {
    String user = json.path("user").asText("");
    String bot = json.path("bot_id").asText("");
    return (!user.isEmpty() && selfIds.contains(user)) || (!bot.isEmpty() && selfIds.contains(bot));
  }
}

package dev.sift.bot.slack;

import com.slack.api.model.block.LayoutBlock;
import dev.sift.bot.feedback.Correction;
import dev.sift.bot.feedback.CorrectionLog;
import dev.sift.bot.pipeline.Outlet;
import dev.sift.bot.pipeline.TriagePipeline;
import dev.sift.bot.schedule.Claims;
import dev.sift.bot.slack.view.Linker;
import dev.sift.bot.slack.view.Mrkdwn;
import dev.sift.bot.slack.view.TaskCard;
import dev.sift.triage.classify.EmbeddedClassifier;
import dev.sift.triage.concurrent.NamedThreads;
import dev.sift.triage.item.Role;
import dev.sift.triage.item.Task;
import dev.sift.triage.item.TaskTimes;
import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.item.Triager;
import dev.sift.triage.message.MessageKey;
import dev.sift.triage.route.Route;
import dev.sift.triage.route.Router;
import dev.sift.triage.verdict.Status;
import dev.sift.triage.verdict.Verdict;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Task cards: the first urgent message of a problem gets one (where the routing rules say), and
 * from then on everything that happens to the item — replies, more reporters, an edit, a button —
 * updates that same card in place rather than posting another.
 */
public final class TaskDesk implements Outlet {
  private static final Logger log = LoggerFactory.getLogger(TaskDesk.class);
  private static final int LOCK_STRIPES = 64;

  private final SlackApi slack;
  private final Router router;
  private final Directory directory;
  private final Links links;
  private final boolean threadNote;
  private final String reaction;
  private final CorrectionLog corrections;
  private final EmbeddedClassifier classifier;
  private final ReentrantLock[] stripes = new ReentrantLock[LOCK_STRIPES];
  private final Set<String> waiting = ConcurrentHashMap.newKeySet();
  private final ThreadPoolExecutor outbound;
  private final CardLedger ledger;
  private final ScheduledExecutorService retries =
      Executors.newSingleThreadScheduledExecutor(NamedThreads.named("sift-cards-retry"));
  private final Map<String, Integer> failedAttempts = new ConcurrentHashMap<>();
  private final Clock clock;
  private TriagePipeline pipeline;
  private volatile boolean rebuiltIndex;

  public TaskDesk(
      SlackApi slack,
      Router router,
      Directory directory,
      Links links,
      boolean threadNote,
      String reaction,
      CorrectionLog corrections,
      EmbeddedClassifier classifier,
      Claims claims,
      Clock clock) {
    this.clock = clock;
    this.ledger = new CardLedger(claims, slack, clock);
    this.slack = slack;
    this.router = router;
    this.directory = directory;
    this.links = links;
    this.threadNote = threadNote;
    this.reaction = reaction;
    this.corrections = corrections;
    this.classifier = classifier;
    for (int i = 0; i < LOCK_STRIPES; i++) {
      stripes[i] = new ReentrantLock();
    }
    this.outbound =
        new ThreadPoolExecutor(
            2,
            2,
            0,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            NamedThreads.named("sift-cards"));
  }

  /**
   * The pipeline whose items this desk updates (it delivers to this desk: set after both exist).
   */
  public void attach(TriagePipeline pipeline) {
    this.pipeline = pipeline;
  }

  /**
   * The index was rebuilt from Slack's history: items older than the card ledger remembers get no
   * card unless someone asks (their old card may exist, and months-old work is noise).
   */
  public void afterIndexRebuild() {
    this.rebuiltIndex = true;
  }

  @Override
  public void deliver(Triager.Outcome outcome) {
    TriagedMessage item =
        outcome
            .updatedItem()
            .orElse(outcome.message().role() == Role.ITEM ? outcome.message() : null);
    if (item == null || slack.isRevoked()) {
      return;
    }
    queueSync(item);
  }

  /**
   * Items that should have a card and have none (Sift stopped between their triage and their card,
   * or Slack was away): their cards are posted now, or found in Slack and adopted.
   */
  public void sweep(List<TriagedMessage> openItems) {
    for (TriagedMessage item : openItems) {
      if (item.role() == Role.ITEM && !item.task().hasCard() && !slack.isRevoked()) {
        queueSync(item);
      }
    }
  }

  private void queueSync(TriagedMessage item) {
    // Slack calls happen off the triage workers, so pacing posts to a busy channel never holds
    // up triage; several changes to one item while its card waits become a single update.
    if (waiting.add(item.key().id())) {
      outbound.execute(() -> sync(item));
    }
  }

  /** Brings an item's card in line with its stored state: posts it, or updates it. */
  private void sync(TriagedMessage item) {
    withItemLock(
        item.key(),
        () -> {
          waiting.remove(item.key().id());
          // Read the latest state: another thread may have posted the card a moment ago, or the
          // message may have been deleted while this waited.
          Optional<TriagedMessage> latest = pipeline.find(item.key());
          if (latest.isEmpty()) {
            return;
          }
          TriagedMessage current = latest.get();
          if (current.task().hasCard()) {
            refresh(current);
          } else if (current.status() != Status.RESOLVED) {
            router
                .route(current, directory::groupMembers)
                .ifPresent(route -> post(current, route, false));
          }
        });
  }

  /** Waits until every card change handed to Slack so far is done; for tests and shutdown. */
  public boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
    long end = System.nanoTime() + unit.toNanos(timeout);
    while (System.nanoTime() < end) {
      if (waiting.isEmpty() && outbound.getActiveCount() == 0 && outbound.getQueue().isEmpty()) {
        return true;
      }
      Thread.sleep(5);
    }
    return false;
  }

  /** Stops taking card work and lets what is running finish (a few seconds at most). */
  public void close() {
    retries.shutdownNow();
    outbound.shutdown();
    try {
      outbound.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Posts a card for an item whatever the rules say (someone asked for it), unless it has one. */
  public Optional<TriagedMessage> routeNow(MessageKey key) {
    return withItemLock(
        key,
        () -> {
          Optional<TriagedMessage> current = pipeline.find(key);
          if (current.isEmpty() || current.get().task().hasCard()) {
            return current;
          }
          Route route =
              router
                  .route(current.get(), directory::groupMembers)
                  .orElse(new Route("on request", null, null));
          return Optional.ofNullable(post(current.get(), route, true));
        });
  }

  /** Acknowledge: the clicker owns it unless someone already does; the acknowledge SLA stops. */
  public void acknowledge(MessageKey key, String userId) {
    Instant now = clock.instant();
    change(
        key,
        t ->
            t.withStatus(Status.ACKED)
                .withTask(
                    (t.task().assigneeId() == null ? t.task().withAssignee(userId) : t.task())
                        .withTimes(t.task().times().acknowledged(now))));
  }

  public void resolve(MessageKey key, String userId) {
    Instant now = clock.instant();
    change(
        key,
        t ->
            t.withStatus(Status.RESOLVED)
                .withTask(
                    (t.task().assigneeId() == null ? t.task().withAssignee(userId) : t.task())
                        .withTimes(t.task().times().resolved(now))));
  }

  /** Reopened work is owed a fresh answer: its SLA timers start again from now. */
  public void reopen(MessageKey key) {
    Instant now = clock.instant();
    change(
        key,
        t -> t.withStatus(Status.OPEN).withTask(t.task().withTimes(TaskTimes.startingAt(now))));
  }

  /**
   * Changes an item's task under the item's lock, so a click on its card cannot slip between
   * deciding that a reminder is due and recording it: {@code work} gets the latest stored item (and
   * may post), and returns the task to store, or null to store nothing. The card is redrawn when
   * the task newly shows an SLA breach.
   */
  public Optional<TriagedMessage> updateTask(
      MessageKey key, java.util.function.Function<TriagedMessage, Task> work) {
    return withItemLock(
        key,
        () -> {
          Optional<TriagedMessage> current = pipeline.find(key);
          if (current.isEmpty()) {
            return current;
          }
          Task before = current.get().task();
          Task after = work.apply(current.get());
          if (after == null || after.equals(before)) {
            return current;
          }
          Optional<TriagedMessage> changed = pipeline.update(key, t -> t.withTask(after));
          if (before.slaBreachedAt() == null && after.slaBreachedAt() != null) {
            changed.filter(t -> t.task().hasCard()).ifPresent(this::refresh);
          }
          return changed;
        });
  }

  public void reassign(MessageKey key, String assigneeId) {
    change(key, t -> t.withTask(t.task().withAssignee(assigneeId)));
  }

  /**
   * A person's correction: the stored verdict and the card change, the example is saved, and the
   * classifier retrains with it before the next message is triaged.
   */
  public void correct(Correction c) {
    MessageKey key = MessageKey.parse(c.messageId());
    Optional<TriagedMessage> current = pipeline.find(key);
    if (current.isEmpty()) {
      return;
    }
    // Saved (fsynced) before the verdict says "corrected": a correction the classifier could
    // not learn from must never be shown as made.
    corrections.add(
        new Correction(
            c.messageId(),
            current.get().message().text(),
            c.category(),
            c.priority(),
            c.note(),
            c.by(),
            c.at()));
    String who = directory.name(c.by());
    String reason =
        "corrected by "
            + (who == null ? "a person" : who)
            + (c.note() == null || c.note().isBlank() ? "" : ": " + c.note().strip());
    change(
        key,
        t ->
            t.withVerdict(
                new Verdict(c.category(), c.priority(), 1.0, 1.0, List.of(reason), Verdict.HUMAN)));
    classifier.learn(corrections.examples());
  }

  /** The source message was deleted: its card says so and offers nothing more to do. */
  public void sourceDeleted(TriagedMessage stored) {
    if (stored.role() != Role.ITEM || !stored.task().hasCard()) {
      return;
    }
    withItemLock(
        stored.key(),
        () -> updateCard(stored, "Task closed: the message was deleted", TaskCard.deleted(stored)));
  }

  private Optional<TriagedMessage> change(
      MessageKey key, java.util.function.UnaryOperator<TriagedMessage> how) {
    return withItemLock(
        key,
        () -> {
          Optional<TriagedMessage> changed = pipeline.update(key, how);
          changed.filter(t -> t.task().hasCard()).ifPresent(this::refresh);
          return changed;
        });
  }

  /**
   * Posts an item's card, exactly once: a card Slack already has (recorded, or found in its history
   * after a crash) is adopted; a post that fails for a passing reason is tried again with back-off;
   * one Slack refuses for good is logged as an error and not tried again unless someone asks.
   *
   * @param asked someone asked for the card ("Route it"): it is posted even for old work, and after
   *     an earlier refusal
   */
  private TriagedMessage post(TriagedMessage item, Route route, boolean asked) {
    String source = item.message().channelId();
    String channel = route.inSourceThread() ? source : route.destination();
    String threadTs = route.inSourceThread() ? item.message().ts() : null;
    CardLedger.State known;
    try {
      known = ledger.state(item.key(), channel, threadTs);
    } catch (SlackCallException e) {
      retryLater(item, e);
      return null;
    }
    if (known instanceof CardLedger.Posted p) {
      TriagedMessage adopted = recordCard(item, route, p.channel(), p.ts());
      if (adopted != null) {
        adopted = restoreFromCard(adopted, threadTs);
        refresh(adopted);
      }
      return adopted;
    }
    if (known instanceof CardLedger.Failed) {
      if (!asked) {
        return null;
      }
      ledger.retry(item.key());
    }
    if (known instanceof CardLedger.None && !asked && rebuiltIndex && ledger.predates(item)) {
      log.debug("no card for {}: older than the card ledger remembers", item.key().id());
      return null;
    }
    links.remember(item, permalink(item));
    TriagedMessage assigned = item.withTask(item.task().withAssignee(route.assigneeId()));
    List<LayoutBlock> blocks = TaskCard.blocks(assigned, links);
    ledger.posting(item.key());
    String ts;
    String cardChannel;
    try {
      var posted =
          slack.post(
              channel,
              "chat.postMessage",
              m ->
                  m.chatPostMessage(
                      r ->
                          r.channel(channel)
                              .threadTs(threadTs)
                              .text(TaskCard.fallbackText(assigned))
                              .blocks(blocks)
                              .metadata(CardLedger.metadata(assigned))
                              .unfurlLinks(false)
                              .unfurlMedia(false)));
      ts = posted.getTs();
      cardChannel = posted.getChannel();
    } catch (SlackCallException e) {
      if (CardLedger.permanent(e)) {
        ledger.failed(item.key(), e.error());
        log.error(
            "Slack refused the task card for {} in {} ({}): the item has no card; fix the"
                + " routing or the bot's access and use \"Route it\" from the message",
            item.key().id(),
            channel,
            e.error());
      } else {
        retryLater(item, e);
      }
      return null;
    }
    ledger.posted(item.key(), cardChannel, ts); // durable before anything else can post for it
    failedAttempts.remove(item.key().id());
    TriagedMessage stored = recordCard(item, route, cardChannel, ts);
    markSource(item, route, cardChannel);
    return stored;
  }

  private TriagedMessage recordCard(
      TriagedMessage item, Route route, String cardChannel, String ts) {
    return pipeline
        .update(
            item.key(),
            t -> t.withTask(t.task().withAssignee(route.assigneeId()).withCard(cardChannel, ts)))
        .orElse(null);
  }

  /**
   * An item rebuilt from history is open again; the card it adopts knows better: what it shows as
   * acknowledged or resolved (and by whom) is kept.
   */
  private TriagedMessage restoreFromCard(TriagedMessage item, String threadTs) {
    if (item.status() != Status.OPEN) {
      return item;
    }
    var shown = ledger.shown(item.task().cardChannel(), item.task().cardTs(), threadTs);
    if (shown.isEmpty()) {
      return item;
    }
    Status status;
    try {
      status = Status.valueOf(String.valueOf(shown.get().get("status")));
    } catch (IllegalArgumentException e) {
      return item;
    }
    if (status == Status.OPEN) {
      return item;
    }
    Object owner = shown.get().get("assignee");
    return pipeline
        .update(
            item.key(),
            t ->
                t.withStatus(status)
                    .withTask(owner == null ? t.task() : t.task().withAssignee(owner.toString())))
        .orElse(item);
  }

  /** A card Slack could not take now: tried again after 1, 2, 4… seconds, at most 5 minutes. */
  private void retryLater(TriagedMessage item, SlackCallException e) {
    int attempt = failedAttempts.merge(item.key().id(), 1, Integer::sum);
    long delay = Math.min(300, 1L << Math.min(attempt - 1, 9));
    log.warn(
        "cannot post the card for {} yet ({}); trying again in {} s",
        item.key().id(),
        e.getMessage(),
        delay);
    retries.schedule(() -> queueSync(item), delay, TimeUnit.SECONDS);
  }

  /** A short note and a reaction on the source, so its readers know it is being handled. */
  private void markSource(TriagedMessage item, Route route, String cardChannel) {
    String channel = item.message().channelId();
    String ts = item.message().ts();
    if (reaction != null) {
      try {
        slack.call(
            "reactions.add",
            m -> m.reactionsAdd(r -> r.channel(channel).timestamp(ts).name(reaction)));
      } catch (SlackCallException e) {
        if (!"already_reacted".equals(e.error())) {
          log.warn("cannot react to {}: {}", item.key().id(), e.getMessage());
        }
      }
    }
    if (threadNote && !route.inSourceThread()) {
      String note =
          "Triaged as *"
              + item.verdict().priority()
              + " "
              + Mrkdwn.escape(item.verdict().category())
              + "*; the task card is in <#"
              + cardChannel
              + ">.";
      try {
        slack.post(
            channel,
            "chat.postMessage",
            m -> m.chatPostMessage(r -> r.channel(channel).threadTs(ts).text(note)));
      } catch (SlackCallException e) {
        log.warn("cannot add a note to {}: {}", item.key().id(), e.getMessage());
      }
    }
  }

  private void refresh(TriagedMessage item) {
    updateCard(item, TaskCard.fallbackText(item), TaskCard.blocks(item, links));
  }

  /** Rewrites an item's card in place; a failure is logged, the next change tries again. */
  private void updateCard(TriagedMessage item, String text, List<LayoutBlock> blocks) {
    Task task = item.task();
    try {
      slack.post(
          task.cardChannel(),
          "chat.update",
          m ->
              m.chatUpdate(
                  r ->
                      r.channel(task.cardChannel())
                          .ts(task.cardTs())
                          .text(text)
                          .blocks(blocks)
                          .metadata(CardLedger.metadata(item))));
    } catch (SlackCallException e) {
      log.warn("cannot update the card of {}: {}", item.key().id(), e.getMessage());
    }
  }

  private String permalink(TriagedMessage item) {
    return slack.permalink(item.message().channelId(), item.message().ts()).orElse(null);
  }

  private <T> T withItemLock(MessageKey key, java.util.function.Supplier<T> work) {
    ReentrantLock lock = stripes[Math.floorMod(key.id().hashCode(), LOCK_STRIPES)];
    lock.lock();
    try {
      return work.get();
    } finally {
      lock.unlock();
    }
  }

  private void withItemLock(MessageKey key, Runnable work) {
    withItemLock(
        key,
        () -> {
          work.run();
          return null;
        });
  }

  /** Where a message id's permalink comes from, for cards. */
  public interface Links extends Linker {
    void remember(TriagedMessage message, String permalink);
  }
}

package dev.sift.bot.slack;

import dev.sift.bot.access.Access;
import dev.sift.bot.api.ItemsApi;
import dev.sift.bot.cards.CardPoster;
import dev.sift.bot.feedback.Correction;
import dev.sift.bot.feedback.CorrectionLog;
import dev.sift.bot.feedback.Learning;
import dev.sift.bot.feedback.SharedCorrections;
import dev.sift.bot.pipeline.Outlet;
import dev.sift.bot.pipeline.TriagePipeline;
import dev.sift.bot.schedule.Claims;
import dev.sift.bot.slack.view.TaskCard;
import dev.sift.triage.concurrent.NamedThreads;
import dev.sift.triage.item.LinkedIssue;
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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Tasks: the first urgent message of a problem gets a card (where the routing rules say), and from
 * then on everything that happens to the item — replies, more reporters, an edit, a button, a
 * correction — changes the stored task under the item's lock and redraws that same card in place
 * rather than posting another. Slack's side of a card is the {@link CardPoster}'s.
 */
public final class TaskDesk implements Outlet, ItemsApi.Desk {
  private static final int LOCK_STRIPES = 64;

  private final SlackApi slack;
  private final Router router;
  private final Directory directory;
  private final CorrectionLog corrections;
  private volatile SharedCorrections sharedCorrections;
  private final Learning learning;
  private final ReentrantLock[] stripes = new ReentrantLock[LOCK_STRIPES];
  private final Set<String> waiting = ConcurrentHashMap.newKeySet();
  private final ThreadPoolExecutor outbound;
  private final CardPoster cards;
  private final Clock clock;
  private TriagePipeline pipeline;

  public TaskDesk(
      SlackApi slack,
      Router router,
      Directory directory,
      Access access,
      PermalinkCache links,
      boolean threadNote,
      String reaction,
      CorrectionLog corrections,
      Learning learning,
      Claims claims,
      Clock clock) {
    this.clock = clock;
    this.cards =
        new CardPoster(
            slack, claims, clock, links, threadNote, reaction, this::queueSync, directory, access);
    this.slack = slack;
    this.router = router;
    this.directory = directory;
    this.corrections = corrections;
    this.learning = learning;
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
    cards.attach(pipeline);
  }

  /**
   * The index was rebuilt from Slack's history: items older than the card ledger remembers get no
   * card unless someone asks (their old card may exist, and months-old work is noise).
   */
  public void afterIndexRebuild() {
    cards.afterIndexRebuild();
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
            cards.refresh(current);
          } else if (current.status() != Status.RESOLVED) {
            router
                .route(current, directory::groupMembers)
                .ifPresent(route -> cards.post(current, route, false));
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
    cards.close();
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
          return Optional.ofNullable(cards.post(current.get(), route, true));
        });
  }

  /** The stored message with this key (what the HTTP API acts on). */
  @Override
  public Optional<TriagedMessage> find(MessageKey key) {
    return pipeline.find(key);
  }

  /** Acknowledge: the clicker owns it unless someone already does; the acknowledge SLA stops. */
  @Override
  public void acknowledge(MessageKey key, String userId) {
    Instant now = clock.instant();
    change(
        key,
        t ->
            t.status() == Status.RESOLVED
                ? t // a click on a card someone else's view still shows open: it stays resolved
                : t.withStatus(Status.ACKED)
                    .withTask(
                        (t.task().assigneeId() == null ? t.task().withAssignee(userId) : t.task())
                            .withTimes(t.task().times().acknowledged(now))));
  }

  @Override
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

  /** A sink created the item's issue in Jira: it is stored with the task and linked on the card. */
  public void linkIssue(String itemId, String key, java.net.URI browse) {
    change(
        MessageKey.parse(itemId),
        t -> t.withTask(t.task().withIssue(new LinkedIssue("Jira", key, browse.toString(), null))));
  }

  /**
   * The item's Jira issue was resolved there: the item is resolved as the card's Resolve button
   * would (the owner stays), and the card says by whom (the issue's note).
   */
  public void resolveFromIssue(MessageKey key, LinkedIssue issue) {
    Instant now = clock.instant();
    change(
        key,
        t -> {
          TriagedMessage noted = t.withTask(t.task().withIssue(issue));
          return t.status() == Status.RESOLVED
              ? noted
              : noted
                  .withStatus(Status.RESOLVED)
                  .withTask(noted.task().withTimes(t.task().times().resolved(now)));
        });
  }

  /** Something else happened to the item's Jira issue (it was assigned): the card says what. */
  public void noteFromIssue(MessageKey key, LinkedIssue issue) {
    change(key, t -> t.withTask(t.task().withIssue(issue)));
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
            changed.filter(t -> t.task().hasCard()).ifPresent(cards::refresh);
          }
          return changed;
        });
  }

  public void reassign(MessageKey key, String assigneeId) {
    change(key, t -> t.withTask(t.task().withAssignee(assigneeId)));
  }

  /**
   * A person's correction: the stored verdict and the card change, the example is saved, and the
   * classifier and the priority model retrain with it before the next message is triaged.
   */
  public void correct(Correction c) {
    MessageKey key = MessageKey.parse(c.messageId());
    Optional<TriagedMessage> current = pipeline.find(key);
    if (current.isEmpty()) {
      return;
    }
    // Saved (fsynced) before the verdict says "corrected": a correction the classifier could
    // not learn from must never be shown as made.
    Correction saved =
        new Correction(
            c.messageId(),
            current.get().message().text(),
            c.category(),
            c.priority(),
            c.note(),
            c.by(),
            c.at());
    corrections.add(saved);
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
    if (sharedCorrections != null) {
      sharedCorrections.publish(saved); // with the next poll if the store cannot take it now
    }
    learning.relearn(corrections);
  }

  /** Shares corrections with the other replicas of the store (null: there are none). */
  public void shareCorrections(SharedCorrections shared) {
    this.sharedCorrections = shared;
  }

  /** The source message was deleted: its card says so and offers nothing more to do. */
  public void sourceDeleted(TriagedMessage stored) {
    if (stored.role() != Role.ITEM) {
      // A reply or report: its item no longer counts it, and the card shows the item as it is now.
      pipeline.find(stored.itemKey()).filter(t -> t.task().hasCard()).ifPresent(cards::refresh);
      return;
    }
    if (!stored.task().hasCard()) {
      return;
    }
    withItemLock(
        stored.key(),
        () ->
            cards.updateCard(
                stored, "Task closed: the message was deleted", TaskCard.deleted(stored)));
  }

  private Optional<TriagedMessage> change(
      MessageKey key, java.util.function.UnaryOperator<TriagedMessage> how) {
    return withItemLock(
        key,
        () -> {
          Optional<TriagedMessage> changed = pipeline.update(key, how);
          changed.filter(t -> t.task().hasCard()).ifPresent(cards::refresh);
          return changed;
        });
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
}

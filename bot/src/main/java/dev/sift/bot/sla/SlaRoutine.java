package dev.sift.bot.sla;

import dev.sift.bot.schedule.Claims;
import dev.sift.bot.schedule.Routine;
import dev.sift.bot.slack.Directory;
import dev.sift.bot.slack.SlackApi;
import dev.sift.bot.slack.SlackCallException;
import dev.sift.bot.slack.TaskDesk;
import dev.sift.index.ItemQueries;
import dev.sift.triage.item.Role;
import dev.sift.triage.item.Task;
import dev.sift.triage.item.TaskTimes;
import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.route.Router;
import dev.sift.triage.route.RoutingRule;
import dev.sift.triage.sla.Progress;
import dev.sift.triage.sla.SlaPolicy;
import dev.sift.triage.sla.SlaSchedule;
import dev.sift.triage.sla.SlaSettings;
import dev.sift.triage.sla.Target;
import dev.sift.triage.sla.Timer;
import dev.sift.triage.verdict.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SLA routine: on every tick, each open task card is checked against its team's SLAs, and a
 * reminder, breach or repeat that has fallen due is claimed, posted and recorded with the item.
 *
 * <p>Everything it needs is in the index (when the timers started, how far each has gone), so a
 * restart picks up where it was; what fell due while Sift was down is sent once, as the most
 * advanced step due. A step is claimed in {@link Claims} before it is posted: after a crash between
 * the post and the index commit, the claim says it was sent and it is only recorded, not resent;
 * after a crash during the post, the card's thread is read to see whether it went out.
 */
public final class SlaRoutine implements Routine {
  private static final Logger log = LoggerFactory.getLogger(SlaRoutine.class);

  /** More open cards than this is a backlog no reminder will fix; the oldest come first. */
  private static final int MAX_CARDS = 5000;

  private final SlaSettings settings;
  private final ItemQueries items;
  private final TaskDesk desk;
  private final Claims claims;
  private final Router router;
  private final Directory directory;
  private final SlaMessenger messenger;

  public SlaRoutine(
      SlaSettings settings,
      ItemQueries items,
      TaskDesk desk,
      Claims claims,
      Router router,
      SlackApi slack,
      Directory directory) {
    this.settings = settings;
    this.items = items;
    this.desk = desk;
    this.claims = claims;
    this.router = router;
    this.directory = directory;
    this.messenger = new SlaMessenger(slack, directory);
  }

  @Override
  public String name() {
    return "sla reminders";
  }

  @Override
  public void runDue(Instant now) {
    if (!settings.enabled()) {
      return;
    }
    for (TriagedMessage card : items.openCards(MAX_CARDS)) {
      try {
        desk.updateTask(card.key(), latest -> next(latest, now));
      } catch (RuntimeException e) {
        // One card's trouble must not starve the others; it is tried again next tick.
        log.warn("SLA check of {} failed: {}", card.key().id(), e.toString());
      }
    }
  }

  /** The task after whatever is due for {@code item} by {@code now}; null when nothing is. */
  private Task next(TriagedMessage item, Instant now) {
    if (item.role() != Role.ITEM || !item.task().hasCard() || item.status() == Status.RESOLVED) {
      return null;
    }
    Task task = item.task();
    if (task.times().startedAt() == null) {
      // First sight of the card (within a tick of its posting, or the first start with SLAs for
      // cards posted before): its timers start now.
      return task.withTimes(TaskTimes.startingAt(now));
    }
    SlaPolicy policy = policyFor(item);
    for (Timer timer : Timer.values()) {
      if (!timer.runsWhile(item.status())) {
        continue;
      }
      Optional<Target> target = policy.target(timer, item.verdict().priority());
      if (target.isEmpty()) {
        continue;
      }
      Optional<SlaSchedule.Due> due =
          SlaSchedule.due(
              target.get(), policy, task.times().startedAt(), task.times().progress(timer), now);
      if (due.isPresent()
          && send(item.withTask(task), timer, target.get(), due.get(), policy, now)) {
        task = task.withTimes(task.times().with(timer, new Progress(due.get().stepsAfter(), now)));
        if (due.get().kind() != SlaSchedule.Kind.REMINDER) {
          task = task.withSlaBreachedAt(due.get().deadline());
        }
      }
    }
    return task;
  }

  /** Claims the step and posts it; true when it is sent (now or before a restart). */
  private boolean send(
      TriagedMessage item,
      Timer timer,
      Target target,
      SlaSchedule.Due due,
      SlaPolicy policy,
      Instant now) {
    String key =
        "sla/"
            + item.key().id()
            + "/"
            + timer.name().toLowerCase(Locale.ROOT)
            + "/"
            + item.task().times().startedAt().toEpochMilli()
            + "/"
            + due.stepsAfter();
    if (!claims.claim(key, now)) {
      Claims.Claim earlier = claims.get(key).orElse(null);
      if (earlier == null) {
        return false; // another replica is sending it; its change to the item will show
      }
      // Claimed before and done: sent, and the index lost the record in a crash. Claimed but not
      // done: the crash came while posting (here, or in a replica this one took over from), so
      // the card's thread says whether it went out.
      if (earlier.done() || messenger.inThread(item, earlier.claimedAt())) {
        log.info("{} was sent before; recorded, not sent again", key);
        return true;
      }
      log.info("{} was claimed before a crash but is not in Slack; sending it now", key);
    }
    try {
      claims.done(key, messenger.send(item, timer, target, due, policy, now));
      log.info("{}: {} sent for {}", key, due.kind(), item.key().id());
      return true;
    } catch (SlackCallException e) {
      if (e.error() != null && e.error().startsWith("network")) {
        // The answer was lost, perhaps not the post: the claim stays, and the next tick reads the
        // card's thread to see whether it went out.
        log.warn(
            "{}: the post's answer was lost; checking Slack next tick: {}", key, e.getMessage());
        return false;
      }
      claims.release(key);
      log.warn("{}: cannot post ({}); trying again next tick", key, e.error());
      return false;
    }
  }

  /** The policy of the team that owns the card: by the routing rule that takes it, or a channel. */
  private SlaPolicy policyFor(TriagedMessage item) {
    if (settings.teams().isEmpty()) {
      return settings.defaults();
    }
    String rule =
        router.rules().stream()
            .filter(r -> r.matches(item))
            .map(RoutingRule::name)
            .findFirst()
            .orElse(null);
    List<String> channels = new ArrayList<>();
    channels.add(item.task().cardChannel());
    channels.add(directory.channelName(item.task().cardChannel()));
    channels.add(item.message().channelId());
    channels.add(item.message().channelName());
    return settings.policyFor(rule, channels);
  }
}

package dev.sift.bot.cards;

import com.slack.api.model.block.LayoutBlock;
import dev.sift.bot.access.Access;
import dev.sift.bot.pipeline.TriagePipeline;
import dev.sift.bot.schedule.Claims;
import dev.sift.bot.slack.Directory;
import dev.sift.bot.slack.PermalinkCache;
import dev.sift.bot.slack.SlackApi;
import dev.sift.bot.slack.SlackCallException;
import dev.sift.bot.slack.view.Mrkdwn;
import dev.sift.bot.slack.view.TaskCard;
import dev.sift.triage.concurrent.NamedThreads;
import dev.sift.triage.item.Task;
import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.route.Route;
import dev.sift.triage.verdict.Status;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts task cards in Slack and keeps them there: posts a card once (adopting one Slack already has,
 * through the {@link CardLedger}), tries a post Slack could not take now again with back-off, marks
 * the source message, and redraws a card when its item changes. The caller holds the item's lock.
 */
public final class CardPoster implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CardPoster.class);

  private final SlackApi slack;
  private final CardLedger ledger;
  private final PermalinkCache links;
  private final boolean threadNote;
  private final String reaction;
  private final Consumer<TriagedMessage> again;
  private final Directory directory;
  private final Access access;
  private final Set<String> warnedRefusals = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService retries =
      Executors.newSingleThreadScheduledExecutor(NamedThreads.named("sift-cards-retry"));
  private final Map<String, Integer> failedAttempts = new ConcurrentHashMap<>();
  private TriagePipeline pipeline;
  private volatile boolean rebuiltIndex;

  /**
   * @param again how a card Slack could not take now is tried again (queued like any card change)
   */
  public CardPoster(
      SlackApi slack,
      Claims claims,
      Clock clock,
      PermalinkCache links,
      boolean threadNote,
      String reaction,
      Consumer<TriagedMessage> again,
      Directory directory,
      Access access) {
    this.slack = slack;
    this.directory = directory;
    this.access = access;
    this.ledger = new CardLedger(claims, slack, clock);
    this.links = links;
    this.threadNote = threadNote;
    this.reaction = reaction;
    this.again = again;
  }

  /** The pipeline whose items' cards these are (set once both exist). */
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
  public void close() {
    retries.shutdownNow();
  }

  /**
   * Posts an item's card, exactly once: a card Slack already has (recorded, or found in its history
   * after a crash) is adopted; a post that fails for a passing reason is tried again with back-off;
   * one Slack refuses for good is logged as an error and not tried again unless someone asks.
   *
   * @param asked someone asked for the card ("Route it"): it is posted even for old work, and after
   *     an earlier refusal
   */
  public TriagedMessage post(TriagedMessage item, Route requested, boolean asked) {
    Route route = mayCopy(item, requested);
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
    if (!ledger.posting(item.key(), channel, threadTs)) {
      log.debug("the card for {} is another replica's to post, or in Slack", item.key().id());
      return null;
    }
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

  /**
   * The route as asked, or the source message's thread when the destination has people who may not
   * read the source channel in Slack (a private channel's card in a wider channel, a public one's
   * where guests are): the card still reaches those who can act, and nobody reads it who could not
   * read the message.
   */
  private Route mayCopy(TriagedMessage item, Route route) {
    if (route.inSourceThread()) {
      return route;
    }
    String source = item.message().channelId();
    Optional<Directory.Channel> destination = directory.find(route.destination());
    Optional<String> why =
        destination.isEmpty()
            ? Optional.of("Sift cannot see a channel of that name")
            : access.whyNotCopy(source, destination.get().id(), destination.get().name());
    if (why.isEmpty()) {
      return route;
    }
    if (warnedRefusals.add(route.rule() + "/" + source)) {
      log.warn(
          "routing rule '{}': cards from #{} go in the message's thread, not #{}: {}; list #{}"
              + " under slack.allow_private_to to allow it",
          route.rule(),
          item.message().channelName(),
          route.destination(),
          why.get(),
          route.destination());
    }
    return new Route(route.rule(), null, route.assigneeId());
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
    retries.schedule(() -> again.accept(item), delay, TimeUnit.SECONDS);
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

  /** Redraws an item's card from its stored state. */
  public void refresh(TriagedMessage item) {
    updateCard(item, TaskCard.fallbackText(item), TaskCard.blocks(item, links));
  }

  /** Rewrites an item's card in place; a failure is logged, the next change tries again. */
  public void updateCard(TriagedMessage item, String text, List<LayoutBlock> blocks) {
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
}

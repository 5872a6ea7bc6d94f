package dev.sift.bot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.Gson;
import com.slack.api.util.json.GsonFactory;
import dev.sift.bot.export.ExportChannel;
import dev.sift.bot.export.MessageMapper;
import dev.sift.bot.llm.PrivateChannels;
import dev.sift.bot.pipeline.TriagePipeline;
import dev.sift.triage.item.Role;
import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.message.Message;
import dev.sift.triage.message.MessageKey;
import dev.sift.triage.priority.Prioritiser;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where Slack's message events enter: retries and repeats are dropped, unmonitored channels and
 * other bots are skipped, and the rest is queued for triage. Listeners call this and ack; nothing
 * here waits on the model, the index or the network, apart from name lookups on workers.
 */
public final class Intake {
  private static final Logger log = LoggerFactory.getLogger(Intake.class);
  private static final Gson SLACK_JSON = GsonFactory.createSnakeCase();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String team;
  private final Directory directory;
  private final Watchlist watchlist;
  private final WorkQueue queue;
  private final TriagePipeline pipeline;
  private final TaskDesk desk;
  private final PrivateChannels privacy;
  private final Set<String> selfIds;
  private final Deduper deletedKeys = new Deduper(10_000);
  private static final int MAX_WAITS = 400;
  private final MessageMapper mapper;
  private final Deduper events = new Deduper(50_000);
  private final Deduper messages = new Deduper(50_000);
  private final Set<String> pending = ConcurrentHashMap.newKeySet();
  private final AtomicLong triaged = new AtomicLong();

  public Intake(
      String team,
      Directory directory,
      Watchlist watchlist,
      WorkQueue queue,
      TriagePipeline pipeline,
      TaskDesk desk,
      PrivateChannels privacy,
      Set<String> selfIds) {
    this.privacy = privacy;
    this.selfIds = Set.copyOf(selfIds);
    this.team = team;
    this.directory = directory;
    this.watchlist = watchlist;
    this.queue = queue;
    this.pipeline = pipeline;
    this.desk = desk;
    this.mapper = new MessageMapper(team, directory, directory::channelName);
  }

  /**
   * A new message or thread reply (the Events API's {@code event} object, any Bolt model of it).
   *
   * @param eventId the envelope's event id, for retries
   * @param channelType {@code channel} or {@code group} (private)
   */
  public void message(
      String eventId, Object event, String channelId, String channelType, String ts, String text) {
    if (!events.firstTime(eventId) || ts == null || !messages.firstTime(channelId + "/" + ts)) {
      return;
    }
    // Only bookkeeping here, on the ack path; reading the event happens on a worker.
    String id = team + "/" + channelId + "/" + ts;
    pending.add(id);
    queue.submit(
        urgency(text),
        "triage " + id,
        () -> triage(toJackson(event), channelId, channelType, false, id),
        () -> pending.remove(id));
  }

  /**
   * An edited message ({@code message_changed}): re-triaged, its document and card updated. Edits
   * that leave the text as it was (link unfurls) are ignored.
   */
  public void edited(
      String eventId, Object editedMessage, String previousText, String channelId, String type) {
    if (!events.firstTime(eventId)) {
      return;
    }
    JsonNode json = toJackson(editedMessage);
    if ("tombstone".equals(json.path("subtype").asText())) {
      // A thread parent deleted under its replies stays as a "This message was deleted." stub.
      deleted(null, channelId, json.path("ts").asText(null));
      return;
    }
    if (json.path("text").asText("").equals(previousText == null ? "" : previousText)) {
      return;
    }
    submit(json, channelId, type, true);
  }

  /** A deleted message: its document goes, its task closes. */
  public void deleted(String eventId, String channelId, String deletedTs) {
    if ((eventId != null && !events.firstTime(eventId)) || deletedTs == null) {
      return;
    }
    MessageKey key = new MessageKey(team, channelId, deletedTs);
    // Remembered so that a triage of the same message still queued behind us does not bring it
    // back (deletes run before ordinary triage).
    deletedKeys.firstTime(key.id());
    queue.submit(
        WorkQueue.CONTROL,
        "delete " + key.id(),
        () -> pipeline.delete(key).ifPresent(desk::sourceDeleted));
  }

  /**
   * Triages one message now, for the "Triage this message" shortcut, whatever the channel's watch
   * status: someone asked. Returns the item it belongs to (itself, or the thread or problem it
   * joined), or null when the message cannot be read.
   */
  public TriagedMessage triageNow(Object slackMessage, String channelId) {
    try {
      Directory.Channel channel = directory.channel(channelId);
      privacy.learn(channelId, channel.isPrivate());
      Message m =
          mapper.map(
              toJackson(slackMessage),
              new ExportChannel(channelId, channel.name(), channel.isPrivate()));
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

  private void submit(JsonNode json, String channelId, String channelType, boolean edit) {
    String id = team + "/" + channelId + "/" + json.path("ts").asText();
    pending.add(id);
    queue.submit(
        urgency(json.path("text").asText("")),
        "triage " + id,
        () -> triage(json, channelId, channelType, edit, id),
        () -> pending.remove(id));
  }

  /** Outage, security and data-loss words jump the queue; the rest keeps arrival order. */
  private static int urgency(String text) {
    return text != null && Prioritiser.looksSevere(text) ? WorkQueue.LIKELY_P1 : WorkQueue.NORMAL;
  }

  private void triage(
      JsonNode json, String channelId, String channelType, boolean edit, String id) {
    try {
      if (isOwn(json) || deletedKeys.seen(id)) {
        return; // our own cards come back as message_changed; a deleted message stays deleted
      }
      Directory.Channel channel = directory.channel(channelId);
      if (!watchlist.monitors(channelId, channel.name())) {
        return;
      }
      boolean isPrivate = isPrivate(channelType, channel);
      privacy.learn(channelId, isPrivate);
      Message m = mapper.map(json, new ExportChannel(channelId, channel.name(), isPrivate));
      if (m.bot() && !watchlist.triagesBots(channelId, channel.name())) {
        return;
      }
      if (edit && !m.edited()) {
        m = m.asEdited();
      }
      process(m, id, 0);
    } catch (IllegalArgumentException e) {
      log.warn("skipped message {}: {}", id, e.getMessage());
    } finally {
      pending.remove(id);
    }
  }

  /**
   * Triages a message; a reply whose parent is still queued or being triaged waits for it (so it
   * joins its item instead of opening one of its own), for about two seconds at most.
   */
  private void process(Message m, String id, int waited) {
    if (m.isReply() && pending.contains(m.threadKey().id()) && waited < MAX_WAITS) {
      pending.add(id);
      queue.submit(
          WorkQueue.LATER,
          "triage " + id,
          () -> {
            try {
              Thread.sleep(5);
              process(m, id, waited + 1);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            } finally {
              pending.remove(id);
            }
          },
          () -> pending.remove(id));
      return;
    }
    if (!deletedKeys.seen(id)) {
      pipeline.process(m);
      triaged.incrementAndGet();
    }
  }

  /** Sift's own posts, by its bot user or bot id (Bolt misses them inside message_changed). */
  private boolean isOwn(JsonNode json) {
    String user = json.path("user").asText("");
    String bot = json.path("bot_id").asText("");
    return (!user.isEmpty() && selfIds.contains(user)) || (!bot.isEmpty() && selfIds.contains(bot));
  }

  private boolean isPrivate(String channelType, Directory.Channel channel) {
    return channelType != null ? "group".equals(channelType) : channel.isPrivate();
  }

  private static JsonNode toJackson(Object slackModel) {
    try {
      return JSON.readTree(SLACK_JSON.toJson(slackModel));
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("unreadable event: " + e.getMessage(), e);
    }
  }
}

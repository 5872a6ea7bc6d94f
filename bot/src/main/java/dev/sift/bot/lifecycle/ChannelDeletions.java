package dev.sift.bot.lifecycle;

import com.slack.api.bolt.App;
import com.slack.api.model.event.ChannelDeletedEvent;
import com.slack.api.model.event.GroupDeletedEvent;
import dev.sift.bot.intake.WorkQueue;
import dev.sift.bot.slack.SlackApi;
import dev.sift.bot.slack.SlackCallException;
import dev.sift.index.Selection;
import dev.sift.triage.audit.Audit;
import dev.sift.triage.item.TriagedMessage;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A deleted channel is forgotten at once: {@code channel_deleted} (public) and {@code
 * group_deleted} (private) are acked, then every stored message of the channel is removed with its
 * traces in items elsewhere, ahead of ordinary triage, so search, the queue and digests stop
 * showing it as soon as the job runs; its task cards say the message was deleted.
 */
public final class ChannelDeletions {
  private static final Logger log = LoggerFactory.getLogger(ChannelDeletions.class);

  private final String team;
  private final Eraser eraser;
  private final WorkQueue queue;
  private final Consumer<TriagedMessage> sourceDeleted;
  private final Audit audit;
  private final Consumer<String> accessGone;

  /**
   * @param sourceDeleted told of each removed message (its card, or its item's, is redrawn)
   * @param accessGone told at the event, before anything is erased, so nobody is shown the channel
   *     from that moment (the access policy's directory)
   */
  public ChannelDeletions(
      String team,
      Eraser eraser,
      WorkQueue queue,
      Consumer<TriagedMessage> sourceDeleted,
      Audit audit,
      Consumer<String> accessGone) {
    this.team = team;
    this.eraser = eraser;
    this.queue = queue;
    this.sourceDeleted = sourceDeleted;
    this.audit = audit;
    this.accessGone = accessGone;
  }

  public void register(App app) {
    app.event(
        ChannelDeletedEvent.class,
        (payload, ctx) -> {
          later(payload.getEvent().getChannel(), payload.getEvent().getActorId());
          return ctx.ack();
        });
    app.event(
        GroupDeletedEvent.class,
        (payload, ctx) -> {
          later(payload.getEvent().getChannel(), payload.getEvent().getActorId());
          return ctx.ack();
        });
  }

  /**
   * Whether Slack says a channel does not exist ({@code channel_not_found}); false on any other
   * answer, an error included. Only meaningful for public channels (see {@link
   * DeletedChannelSweep}).
   */
  public static boolean goneInSlack(SlackApi api, String channelId) {
    try {
      api.call("conversations.info", m -> m.conversationsInfo(r -> r.channel(channelId)));
      return false;
    } catch (SlackCallException e) {
      return "channel_not_found".equals(e.error());
    } catch (RuntimeException e) {
      log.warn("cannot tell whether {} still exists: {}", channelId, e.toString());
      return false;
    }
  }

  private void later(String channelId, String actor) {
    if (channelId != null) {
      accessGone.accept(channelId);
      queue.submit(
          WorkQueue.CONTROL, "forget deleted " + channelId, () -> forget(channelId, actor));
    }
  }

  /** Removes a deleted channel's messages now. */
  public Erased forget(String channelId, String actor) {
    Erased erased =
        eraser.erase(
            Selection.channel(channelId).inTeam(team),
            k -> true,
            f -> sourceDeleted.accept(f.message()));
    log.info("channel {} was deleted: forgot its {} messages", channelId, erased.messages());
    audit.record(
        actor == null || actor.isBlank() ? Audit.SYSTEM : actor,
        "channel.deleted",
        channelId,
        erased.details());
    return erased;
  }
}

package dev.sift.bot.cards;

import com.slack.api.bolt.App;
import com.slack.api.model.event.ReactionAddedEvent;
import dev.sift.bot.intake.WorkQueue;
import dev.sift.bot.pipeline.TriagePipeline;
import dev.sift.bot.slack.TaskDesk;
import dev.sift.triage.message.MessageKey;
import java.util.Set;

/**
 * Reactions on a routed source message, which work like its card's buttons: a check mark resolves
 * the task, eyes acknowledge it. People often answer in the channel rather than on the card, and
 * the card should not keep reminding them of work they have marked done there.
 */
public final class CardReactions {
  private static final Set<String> RESOLVING_REACTIONS =
      Set.of("white_check_mark", "heavy_check_mark", "ballot_box_with_check");
  private static final Set<String> ACKING_REACTIONS = Set.of("eyes", "raised_hands", "ack");

  private final String team;
  private final TaskDesk desk;
  private final TriagePipeline pipeline;
  private final WorkQueue queue;

  public CardReactions(String team, TaskDesk desk, TriagePipeline pipeline, WorkQueue queue) {
    this.team = team;
    this.desk = desk;
    this.pipeline = pipeline;
    this.queue = queue;
  }

  public void register(App app) {
    app.event(
        ReactionAddedEvent.class,
        (payload, ctx) -> {
          var e = payload.getEvent();
          if (e.getItem() != null && "message".equals(e.getItem().getType())) {
            MessageKey key = new MessageKey(team, e.getItem().getChannel(), e.getItem().getTs());
            if (RESOLVING_REACTIONS.contains(e.getReaction())) {
              queue.submit(
                  WorkQueue.CONTROL,
                  "resolve " + key.id(),
                  () -> byReaction(key, e.getUser(), true));
            } else if (ACKING_REACTIONS.contains(e.getReaction())) {
              queue.submit(
                  WorkQueue.CONTROL, "ack " + key.id(), () -> byReaction(key, e.getUser(), false));
            }
          }
          return ctx.ack();
        });
  }

  /** Only a message that has a card changes: a reaction elsewhere is just a reaction. */
  private void byReaction(MessageKey key, String user, boolean resolve) {
    pipeline
        .find(key)
        .filter(t -> t.task().hasCard())
        .ifPresent(
            t -> {
              if (resolve) {
                desk.resolve(key, user);
              } else {
                desk.acknowledge(key, user);
              }
            });
  }
}

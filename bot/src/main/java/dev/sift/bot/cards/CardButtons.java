package dev.sift.bot.cards;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.element.ButtonElement;
import dev.sift.bot.intake.WorkQueue;
import dev.sift.bot.slack.TaskDesk;
import dev.sift.bot.slack.view.TaskCard;
import dev.sift.triage.message.MessageKey;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * The buttons on a task card that change its task: Acknowledge, Resolve, Reopen and the Reassign
 * menu. Each click goes to the {@link TaskDesk} on the queue's control lane, so it is never stuck
 * behind a burst of messages; a button's ack waits a little for its change to be stored, since
 * Slack does not send a click twice.
 */
public final class CardButtons {
  /**
   * How long a card button's ack waits for its change to be stored (Slack allows three seconds).
   */
  private static final Duration CLICK_WAIT = Duration.ofMillis(2000);

  private final TaskDesk desk;
  private final WorkQueue queue;

  public CardButtons(TaskDesk desk, WorkQueue queue) {
    this.desk = desk;
    this.queue = queue;
  }

  public void register(App app) {
    onButton(app, TaskCard.ACK, (key, p) -> desk.acknowledge(key, p.getUser().getId()));
    onButton(app, TaskCard.RESOLVE, (key, p) -> desk.resolve(key, p.getUser().getId()));
    onButton(app, TaskCard.REOPEN, (key, p) -> desk.reopen(key));
    app.blockAction(
        TaskCard.REASSIGN,
        (req, ctx) -> {
          BlockActionPayload p = req.getPayload();
          String assignee = p.getActions().get(0).getSelectedUser();
          String itemId = itemIdOf(p);
          if (itemId != null && assignee != null) {
            queue.submit(
                WorkQueue.CONTROL,
                "reassign " + itemId,
                () -> desk.reassign(MessageKey.parse(itemId), assignee));
          }
          return ctx.ack();
        });
  }

  private void onButton(App app, String actionId, BiConsumer<MessageKey, BlockActionPayload> work) {
    app.blockAction(
        actionId,
        (BlockActionRequest req, ActionContext ctx) -> {
          BlockActionPayload p = req.getPayload();
          String itemId = p.getActions().get(0).getValue();
          if (itemId != null) {
            // The ack waits for the click's change to be stored, up to a point: an acked click
            // must not die with this replica, and Slack does not send a click twice. Past the
            // wait it is acked anyway (Slack would show the user an error) and finishes later.
            CountDownLatch stored = new CountDownLatch(1);
            queue.submit(
                WorkQueue.CONTROL,
                actionId + " " + itemId,
                () -> {
                  try {
                    work.accept(MessageKey.parse(itemId), p);
                  } finally {
                    stored.countDown();
                  }
                },
                stored::countDown);
            try {
              stored.await(CLICK_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          return ctx.ack();
        });
  }

  /** The item a card's select menu belongs to: the value of the card's buttons. */
  private static String itemIdOf(BlockActionPayload p) {
    if (p.getMessage() == null || p.getMessage().getBlocks() == null) {
      return null;
    }
    for (var block : p.getMessage().getBlocks()) {
      if (block instanceof ActionsBlock a) {
        for (var element : a.getElements()) {
          if (element instanceof ButtonElement b && b.getValue() != null) {
            return b.getValue();
          }
        }
      }
    }
    return null;
  }
}

package dev.sift.bot.cards;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import dev.sift.bot.feedback.Correction;
import dev.sift.bot.intake.WorkQueue;
import dev.sift.bot.pipeline.TriagePipeline;
import dev.sift.bot.slack.SlackApi;
import dev.sift.bot.slack.SlackCallException;
import dev.sift.bot.slack.TaskDesk;
import dev.sift.bot.slack.view.CorrectionForm;
import dev.sift.bot.slack.view.CorrectionModal;
import dev.sift.bot.slack.view.TaskCard;
import dev.sift.triage.message.MessageKey;
import dev.sift.triage.taxonomy.Taxonomy;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The card's Wrong triage button and the modal it opens: the modal is opened off the ack path but
 * at once, since its trigger id lives three seconds, and the person's answer is checked against the
 * taxonomy before it is acked, so a mistake is shown in the modal rather than lost. A valid answer
 * becomes a {@link Correction} for the {@link TaskDesk}, which the classifier learns from.
 */
public final class WrongTriage {
  private static final Logger log = LoggerFactory.getLogger(WrongTriage.class);

  private final TaskDesk desk;
  private final TriagePipeline pipeline;
  private final Taxonomy taxonomy;
  private final SlackApi slack;
  private final WorkQueue queue;
  private final Clock clock;
  private final Executor background;

  /**
   * @param background where the modal is opened (the interactive threads; a failure is logged)
   */
  public WrongTriage(
      TaskDesk desk,
      TriagePipeline pipeline,
      Taxonomy taxonomy,
      SlackApi slack,
      WorkQueue queue,
      Clock clock,
      Executor background) {
    this.desk = desk;
    this.pipeline = pipeline;
    this.taxonomy = taxonomy;
    this.slack = slack;
    this.queue = queue;
    this.clock = clock;
    this.background = background;
  }

  public void register(App app) {
    app.blockAction(
        TaskCard.WRONG,
        (req, ctx) -> {
          BlockActionPayload p = req.getPayload();
          String itemId = p.getActions().get(0).getValue();
          String trigger = p.getTriggerId();
          // The trigger id lives three seconds: open the modal right away, off the ack path.
          background.execute(() -> openModal(itemId, trigger));
          return ctx.ack();
        });
    app.viewSubmission(
        CorrectionModal.CALLBACK_ID,
        (req, ctx) -> {
          var view = req.getPayload().getView();
          CorrectionForm answer;
          try {
            answer = CorrectionForm.read(view.getState());
          } catch (IllegalArgumentException e) {
            return ctx.ackWithErrors(Map.of("category", e.getMessage()));
          }
          if (!taxonomy.contains(answer.category())) {
            return ctx.ackWithErrors(Map.of("category", "Unknown category " + answer.category()));
          }
          Correction c =
              new Correction(
                  view.getPrivateMetadata(),
                  "",
                  answer.category(),
                  answer.priority(),
                  answer.note(),
                  req.getPayload().getUser().getId(),
                  clock.instant());
          queue.submit(WorkQueue.CONTROL, "correct " + c.messageId(), () -> desk.correct(c));
          return ctx.ack();
        });
  }

  private void openModal(String itemId, String trigger) {
    pipeline
        .find(MessageKey.parse(itemId))
        .ifPresent(
            item -> {
              try {
                slack.call(
                    "views.open",
                    m ->
                        m.viewsOpen(
                            r -> r.triggerId(trigger).view(CorrectionModal.view(item, taxonomy))));
              } catch (SlackCallException e) {
                log.warn("{} failed: {}", "views.open", e.getMessage());
              }
            });
  }
}

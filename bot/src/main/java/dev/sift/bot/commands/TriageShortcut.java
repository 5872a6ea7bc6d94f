package dev.sift.bot.commands;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.asElements;
import static com.slack.api.model.block.element.BlockElements.button;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.Gson;
import com.slack.api.bolt.App;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;
import dev.sift.bot.intake.Intake;
import dev.sift.bot.pipeline.TriagePipeline;
import dev.sift.bot.slack.TaskDesk;
import dev.sift.bot.slack.view.Mrkdwn;
import dev.sift.bot.slack.view.PermalinkLookup;
import dev.sift.bot.slack.view.Replies;
import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.llm.Summariser;
import dev.sift.triage.message.MessageKey;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The "Triage this message" shortcut: any message triaged now, its verdict shown to the person who
 * asked, with a summary of its thread and, when it has no task card, a Route it button. Like a
 * slash command it is acked at once and answered through its {@code response_url}, since a triage
 * can take longer than Slack's three seconds.
 */
public final class TriageShortcut {
  private static final Gson SLACK_JSON = GsonFactory.createSnakeCase();

  private final Intake intake;
  private final TaskDesk desk;
  private final ThreadSummary threadSummary;
  private final Executor background;

  /**
   * @param summariser the thread's summariser; {@code null} without an LLM (no summary then)
   * @param background where the answers are worked out (the interactive threads; a failure is
   *     logged)
   */
  public TriageShortcut(
      Intake intake,
      TaskDesk desk,
      TriagePipeline pipeline,
      Summariser summariser,
      PermalinkLookup links,
      Executor background) {
    this.intake = intake;
    this.desk = desk;
    this.threadSummary = new ThreadSummary(summariser, pipeline, links);
    this.background = background;
  }

  public void register(App app) {
    app.messageShortcut(
        "triage_message",
        (req, ctx) -> {
          var p = req.getPayload();
          Object message = p.getMessage();
          String channel = p.getChannel().getId();
          background.execute(
              () -> {
                TriagedMessage triaged = intake.triageNow(jsonTree(message), channel);
                List<LayoutBlock> reply = new ArrayList<>(verdictReply(triaged));
                reply.addAll(threadSummary.of(triaged));
                ResponseUrl.send(ctx::respond, reply);
              });
          return ctx.ack();
        });
    app.blockAction(
        "triage_route",
        (req, ctx) -> {
          String itemId = req.getPayload().getActions().get(0).getValue();
          background.execute(
              () -> {
                var routed = desk.routeNow(MessageKey.parse(itemId));
                String answer =
                    routed.filter(t -> t.task().hasCard()).isPresent()
                        ? "Routed: the task card is in <#"
                            + routed.get().task().cardChannel()
                            + ">."
                        : "I couldn't route that message.";
                ResponseUrl.send(ctx::respond, List.of(section(s -> s.text(markdownText(answer)))));
              });
          return ctx.ack();
        });
  }

  /** The shortcut's message as the intake reads Slack's JSON. */
  private static JsonNode jsonTree(Object message) {
    try {
      return new ObjectMapper().readTree(SLACK_JSON.toJson(message));
    } catch (IOException e) {
      throw new IllegalArgumentException("unreadable message: " + e.getMessage(), e);
    }
  }

  private static List<LayoutBlock> verdictReply(TriagedMessage t) {
    if (t == null) {
      return Replies.text("I couldn't read that message.");
    }
    String text =
        Mrkdwn.priorityEmoji(t.verdict().priority())
            + " *"
            + t.verdict().priority()
            + " · "
            + Mrkdwn.escape(t.verdict().category())
            + "* ("
            + Math.round(100 * t.verdict().confidence())
            + "% sure)\n"
            + Mrkdwn.escape(Mrkdwn.clip(String.join("; ", t.verdict().reasons()), 2500));
    if (t.task().hasCard()) {
      return List.of(
          section(
              s ->
                  s.text(
                      markdownText(
                          text + "\nIts task card is in <#" + t.task().cardChannel() + ">."))));
    }
    return List.of(
        section(s -> s.text(markdownText(text))),
        actions(
            a ->
                a.elements(
                    asElements(
                        button(
                            b ->
                                b.actionId("triage_route")
                                    .text(plainText("Route it"))
                                    .style("primary")
                                    .value(t.itemKey().id()))))));
  }
}

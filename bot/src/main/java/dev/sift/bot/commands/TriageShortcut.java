package dev.sift.bot.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.Gson;
import com.slack.api.bolt.App;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;
import dev.sift.bot.intake.Intake;
import dev.sift.bot.pipeline.TriagePipeline;
import dev.sift.bot.slack.TaskDesk;
import dev.sift.bot.slack.view.PermalinkLookup;
import dev.sift.bot.slack.view.ShortcutReply;
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
  private static final ObjectMapper JSON = new ObjectMapper();

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
                List<LayoutBlock> reply = new ArrayList<>(ShortcutReply.verdict(triaged));
                reply.addAll(threadSummary.of(triaged));
                ResponseUrl.send(ctx::respond, reply);
              });
          return ctx.ack();
        });
    app.blockAction(
        ShortcutReply.ROUTE,
        (req, ctx) -> {
          String itemId = req.getPayload().getActions().get(0).getValue();
          background.execute(
              () -> {
                var routed = desk.routeNow(MessageKey.parse(itemId));
                ResponseUrl.send(ctx::respond, ShortcutReply.routed(routed.orElse(null)));
              });
          return ctx.ack();
        });
  }

  /** The shortcut's message as the intake reads Slack's JSON. */
  private static JsonNode jsonTree(Object message) {
    try {
      return JSON.readTree(SLACK_JSON.toJson(message));
    } catch (IOException e) {
      throw new IllegalArgumentException("unreadable message: " + e.getMessage(), e);
    }
  }
}

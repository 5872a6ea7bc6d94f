package dev.sift.bot.commands;

import com.slack.api.bolt.App;
import com.slack.api.model.block.LayoutBlock;
import dev.sift.bot.slack.TriageCommand;
import dev.sift.bot.slack.view.Replies;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * {@code /triage} on the Bolt app, with the More results button of its search answer. A quick
 * subcommand is answered in the ack itself; the rest are acked at once and answered through the
 * command's {@code response_url}, because a search or a digest can take longer than Slack's three
 * seconds.
 */
public final class TriageSlashCommand {
  private final TriageCommand command;
  private final DeferredAnswer answers;
  private final Executor background;

  /**
   * @param interactive where slow answers are worked out (the interactive threads)
   * @param background the same threads for the More results button; a failure is logged
   */
  public TriageSlashCommand(TriageCommand command, Executor interactive, Executor background) {
    this.command = command;
    this.answers = new DeferredAnswer(interactive, Replies::text);
    this.background = background;
  }

  public void register(App app) {
    app.command(
        "/triage",
        (req, ctx) -> {
          var p = req.getPayload();
          if (TriageCommand.isQuick(p.getText())) {
            List<LayoutBlock> blocks = command.run(p.getText(), p.getUserId(), p.getChannelId());
            return ctx.ack(r -> r.responseType("ephemeral").text("Sift").blocks(blocks));
          }
          answers.answer(
              "/triage " + p.getText(),
              () -> command.run(p.getText(), p.getUserId(), p.getChannelId()),
              ctx::respond);
          return ctx.ack();
        });
    app.blockAction(
        "search_more",
        (req, ctx) -> {
          String query = req.getPayload().getActions().get(0).getValue();
          String user = req.getPayload().getUser().getId();
          background.execute(
              () ->
                  ResponseUrl.send(
                      ctx::respond, command.search(query, user, TriageCommand.MORE_RESULTS)));
          return ctx.ack();
        });
  }
}

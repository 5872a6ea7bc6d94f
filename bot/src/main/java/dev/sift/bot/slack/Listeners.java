package dev.sift.bot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.ChannelArchiveEvent;
import com.slack.api.model.event.ChannelRenameEvent;
import com.slack.api.model.event.ChannelUnarchiveEvent;
import com.slack.api.model.event.GroupArchiveEvent;
import com.slack.api.model.event.GroupRenameEvent;
import com.slack.api.model.event.GroupUnarchiveEvent;
import com.slack.api.model.event.MemberJoinedChannelEvent;
import com.slack.api.model.event.MemberLeftChannelEvent;
import dev.sift.bot.cards.CardButtons;
import dev.sift.bot.cards.CardReactions;
import dev.sift.bot.cards.WrongTriage;
import dev.sift.bot.commands.DeferredAnswer;
import dev.sift.bot.commands.TriageShortcut;
import dev.sift.bot.home.HomeTab;
import dev.sift.bot.intake.Intake;
import dev.sift.bot.intake.WorkQueue;
import dev.sift.bot.pipeline.TriagePipeline;
import dev.sift.bot.slack.view.PermalinkLookup;
import dev.sift.bot.slack.view.Replies;
import dev.sift.index.ItemQueries;
import dev.sift.triage.llm.Summariser;
import dev.sift.triage.taxonomy.Taxonomy;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every way Slack reaches Sift, registered on the Bolt app. Each listener acks at once and hands
 * the work on: messages to {@link Intake}, buttons and modals to {@link TaskDesk}, commands to
 * {@link TriageCommand}. No model call or index write happens before an ack.
 */
public final class Listeners {
  private Response channelChanged(String channelId, EventContext ctx) {
    directory.channelChanged(channelId);
    return ctx.ack();
  }

  private static final Logger log = LoggerFactory.getLogger(Listeners.class);

  private final String team;
  private final Intake intake;
  private final TaskDesk desk;
  private final TriageCommand command;
  private final TriagePipeline pipeline;
  private final ItemQueries items;
  private final Taxonomy taxonomy;
  private final SlackApi slack;
  private final PermalinkLookup links;
  private final WorkQueue queue;
  private final ExecutorService interactive;
  private final Clock clock;
  private final Summariser summariser;
  private final Directory directory;
  private final DeferredAnswer commandAnswers;

  public Listeners(
      String team,
      Intake intake,
      TaskDesk desk,
      TriageCommand command,
      TriagePipeline pipeline,
      ItemQueries items,
      Taxonomy taxonomy,
      SlackApi slack,
      PermalinkLookup links,
      WorkQueue queue,
      ExecutorService interactive,
      Clock clock,
      Summariser summariser,
      Directory directory) {
    this.directory = directory;
    this.summariser = summariser;
    this.team = team;
    this.intake = intake;
    this.desk = desk;
    this.command = command;
    this.pipeline = pipeline;
    this.items = items;
    this.taxonomy = taxonomy;
    this.slack = slack;
    this.links = links;
    this.queue = queue;
    this.interactive = interactive;
    this.clock = clock;
    this.commandAnswers = new DeferredAnswer(interactive, Replies::text);
  }

  public void register(App app) {
    // Reactions on routed messages. New, edited and deleted messages never reach Bolt's
    // listeners: the intake takes them first (journaled, then acked), see intake.
    new CardReactions(team, desk, pipeline, queue).register(app);
    new CardButtons(desk, queue).register(app);
    new WrongTriage(desk, pipeline, taxonomy, slack, queue, clock, this::background).register(app);
    buttons(app);
    app.command(
        "/triage",
        (req, ctx) -> {
          var p = req.getPayload();
          if (TriageCommand.isQuick(p.getText())) {
            List<LayoutBlock> blocks = command.run(p.getText(), p.getUserId(), p.getChannelId());
            return ctx.ack(r -> r.responseType("ephemeral").text("Sift").blocks(blocks));
          }
          commandAnswers.answer(
              "/triage " + p.getText(),
              () -> command.run(p.getText(), p.getUserId(), p.getChannelId()),
              ctx::respond);
          return ctx.ack();
        });
    new TriageShortcut(intake, desk, pipeline, summariser, links, this::background).register(app);
    new HomeTab(items, command::visibleItems, slack, links, clock, interactive).register(app);
    app.event(
        AppMentionEvent.class,
        (payload, ctx) -> {
          var e = payload.getEvent();
          background(
              () ->
                  safely(
                      "chat.postMessage",
                      () ->
                          slack.post(
                              e.getChannel(),
                              "chat.postMessage",
                              m ->
                                  m.chatPostMessage(
                                      r ->
                                          r.channel(e.getChannel())
                                              .threadTs(
                                                  e.getThreadTs() != null
                                                      ? e.getThreadTs()
                                                      : e.getTs())
                                              .text(
                                                  "I triage this channel's messages. `/triage"
                                                      + " help` lists what I can do.")))));
          return ctx.ack();
        });
    app.event(
        MemberJoinedChannelEvent.class,
        (payload, ctx) -> {
          directory.membershipChanged(
              payload.getEvent().getUser(), payload.getEvent().getChannel());
          if (payload.getEvent().getUser().equals(ctx.getBotUserId())) {
            log.info("invited to {}", payload.getEvent().getChannel());
          }
          return ctx.ack();
        });
    // Someone left (or was removed from) a channel: what they may see changes at once.
    app.event(
        MemberLeftChannelEvent.class,
        (payload, ctx) -> {
          directory.membershipChanged(
              payload.getEvent().getUser(), payload.getEvent().getChannel());
          return ctx.ack();
        });
    // A channel archived, unarchived or renamed: Slack is asked about it again at its next use.
    app.event(
        ChannelArchiveEvent.class, (p, ctx) -> channelChanged(p.getEvent().getChannel(), ctx));
    app.event(
        ChannelUnarchiveEvent.class, (p, ctx) -> channelChanged(p.getEvent().getChannel(), ctx));
    app.event(GroupArchiveEvent.class, (p, ctx) -> channelChanged(p.getEvent().getChannel(), ctx));
    app.event(
        GroupUnarchiveEvent.class, (p, ctx) -> channelChanged(p.getEvent().getChannel(), ctx));
    app.event(
        ChannelRenameEvent.class,
        (p, ctx) -> channelChanged(p.getEvent().getChannel().getId(), ctx));
    app.event(
        GroupRenameEvent.class, (p, ctx) -> channelChanged(p.getEvent().getChannel().getId(), ctx));
    // Deleted channels: lifecycle.ChannelDeletions (the directory forgets them, then the index).
  }

  private void buttons(App app) {
    app.blockAction(
        "search_more",
        (req, ctx) -> {
          String query = req.getPayload().getActions().get(0).getValue();
          String user = req.getPayload().getUser().getId();
          background(
              () -> respond(ctx::respond, command.search(query, user, TriageCommand.MORE_RESULTS)));
          return ctx.ack();
        });
  }

  /** Where a late answer goes: the request's {@code response_url}, as an ephemeral reply. */
  @FunctionalInterface
  private interface ResponseUrl {
    Object send(List<LayoutBlock> blocks) throws java.io.IOException;
  }

  private static void respond(ResponseUrl url, List<LayoutBlock> blocks) {
    try {
      url.send(blocks);
    } catch (java.io.IOException e) {
      log.warn("cannot answer through response_url: {}", e.toString());
    }
  }

  /** Work off the ack path; a failure is logged rather than lost with its Future. */
  private void background(Runnable work) {
    interactive.execute(
        () -> {
          try {
            work.run();
          } catch (RuntimeException e) {
            log.warn("interactive work failed: {}", e.toString(), e);
          }
        });
  }

  private static void safely(String what, Runnable call) {
    try {
      call.run();
    } catch (SlackCallException e) {
      log.warn("{} failed: {}", what, e.getMessage());
    }
  }

  private static void safely(String what, java.util.function.Supplier<?> call) {
    try {
      call.get();
    } catch (SlackCallException e) {
      log.warn("{} failed: {}", what, e.getMessage());
    }
  }
}

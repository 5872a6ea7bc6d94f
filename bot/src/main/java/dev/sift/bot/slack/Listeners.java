package dev.sift.bot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
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
import dev.sift.bot.commands.TriageShortcut;
import dev.sift.bot.commands.TriageSlashCommand;
import dev.sift.bot.home.HomeTab;
import dev.sift.bot.intake.Intake;
import dev.sift.bot.intake.WorkQueue;
import dev.sift.bot.pipeline.TriagePipeline;
import dev.sift.bot.slack.view.PermalinkLookup;
import dev.sift.index.ItemQueries;
import dev.sift.triage.llm.Summariser;
import dev.sift.triage.taxonomy.Taxonomy;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every way Slack reaches Sift, registered on the Bolt app. Each listener acks at once and hands
 * the work on: messages to {@link Intake}, buttons and modals to {@link TaskDesk}, commands to
 * {@link TriageCommand}. No model call or index write happens before an ack.
 *
 * <p>What a feature does with its events lives with the feature: the task card's controls in {@link
 * dev.sift.bot.cards}, {@code /triage} and the message shortcut in {@link dev.sift.bot.commands},
 * the Home tab in {@link dev.sift.bot.home}. Here they are only listed, beside the events that just
 * tell the {@link Directory} something changed.
 */
public final class Listeners {
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
  }

  public void register(App app) {
    // The task card's controls. New, edited and deleted messages never reach Bolt's listeners:
    // the intake takes them first (journaled, then acked), see dev.sift.bot.intake.
    new CardReactions(team, desk, pipeline, queue).register(app);
    new CardButtons(desk, queue).register(app);
    new WrongTriage(desk, pipeline, taxonomy, slack, queue, clock, this::background).register(app);
    // What people ask for by name.
    new TriageSlashCommand(command, interactive, this::background).register(app);
    new TriageShortcut(intake, desk, pipeline, summariser, links, this::background).register(app);
    new HomeTab(items, command::visibleItems, slack, links, clock, interactive).register(app);
    app.event(
        AppMentionEvent.class,
        (payload, ctx) -> {
          var e = payload.getEvent();
          background(() -> pointToHelp(e));
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

  /** A mention is answered in its thread with where to find what Sift can do. */
  private void pointToHelp(AppMentionEvent e) {
    try {
      slack.post(
          e.getChannel(),
          "chat.postMessage",
          m ->
              m.chatPostMessage(
                  r ->
                      r.channel(e.getChannel())
                          .threadTs(e.getThreadTs() != null ? e.getThreadTs() : e.getTs())
                          .text(
                              "I triage this channel's messages. `/triage"
                                  + " help` lists what I can do.")));
    } catch (SlackCallException ex) {
      log.warn("{} failed: {}", "chat.postMessage", ex.getMessage());
    }
  }

  private Response channelChanged(String channelId, EventContext ctx) {
    directory.channelChanged(channelId);
    return ctx.ack();
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
}

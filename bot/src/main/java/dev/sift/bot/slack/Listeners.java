package dev.sift.bot.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.asElements;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
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
import com.slack.api.model.event.ReactionAddedEvent;
import dev.sift.bot.commands.DeferredAnswer;
import dev.sift.bot.feedback.Correction;
import dev.sift.bot.home.HomeTab;
import dev.sift.bot.intake.Intake;
import dev.sift.bot.intake.WorkQueue;
import dev.sift.bot.pipeline.TriagePipeline;
import dev.sift.bot.slack.view.CorrectionForm;
import dev.sift.bot.slack.view.CorrectionModal;
import dev.sift.bot.slack.view.Mrkdwn;
import dev.sift.bot.slack.view.PermalinkLookup;
import dev.sift.bot.slack.view.Replies;
import dev.sift.bot.slack.view.TaskCard;
import dev.sift.index.ItemQueries;
import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.llm.Summariser;
import dev.sift.triage.message.MessageKey;
import dev.sift.triage.taxonomy.Taxonomy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.BiConsumer;
import java.util.function.Function;
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

  /**
   * How long a card button's ack waits for its change to be stored (Slack allows three seconds).
   */
  private static final java.time.Duration CLICK_WAIT = java.time.Duration.ofMillis(2000);

  private static final Set<String> RESOLVING_REACTIONS =
      Set.of("white_check_mark", "heavy_check_mark", "ballot_box_with_check");
  private static final Set<String> ACKING_REACTIONS = Set.of("eyes", "raised_hands", "ack");

  private static final com.google.gson.Gson SLACK_JSON =
      com.slack.api.util.json.GsonFactory.createSnakeCase();
  private static final Function<Object, com.fasterxml.jackson.databind.JsonNode> SLACK_JSON_TREE =
      model -> {
        try {
          return new com.fasterxml.jackson.databind.ObjectMapper()
              .readTree(SLACK_JSON.toJson(model));
        } catch (java.io.IOException e) {
          throw new IllegalArgumentException("unreadable message: " + e.getMessage(), e);
        }
      };

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
    reactions(app);
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
    app.viewSubmission(
        CorrectionModal.CALLBACK_ID,
        (req, ctx) -> {
          var view = req.getPayload().getView();
          CorrectionForm answer;
          try {
            answer = CorrectionForm.read(view.getState());
          } catch (IllegalArgumentException e) {
            return ctx.ackWithErrors(java.util.Map.of("category", e.getMessage()));
          }
          if (!taxonomy.contains(answer.category())) {
            return ctx.ackWithErrors(
                java.util.Map.of("category", "Unknown category " + answer.category()));
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
    app.messageShortcut(
        "triage_message",
        (req, ctx) -> {
          var p = req.getPayload();
          Object message = p.getMessage();
          String channel = p.getChannel().getId();
          background(
              () -> {
                TriagedMessage triaged = intake.triageNow(SLACK_JSON_TREE.apply(message), channel);
                List<LayoutBlock> reply = new ArrayList<>(verdictReply(triaged));
                reply.addAll(threadSummary(triaged));
                respond(ctx::respond, reply);
              });
          return ctx.ack();
        });
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

  /**
   * Reactions on routed messages. New, edited and deleted messages never reach Bolt's listeners:
   * the intake takes them first (journaled, then acked), see {@link dev.sift.bot.intake}.
   */
  private void reactions(App app) {
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

  /** A reaction on a routed source message works like the card's button. */
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

  private void buttons(App app) {
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
    app.blockAction(
        TaskCard.WRONG,
        (req, ctx) -> {
          BlockActionPayload p = req.getPayload();
          String itemId = p.getActions().get(0).getValue();
          String trigger = p.getTriggerId();
          // The trigger id lives three seconds: open the modal right away, off the ack path.
          background(
              () ->
                  pipeline
                      .find(MessageKey.parse(itemId))
                      .ifPresent(
                          item ->
                              safely(
                                  "views.open",
                                  () ->
                                      slack.call(
                                          "views.open",
                                          m ->
                                              m.viewsOpen(
                                                  r ->
                                                      r.triggerId(trigger)
                                                          .view(
                                                              CorrectionModal.view(
                                                                  item, taxonomy)))))));
          return ctx.ack();
        });
    app.blockAction(
        "triage_route",
        (req, ctx) -> {
          String itemId = req.getPayload().getActions().get(0).getValue();
          background(
              () -> {
                var routed = desk.routeNow(MessageKey.parse(itemId));
                String answer =
                    routed.filter(t -> t.task().hasCard()).isPresent()
                        ? "Routed: the task card is in <#"
                            + routed.get().task().cardChannel()
                            + ">."
                        : "I couldn't route that message.";
                respond(ctx::respond, List.of(section(s -> s.text(markdownText(answer)))));
              });
          return ctx.ack();
        });
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
            java.util.concurrent.CountDownLatch stored = new java.util.concurrent.CountDownLatch(1);
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
              stored.await(CLICK_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
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
      if (block instanceof com.slack.api.model.block.ActionsBlock a) {
        for (var element : a.getElements()) {
          if (element instanceof com.slack.api.model.block.element.ButtonElement b
              && b.getValue() != null) {
            return b.getValue();
          }
        }
      }
    }
    return null;
  }

  /** For a message with replies, a cited summary of its thread (when an LLM is configured). */
  private List<LayoutBlock> threadSummary(TriagedMessage item) {
    if (summariser == null || item == null || item.replyIds().isEmpty()) {
      return List.of();
    }
    List<dev.sift.triage.message.Message> thread = new ArrayList<>();
    thread.add(item.message());
    for (String id : item.replyIds()) {
      pipeline.find(MessageKey.parse(id)).ifPresent(r -> thread.add(r.message()));
    }
    thread.sort(java.util.Comparator.comparing(dev.sift.triage.message.Message::postedAt));
    return summariser
        .summarise("a thread in #" + item.message().channelName(), thread)
        .map(
            bullets -> {
              StringBuilder text = new StringBuilder("*Thread summary*");
              for (Summariser.Bullet b : bullets) {
                text.append("\n• ").append(Mrkdwn.escape(b.text()));
                int n = 0;
                for (String source : b.sourceIds()) {
                  String link = links.linkTo(source);
                  n++;
                  if (link != null) {
                    text.append(" <").append(link).append("|[").append(n).append("]>");
                  }
                }
              }
              String shown = Mrkdwn.clip(text.toString(), 2900);
              return List.<LayoutBlock>of(section(s -> s.text(markdownText(shown))));
            })
        .orElse(List.of());
  }

  private List<LayoutBlock> verdictReply(TriagedMessage t) {
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

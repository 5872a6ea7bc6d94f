package dev.sift.bot.slack.view;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.usersSelect;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import dev.sift.triage.item.LinkedIssue;
import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.message.Message;
import dev.sift.triage.verdict.Status;
import dev.sift.triage.verdict.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * The task card posted to the routing channel for an urgent item: what, where, why, who owns it,
 * and buttons to acknowledge, resolve, reassign or correct it. Re-rendered in place on change.
 */
public final class TaskCard {
  /** The block id of the buttons, and the action ids a listener handles. */
  public static final String ACTIONS = "task_actions";

  public static final String ACK = "task_ack";
  public static final String RESOLVE = "task_resolve";
  public static final String REASSIGN = "task_reassign";
  public static final String WRONG = "task_wrong";
  public static final String REOPEN = "task_reopen";

  /** What a card that missed its SLA shows under its status. */
  public static final String SLA_BREACHED = ":rotating_light: *SLA breached*";

  private static final int SUMMARY = 150;

  /** Ten reasons of this length and the footer fit in one section of 3000. */
  private static final int REASON = 200;

  private static final int LISTED = 10;

  private TaskCard() {}

  /** The card; every button's value is the item's key id. */
  public static List<LayoutBlock> blocks(TriagedMessage item, PermalinkLookup links) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(Kit.section(Mrkdwn.label(item.verdict()) + " " + summary(item)));
    blocks.add(Kit.context(origin(item)));
    blocks.add(Kit.section(why(item.verdict())));
    if (!item.reportIds().isEmpty()) {
      blocks.add(Kit.context(reports(item, links)));
    }
    blocks.add(Kit.section(status(item, links)));
    blocks.add(actions(ACTIONS, buttons(item)));
    return blocks;
  }

  /**
   * The message's {@code text}: what notifications and screen readers show. It mentions the owner
   * on purpose, as notifications are derived from this text.
   */
  public static String fallbackText(TriagedMessage item) {
    Message m = item.message();
    String text =
        item.verdict().priority()
            + " "
            + Mrkdwn.escape(item.verdict().category())
            + " in #"
            + Mrkdwn.escape(m.channelName())
            + ": "
            + summary(item);
    String owner = item.task().assigneeId();
    String suffix = owner == null ? "" : " (owner: " + Mrkdwn.user(owner) + ")";
    return Mrkdwn.clip(text, Kit.FALLBACK_TEXT - suffix.length()) + suffix;
  }

  /**
   * The card after its source message was deleted: the task is closed, and the deleted text is not
   * repeated, since its author chose to remove it.
   */
  public static List<LayoutBlock> deleted(TriagedMessage item) {
    Message m = item.message();
    return List.of(
        Kit.section(":wastebasket: The source message was deleted, so this task was closed."),
        Kit.context(
            Mrkdwn.label(item.verdict())
                + " · from "
                + Mrkdwn.author(m)
                + " in "
                + Mrkdwn.channel(m)
                + " · "
                + Mrkdwn.date(m.postedAt())));
  }

  /** The LLM's one-line summary when it wrote one, else the start of the message. */
  private static String summary(TriagedMessage item) {
    String written = item.verdict().summary();
    return written == null || written.isBlank()
        ? Mrkdwn.summary(item.message(), SUMMARY)
        : Mrkdwn.oneLine(Mrkdwn.escape(written), SUMMARY);
  }

  private static String origin(TriagedMessage item) {
    Message m = item.message();
    return "From "
        + Mrkdwn.author(m)
        + " in "
        + Mrkdwn.channel(m)
        + " · "
        + Mrkdwn.date(m.postedAt())
        + " · "
        + Mrkdwn.count(item.reporterCount(), "reporter", "reporters")
        + " · "
        + Mrkdwn.count(item.replyIds().size(), "reply", "replies");
  }

  private static String why(Verdict v) {
    StringBuilder b = new StringBuilder("*Why:*");
    List<String> reasons = v.reasons();
    if (reasons.isEmpty()) {
      b.append(" no reasons recorded");
    }
    reasons.stream()
        .limit(LISTED)
        .forEach(r -> b.append("\n• ").append(Mrkdwn.oneLine(Mrkdwn.escape(r), REASON)));
    if (reasons.size() > LISTED) {
      b.append("\n• …and ").append(reasons.size() - LISTED).append(" more");
    }
    b.append('\n');
    if (!Verdict.HUMAN.equals(v.decidedBy())) {
      b.append("_").append(Math.round(v.confidence() * 100)).append("% confident · ");
    } else {
      b.append("_");
    }
    return b.append("decided by ").append(decider(v.decidedBy())).append("_").toString();
  }

  private static String decider(String decidedBy) {
    return switch (decidedBy) {
      case Verdict.EMBEDDED -> "the embedded model";
      case Verdict.RULE -> "a rule";
      case Verdict.HUMAN -> "a person";
      case "llm" -> "the LLM";
      default -> Mrkdwn.escape(decidedBy);
    };
  }

  private static String reports(TriagedMessage item, PermalinkLookup links) {
    Message m = item.message();
    String author = m.userName() != null ? m.userName() : m.userId();
    List<String> others =
        item.reporters().stream().filter(name -> !name.equals(author)).map(Mrkdwn::escape).toList();
    StringBuilder b = new StringBuilder();
    if (others.isEmpty()) {
      b.append("Reported again");
    } else {
      b.append("Also reported by: ")
          .append(String.join(", ", others.subList(0, Math.min(LISTED, others.size()))));
      if (others.size() > LISTED) {
        b.append(" and ").append(others.size() - LISTED).append(" more");
      }
    }
    List<String> reportLinks = new ArrayList<>();
    List<String> ids = item.reportIds();
    for (int i = 0; i < ids.size() && reportLinks.size() < LISTED; i++) {
      String url = links.linkTo(ids.get(i));
      if (url != null) {
        reportLinks.add(Mrkdwn.link(url, String.valueOf(i + 1)));
      }
    }
    if (!reportLinks.isEmpty()) {
      b.append(" — reports: ").append(String.join(", ", reportLinks));
    }
    return b.toString();
  }

  private static String status(TriagedMessage item, PermalinkLookup links) {
    StringBuilder b = new StringBuilder("*Status:* ").append(label(item.status()));
    String owner = item.task().assigneeId();
    if (owner != null) {
      // A deliberate mention: the owner is notified when a card is assigned to them.
      b.append(" · *Owner:* ").append(Mrkdwn.user(owner));
    }
    String url = links.linkTo(item.key().id());
    if (url != null) {
      b.append(" · ").append(Mrkdwn.link(url, "View message"));
    }
    LinkedIssue issue = item.task().issue();
    if (issue != null) {
      b.append("\n*")
          .append(Mrkdwn.escape(issue.tracker()))
          .append(":* ")
          .append(Mrkdwn.link(issue.url(), Mrkdwn.escape(issue.key())));
      if (issue.note() != null) {
        b.append(" · ").append(Mrkdwn.oneLine(Mrkdwn.escape(issue.note()), REASON));
      }
    }
    if (item.task().slaBreachedAt() != null) {
      // Kept after the item is resolved: it went over its SLA, and the card's history says so.
      b.append("\n")
          .append(SLA_BREACHED)
          .append(" since ")
          .append(Mrkdwn.date(item.task().slaBreachedAt()));
    }
    return b.toString();
  }

  static String label(Status status) {
    return switch (status) {
      case OPEN -> "Open";
      case ACKED -> "Acknowledged";
      case RESOLVED -> "Resolved";
    };
  }

  private static List<BlockElement> buttons(TriagedMessage item) {
    String id = item.key().id();
    List<BlockElement> buttons = new ArrayList<>();
    if (item.status() == Status.RESOLVED) {
      buttons.add(Kit.button(REOPEN, "Reopen", id, null));
    } else {
      if (item.status() == Status.OPEN) {
        buttons.add(Kit.button(ACK, "Acknowledge", id, "primary"));
      }
      buttons.add(Kit.button(RESOLVE, "Resolve", id, null));
      String owner = item.task().assigneeId();
      buttons.add(
          usersSelect(
              u ->
                  u.actionId(REASSIGN)
                      .placeholder(plainText("Reassign…", true))
                      .initialUser(owner)));
    }
    buttons.add(Kit.button(WRONG, "Wrong triage", id, "danger"));
    return buttons;
  }
}

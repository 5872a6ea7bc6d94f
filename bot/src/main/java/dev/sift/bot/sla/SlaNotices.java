package dev.sift.bot.sla;

import dev.sift.bot.slack.view.Mrkdwn;
import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.sla.SlaSchedule;
import dev.sift.triage.sla.Target;
import dev.sift.triage.sla.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * The words of SLA reminders: the half-way nudge in the card's thread, the breach, its repeats, and
 * the escalation posted to a backup channel. Mentions are passed in already decided (see {@link
 * SlaMessenger}); nothing from the message's text can mention anyone.
 */
final class SlaNotices {
  private static final String REMINDER = ":hourglass_flowing_sand:";
  private static final String BREACH = ":rotating_light:";

  private SlaNotices() {}

  /**
   * True for the text of a thread reply this class wrote (they all start with one of two emoji).
   */
  static boolean isReminder(String text) {
    return text.startsWith(REMINDER) || text.startsWith(BREACH);
  }

  /** The reply in the card's thread. */
  static String inThread(
      TriagedMessage item,
      Timer timer,
      Target target,
      SlaSchedule.Due due,
      int maxRepeats,
      Collection<String> mentions,
      Instant now) {
    String what = item.verdict().priority() + " " + Mrkdwn.escape(item.verdict().category());
    String sla = "(" + verb(timer) + " within " + Mrkdwn.escape(target.label()) + ")";
    String text =
        switch (due.kind()) {
          case REMINDER ->
              (item.task().assigneeId() == null
                      ? REMINDER + " Nobody has " + timer.pastTense() + " this " + what
                      : REMINDER + " Reminder: this " + what + " has not been " + timer.pastTense())
                  + " yet. Half of its SLA "
                  + sla
                  + " is gone; it runs out "
                  + date(due.deadline())
                  + ".";
          case BREACH ->
              BREACH
                  + " *SLA breached:* this "
                  + what
                  + " was not "
                  + timer.pastTense()
                  + " in time "
                  + sla
                  + "; it was due "
                  + date(due.deadline())
                  + ".";
          case REPEAT ->
              BREACH
                  + " Still not "
                  + timer.pastTense()
                  + ", "
                  + human(SlaSchedule.overdue(due, now))
                  + " past its SLA "
                  + sla
                  + " (reminder "
                  + due.repeat()
                  + " of "
                  + maxRepeats
                  + ").";
        };
    return mentions.isEmpty() ? text : text + " " + mentionAll(mentions);
  }

  /** The post in the backup channel: what, where, how late, and a link to the card. */
  static String inChannel(
      TriagedMessage item,
      Timer timer,
      Target target,
      SlaSchedule.Due due,
      String cardLink,
      Instant now) {
    String owner = item.task().assigneeId();
    String head =
        due.kind() == SlaSchedule.Kind.REPEAT
            ? ":rotating_light: Still not "
                + timer.pastTense()
                + " ("
                + human(SlaSchedule.overdue(due, now))
                + " late)"
            : ":rotating_light: *SLA breached*: not "
                + timer.pastTense()
                + " within "
                + Mrkdwn.escape(target.label());
    String summary =
        item.verdict().summary() != null && !item.verdict().summary().isBlank()
            ? item.verdict().summary()
            : item.message().text();
    String card = cardLink == null ? "" : " · <" + cardLink + "|Open the task card>";
    return head
        + "\n*"
        + item.verdict().priority()
        + " "
        + Mrkdwn.escape(item.verdict().category())
        + "* in #"
        + Mrkdwn.escape(item.message().channelName())
        + ": "
        + Mrkdwn.oneLine(Mrkdwn.escape(summary), 150)
        + "\nOwner: "
        + (owner == null ? "nobody yet" : "<@" + owner + ">")
        + card;
  }

  /** {@code 1h 30m}, {@code 45m}, {@code 2d 3h}: how late, roughly, for people. */
  static String human(Duration d) {
    long minutes = Math.max(0, d.toMinutes());
    long days = minutes / (24 * 60);
    long hours = minutes / 60 % 24;
    long mins = minutes % 60;
    if (days > 0) {
      return days + "d" + (hours > 0 ? " " + hours + "h" : "");
    }
    if (hours > 0) {
      return hours + "h" + (mins > 0 ? " " + mins + "m" : "");
    }
    return mins + "m";
  }

  private static String verb(Timer timer) {
    return timer == Timer.ACKNOWLEDGE ? "acknowledge" : "resolve";
  }

  private static String mentionAll(Collection<String> userIds) {
    return userIds.stream().map(id -> "<@" + id + ">").collect(Collectors.joining(" "));
  }

  /** A date each reader sees in their own time zone, with a UTC fallback. */
  private static String date(Instant when) {
    return "<!date^" + when.getEpochSecond() + "^{date_short_pretty} {time}|" + when + ">";
  }
}

package dev.sift.bot.sla;

import dev.sift.bot.slack.Directory;
import dev.sift.bot.slack.SlackApi;
import dev.sift.bot.slack.SlackCallException;
import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.message.SlackTs;
import dev.sift.triage.sla.Escalation;
import dev.sift.triage.sla.SlaPolicy;
import dev.sift.triage.sla.SlaSchedule;
import dev.sift.triage.sla.Target;
import dev.sift.triage.sla.Timer;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sender of SLA steps to Slack: a reply in the card's thread that mentions who should act (and,
 * when nobody owns the card, is also sent to the channel), and at breach a post in the backup
 * channel when the backup is one. The message's author is never mentioned unless they own the task.
 */
final class SlaMessenger {
  private static final Logger log = LoggerFactory.getLogger(SlaMessenger.class);

  /** More mentions than this in one reply is a broadcast, not a nudge. */
  private static final int MAX_MENTIONS = 30;

  private final SlackApi slack;
  private final Directory directory;

  SlaMessenger(SlackApi slack, Directory directory) {
    this.slack = slack;
    this.directory = directory;
  }

  /**
   * Posts the step; returns the thread reply's {@code channel/ts}. Throws when the thread reply
   * could not be posted (a failed backup-channel post is only logged: the thread reply is made).
   */
  String send(
      TriagedMessage item,
      Timer timer,
      Target target,
      SlaSchedule.Due due,
      SlaPolicy policy,
      Instant now) {
    String channel = item.task().cardChannel();
    String cardTs = item.task().cardTs();
    boolean unowned = item.task().assigneeId() == null;
    String text =
        SlaNotices.inThread(
            item, timer, target, due, policy.maxRepeats(), mentions(item, due, policy), now);
    var posted =
        slack.post(
            channel,
            "chat.postMessage",
            m ->
                m.chatPostMessage(
                    r ->
                        r.channel(channel)
                            .threadTs(cardTs)
                            // Nobody owns it: the routing channel sees the reminder, not only the
                            // thread's followers.
                            .replyBroadcast(unowned)
                            .text(text)
                            .unfurlLinks(false)));
    Escalation backup = policy.escalateTo();
    if (due.kind() != SlaSchedule.Kind.REMINDER
        && backup != null
        && backup.kind() == Escalation.Kind.CHANNEL) {
      postToChannel(item, timer, target, due, backup.id(), now);
    }
    return posted.getChannel() + "/" + posted.getTs();
  }

  /**
   * True when one of Sift's reminders is in the card's thread since {@code since}: after a crash
   * between claiming a step and recording it done, this tells a post that was made from one that
   * was not. When Slack cannot say, true: a missed reminder is better than a doubled one.
   */
  boolean inThread(TriagedMessage item, Instant since) {
    String channel = item.task().cardChannel();
    String cardTs = item.task().cardTs();
    try {
      var replies =
          slack.call(
              "conversations.replies",
              m ->
                  m.conversationsReplies(
                      r ->
                          r.channel(channel)
                              .ts(cardTs)
                              .oldest(SlackTs.of(since.minusSeconds(1)))
                              .limit(200)));
      return replies.getMessages() != null
          && replies.getMessages().stream()
              .anyMatch(
                  m ->
                      m.getBotId() != null
                          && m.getText() != null
                          && SlaNotices.isReminder(m.getText()));
    } catch (SlackCallException e) {
      log.warn(
          "cannot read the thread of {}'s card ({}); the reminder is not sent again",
          item.key().id(),
          e.error());
      return true;
    }
  }

  /**
   * Who is mentioned: the owner always; at breach and after, the backup person or each member of
   * the backup group. The author is left out unless they are the owner: reporting a problem must
   * not earn pings about its handling.
   */
  Set<String> mentions(TriagedMessage item, SlaSchedule.Due due, SlaPolicy policy) {
    String owner = item.task().assigneeId();
    Set<String> who = new LinkedHashSet<>();
    if (owner != null) {
      who.add(owner);
    }
    Escalation backup = policy.escalateTo();
    if (due.kind() != SlaSchedule.Kind.REMINDER && backup != null) {
      switch (backup.kind()) {
        case USER -> who.add(backup.id());
        case GROUP -> who.addAll(directory.groupMembers(backup.id()));
        case CHANNEL -> {}
      }
    }
    String author = item.message().userId();
    if (author != null && !author.equals(owner)) {
      who.remove(author);
    }
    return who.stream()
        .limit(MAX_MENTIONS)
        .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new));
  }

  private void postToChannel(
      TriagedMessage item,
      Timer timer,
      Target target,
      SlaSchedule.Due due,
      String backup,
      Instant now) {
    String link = cardLink(item);
    String text = SlaNotices.inChannel(item, timer, target, due, link, now);
    try {
      slack.post(
          backup,
          "chat.postMessage",
          m -> m.chatPostMessage(r -> r.channel(backup).text(text).unfurlLinks(false)));
    } catch (SlackCallException e) {
      log.warn(
          "cannot escalate {} to #{}: {} (is Sift in that channel?)",
          item.key().id(),
          backup,
          e.error());
    }
  }

  private String cardLink(TriagedMessage item) {
    return slack.permalink(item.task().cardChannel(), item.task().cardTs()).orElse(null);
  }
}

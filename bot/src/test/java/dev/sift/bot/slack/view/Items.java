package dev.sift.bot.slack.view;

import dev.sift.triage.item.Task;
import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.message.Message;
import dev.sift.triage.message.SlackTs;
import dev.sift.triage.verdict.Priority;
import dev.sift.triage.verdict.Status;
import dev.sift.triage.verdict.Verdict;
import java.time.Instant;
import java.util.List;

/** Items as the index hands them to views. */
final class Items {
  /** 2023-11-14 22:13:20 UTC. */
  static final Instant POSTED = Instant.ofEpochSecond(1_700_000_000L);

  private Items() {}

  static Message message(String text) {
    return message(text, POSTED, "alice");
  }

  static Message message(String text, Instant posted, String author) {
    return new Message(
        "T1",
        "C0SUPPORT",
        "support",
        SlackTs.of(posted),
        null,
        "U0ALICE",
        author,
        text,
        null,
        false,
        false,
        List.of(),
        List.of());
  }

  static Verdict verdict(Priority priority, String category) {
    return new Verdict(
        category,
        priority,
        0.87,
        0.4,
        List.of("looks like an outage", "3 people reported it"),
        Verdict.EMBEDDED);
  }

  static TriagedMessage item(String text, Priority priority, String category) {
    return TriagedMessage.newItem(message(text), verdict(priority, category), null);
  }

  static TriagedMessage item(String text, Priority priority, Instant posted) {
    return TriagedMessage.newItem(
        message(text, posted, "alice"), verdict(priority, "incident"), null);
  }

  static TriagedMessage incident(String text) {
    return item(text, Priority.P1, "incident");
  }

  static TriagedMessage assigned(TriagedMessage item, String userId, Status status) {
    return item.withTask(Task.NONE.withAssignee(userId)).withStatus(status);
  }
}

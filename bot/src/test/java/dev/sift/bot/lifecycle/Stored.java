package dev.sift.bot.lifecycle;

import dev.sift.index.MessageIndex;
import dev.sift.triage.item.Role;
import dev.sift.triage.item.Task;
import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.message.Message;
import dev.sift.triage.verdict.Priority;
import dev.sift.triage.verdict.Verdict;
import java.util.List;

/** Triaged messages written straight into an index, the way triage leaves them. */
final class Stored {
  static final String TEAM = "T0ACME";

  private Stored() {}

  static Message said(String channel, String ts, String user, String text) {
    return new Message(
        TEAM,
        channel,
        channel.equals("C0SUPPORT") ? "support" : "eng",
        ts,
        null,
        user,
        user.toLowerCase().substring(2),
        text,
        null,
        false,
        false,
        List.of(),
        List.of());
  }

  static Verdict verdict(String summary, String... reasons) {
    return new Verdict("incident", Priority.P1, 0.9, 0.5, List.of(reasons), Verdict.LLM, summary);
  }

  /** An item with reports by others, each stored, and the item's card. */
  static TriagedMessage itemWithReports(
      MessageIndex index, TriagedMessage item, Message... reports) {
    TriagedMessage updated = item;
    for (Message r : reports) {
      index.upsert(
          TriagedMessage.partOf(r, verdict(null, "incident"), null, Role.REPORT, item.key()));
      updated = updated.withReport(r);
    }
    index.upsert(updated);
    return updated;
  }

  static TriagedMessage item(Message m, String summary, String... reasons) {
    return TriagedMessage.newItem(m, verdict(summary, reasons), null);
  }

  static TriagedMessage withCard(TriagedMessage item, String channel, String ts) {
    return item.withTask(new Task(null, channel, ts, null, null));
  }
}

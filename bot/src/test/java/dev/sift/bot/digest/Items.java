package dev.sift.bot.digest;

import dev.sift.index.MessageIndex;
import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.message.Message;
import dev.sift.triage.verdict.Priority;
import dev.sift.triage.verdict.Status;
import dev.sift.triage.verdict.Verdict;
import java.time.Instant;
import java.util.List;

/** Triaged items written straight into an index, as the pipeline would have stored them. */
final class Items {
  private final MessageIndex index;

  Items(MessageIndex index) {
    this.index = index;
  }

  static String ts(Instant at) {
    return at.getEpochSecond() + "." + String.format("%06d", at.getNano() / 1000);
  }

  static Message message(String channelId, String channel, Instant at, String text) {
    return new Message(
        "T12345678",
        channelId,
        channel,
        ts(at),
        null,
        "U0ANA",
        "ana",
        text,
        null,
        false,
        false,
        List.of(),
        List.of());
  }

  /** An open item. */
  TriagedMessage add(String channelId, String channel, Instant at, Priority p, String text) {
    return put(
        TriagedMessage.newItem(
            message(channelId, channel, at, text),
            new Verdict("incident", p, 0.9, 0.5, List.of("outage words"), Verdict.EMBEDDED),
            null));
  }

  TriagedMessage put(TriagedMessage t) {
    index.upsert(t);
    return t;
  }

  /** Resolved at {@code at}, as the card's Resolve button records it. */
  TriagedMessage resolve(TriagedMessage t, Instant at) {
    return put(
        t.withStatus(Status.RESOLVED).withTask(t.task().withTimes(t.task().times().resolved(at))));
  }

  TriagedMessage own(TriagedMessage t, String userId) {
    return put(t.withTask(t.task().withAssignee(userId)));
  }

  TriagedMessage breach(TriagedMessage t, Instant at) {
    return put(t.withTask(t.task().withSlaBreachedAt(at)));
  }

  TriagedMessage replies(TriagedMessage t, int n) {
    TriagedMessage out = t;
    for (int i = 1; i <= n; i++) {
      Message m = t.message();
      Instant at = Instant.ofEpochSecond(Long.parseLong(m.ts().split("\\.")[0]) + i);
      Message reply =
          new Message(
              m.team(),
              m.channelId(),
              m.channelName(),
              ts(at),
              m.ts(),
              "U0BEN",
              "ben",
              "reply " + i,
              null,
              false,
              false,
              List.of(),
              List.of());
      out = out.withReply(reply);
    }
    return put(out);
  }
}

package dev.sift.triage.item;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.triage.message.Message;
import dev.sift.triage.verdict.Priority;
import dev.sift.triage.verdict.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForgettingTest {
  private final InMemoryHistory history = new InMemoryHistory();

  private static Message said(String ts, String threadTs, String user, String text) {
    return new Message(
        "T1",
        "C1",
        "support",
        ts,
        threadTs,
        "U" + user,
        user,
        text,
        null,
        false,
        false,
        List.of(),
        List.of());
  }

  private static Verdict verdict(String... reasons) {
    return new Verdict(
        "incident", Priority.P1, 0.9, 0.5, List.of(reasons), Verdict.LLM, "Portal down");
  }

  private TriagedMessage report(String ts, String user, TriagedMessage item) {
    TriagedMessage r =
        TriagedMessage.partOf(
            said(ts, null, user, "same here, portal 502"),
            verdict("incident"),
            null,
            Role.REPORT,
            item.key());
    history.stored.put(r.key(), r);
    return r;
  }

  @Test
  void should_drop_a_deleted_reports_author_id_and_the_reasons_that_quote_them() {
    TriagedMessage item =
        TriagedMessage.newItem(
            said("1.000100", null, "isa", "portal 502"), verdict("incident"), null);
    TriagedMessage ana = report("2.000100", "ana", item);
    TriagedMessage bob = report("3.000100", "bob", item);
    item = item.withReport(ana.message()).withReport(bob.message());
    item =
        item.withVerdict(
            new Verdict(
                "incident",
                Priority.P1,
                0.9,
                0.5,
                List.of("incident", "3 people reported it", "a report by @ana is P1"),
                Verdict.LLM,
                "Portal down"));
    history.stored.remove(ana.key());

    TriagedMessage after = Forgetting.without(item, ana, history);

    assertThat(after.reporters()).containsExactly("isa", "bob");
    assertThat(after.reportIds()).containsExactly(bob.key().id());
    assertThat(after.verdict().reasons())
        .containsExactly("incident", "2 people reported it")
        .noneMatch(r -> r.contains("ana"));
    assertThat(after.verdict().priority()).isEqualTo(Priority.P1);
    assertThat(after.verdict().summary()).isEqualTo("Portal down");
  }

  @Test
  void should_keep_an_author_who_still_has_another_report() {
    TriagedMessage item =
        TriagedMessage.newItem(
            said("1.000100", null, "isa", "portal 502"), verdict("incident"), null);
    TriagedMessage first = report("2.000100", "ana", item);
    TriagedMessage second = report("3.000100", "ana", item);
    item = item.withReport(first.message()).withReport(second.message());
    history.stored.remove(first.key());

    TriagedMessage after = Forgetting.without(item, first, history);

    assertThat(after.reporters()).containsExactly("isa", "ana");
    assertThat(after.reportIds()).containsExactly(second.key().id());
  }

  @Test
  void should_drop_a_deleted_reply_and_the_escalation_it_caused() {
    TriagedMessage item =
        TriagedMessage.newItem(
            said("1.000100", null, "isa", "portal 502"), verdict("incident"), null);
    Message reply = said("2.000100", "1.000100", "ana", "down for all of finance since 9");
    TriagedMessage stored =
        TriagedMessage.partOf(reply, verdict("incident"), null, Role.REPLY, item.key());
    item =
        item.withReply(reply)
            .withVerdict(verdict("incident").withPriority(Priority.P1, "reply by @ana: since 9"));

    TriagedMessage after = Forgetting.without(item, stored, history);

    assertThat(after.replyIds()).isEmpty();
    assertThat(after.verdict().reasons()).containsExactly("incident");
  }

  @Test
  void should_leave_an_item_alone_when_the_message_was_not_part_of_it() {
    TriagedMessage item =
        TriagedMessage.newItem(
            said("1.000100", null, "isa", "portal 502"), verdict("incident"), null);
    TriagedMessage other =
        TriagedMessage.newItem(said("5.000100", null, "ana", "printer"), verdict("incident"), null);

    assertThat(Forgetting.without(item, other, history)).isSameAs(item);
  }
}

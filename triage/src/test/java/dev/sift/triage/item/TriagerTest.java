package dev.sift.triage.item;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.triage.classify.Classifier;
import dev.sift.triage.classify.Prediction;
import dev.sift.triage.message.Message;
import dev.sift.triage.priority.Prioritiser;
import dev.sift.triage.priority.PriorityFeatures;
import dev.sift.triage.priority.PriorityModel;
import dev.sift.triage.taxonomy.Taxonomy;
import dev.sift.triage.verdict.Priority;
import dev.sift.triage.verdict.Status;
import dev.sift.triage.verdict.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TriagerTest {
  /** Decides by keywords, so the tests exercise triage logic, not the model. */
  private static final Classifier KEYWORDS =
      (text, vector) -> {
        String c =
            text.contains("down") || text.contains("502")
                ? "incident"
                : text.contains("please") ? "request" : "question";
        return new Prediction(
            List.of(new Prediction.Scored(c, 0.9), new Prediction.Scored("bug", 0.1)));
      };

  private final InMemoryHistory history = new InMemoryHistory();
  private final Triager triager =
      new Triager(
          Taxonomy.defaults(), KEYWORDS, Prioritiser.defaults(), DuplicatePolicy.DEFAULTS, history);

  @Test
  void should_decide_trivial_messages_by_rule_without_a_vector() {
    Message thanks = msg("C1", "100.000001", null, "ann", "thanks! :tada:");

    assertThat(triager.needsVector(thanks)).isFalse();
    Triager.Outcome o = run(thanks, null);
    assertThat(o.message().verdict().category()).isEqualTo("social");
    assertThat(o.message().verdict().decidedBy()).isEqualTo("rule");
  }

  @Test
  void should_fold_a_thread_reply_into_its_parent_and_let_it_raise_the_priority() {
    run(msg("C1", "100.000001", "100.000001", "ann", "anyone else seeing slow pages?"), v(1, 0, 0));

    Triager.Outcome reply =
        run(
            msg("C1", "100.000009", "100.000001", "bob", "it's down for every client, 502s"),
            v(0, 1, 0));

    assertThat(reply.message().role()).isEqualTo(Role.REPLY);
    TriagedMessage item = reply.updatedItem().orElseThrow();
    assertThat(item.replyIds()).hasSize(1);
    assertThat(item.verdict().priority()).isEqualTo(Priority.P3);
    assertThat(item.verdict().reasons()).anyMatch(r -> r.startsWith("reply by @bob"));
  }

  @Test
  void should_join_a_second_report_of_the_same_problem_into_one_item_with_two_reporters() {
    run(msg("C1", "100.000001", null, "ann", "portal is down"), v(1, 0, 0));

    Triager.Outcome second =
        run(msg("C2", "160.000001", null, "bob", "is the portal down?"), v(0.95f, 0.31f, 0));

    assertThat(second.message().role()).isEqualTo(Role.REPORT);
    assertThat(second.updatedItem().orElseThrow().reporters()).containsExactly("ann", "bob");
  }

  @Test
  void should_not_join_a_dissimilar_problem() {
    run(msg("C1", "100.000001", null, "ann", "portal is down"), v(1, 0, 0));

    Triager.Outcome other = run(msg("C1", "130.000001", null, "bob", "vpn is down"), v(0, 1, 0));

    assertThat(other.message().role()).isEqualTo(Role.ITEM);
  }

  @Test
  void should_mark_an_item_resolved_when_its_thread_says_so() {
    run(msg("C1", "100.000001", "100.000001", "ann", "portal is down"), v(1, 0, 0));

    Triager.Outcome fixed =
        run(
            msg("C1", "200.000001", "100.000001", "bob", "all clear, resolved by the rollback"),
            v(0, 0, 1));

    assertThat(fixed.updatedItem().orElseThrow().status()).isEqualTo(Status.RESOLVED);
  }

  @Test
  void should_not_count_a_recovery_as_one_more_report_of_its_alert() {
    run(msg("C1", "100.000001", null, "PulseCheck", "[Firing] vpn-gateway: down"), v(1, 0, 0));

    Triager.Outcome recovery =
        run(
            msg("C1", "160.000001", null, "PulseCheck", "[Recovered] vpn-gateway: down"),
            v(1, 0, 0));

    assertThat(recovery.message().role()).isEqualTo(Role.ITEM);
    assertThat(recovery.message().verdict().priority()).isEqualTo(Priority.P3);
    assertThat(recovery.updatedItem()).isEmpty();
  }

  @Test
  void should_not_join_a_firing_alert_into_a_scheduled_downtime_notice() {
    run(
        msg("C1", "100.000001", null, "PulseCheck", "[Info] Scheduled downtime: vpn-gateway down"),
        v(1, 0, 0));

    Triager.Outcome firing =
        run(msg("C1", "160.000001", null, "PulseCheck", "[Firing] vpn-gateway: down"), v(1, 0, 0));

    assertThat(firing.message().role()).isEqualTo(Role.ITEM);
  }

  @Test
  void should_leave_the_same_state_when_a_thread_is_triaged_twice() {
    List<Message> thread =
        List.of(
            msg("C1", "100.000001", "100.000001", "ann", "portal is down"),
            msg("C1", "110.000001", "100.000001", "bob", "502 here too, it's down"),
            msg("C2", "120.000001", null, "cy", "portal down?"));
    List<float[]> vectors = List.of(v(1, 0, 0), v(0, 1, 0), v(1, 0, 0));
    for (int i = 0; i < thread.size(); i++) {
      run(thread.get(i), vectors.get(i));
    }
    String first = history.stored.toString();

    for (int i = 0; i < thread.size(); i++) {
      run(thread.get(i), vectors.get(i));
    }

    assertThat(history.stored.toString()).isEqualTo(first);
  }

  @Test
  void should_lower_the_verdict_when_an_edit_takes_the_problem_out_of_the_message() {
    TriagedMessage before =
        run(
                msg("C1", "100.000001", null, "ann", "the VPN is down for the whole office"),
                v(1, 0, 0))
            .message();
    assertThat(before.verdict().category()).isEqualTo("incident");

    TriagedMessage after =
        run(
                msg(
                        "C1",
                        "100.000001",
                        null,
                        "ann",
                        "the VPN was slow this morning, fine now, thanks")
                    .asEdited(),
                v(0, 1, 0))
            .message();

    assertThat(after.verdict().category()).isNotEqualTo("incident");
    assertThat(after.verdict().priority().moreUrgentThan(before.verdict().priority())).isFalse();
    assertThat(after.verdict().priority()).isNotEqualTo(before.verdict().priority());
    assertThat(after.verdict().reasons()).noneMatch(r -> r.contains("down"));
  }

  @Test
  void should_keep_the_newest_edit_when_an_older_one_arrives_after_it() {
    run(msg("C1", "100.000001", null, "ann", "the VPN is down"), v(1, 0, 0));
    run(
        msg("C1", "100.000001", null, "ann", "the VPN is down again, please")
            .editedAt("100.000300"),
        v(0, 1, 0));

    // The first edit, handled late by another replica or read by a catch-up before the second.
    Triager.Outcome late =
        run(
            msg("C1", "100.000001", null, "ann", "the VPN is slow").editedAt("100.000200"),
            v(0, 1, 0));
    Triager.Outcome original = run(msg("C1", "100.000001", null, "ann", "the VPN"), v(0, 1, 0));

    assertThat(late.message().message().text()).isEqualTo("the VPN is down again, please");
    assertThat(original.message().message().text()).isEqualTo("the VPN is down again, please");
    assertThat(late.message().message().editedTs()).isEqualTo("100.000300");

    // A newer edit still wins, and so does an edit whose time is not known (nothing to order by).
    run(msg("C1", "100.000001", null, "ann", "all fine now").editedAt("100.000400"), v(0, 1, 0));
    assertThat(history.find(new dev.sift.triage.message.MessageKey("T1", "C1", "100.000001")))
        .hasValueSatisfying(t -> assertThat(t.message().text()).isEqualTo("all fine now"));
    Triager.Outcome unknown =
        run(msg("C1", "100.000001", null, "ann", "fixed").asEdited(), v(0, 1, 0));
    assertThat(unknown.message().message().text()).isEqualTo("fixed");
  }

  @Test
  void should_keep_the_newest_edit_of_a_reply_when_an_older_one_arrives_after_it() {
    run(msg("C1", "100.000001", "100.000001", "ann", "the VPN is down"), v(1, 0, 0));
    run(msg("C1", "100.000005", "100.000001", "bob", "same here"), v(0, 1, 0));
    run(
        msg("C1", "100.000005", "100.000001", "bob", "fine for me now").editedAt("100.000300"),
        v(0, 1, 0));

    Triager.Outcome late =
        run(
            msg("C1", "100.000005", "100.000001", "bob", "same here!").editedAt("100.000200"),
            v(0, 1, 0));

    assertThat(late.message().message().text()).isEqualTo("fine for me now");
    assertThat(late.message().role()).isEqualTo(Role.REPLY);
    assertThat(late.updatedItem()).isEmpty();
  }

  @Test
  void should_not_let_replies_in_a_help_channel_raise_an_askers_thread_past_p3() {
    run(msg("HELP", "100.000001", "100.000001", "ann", "please help, pages are slow"), v(1, 0, 0));

    TriagedMessage item =
        run(
                msg("HELP", "100.000009", "100.000001", "bob", "it's down for every client, 502s"),
                v(0, 1, 0))
            .updatedItem()
            .orElseThrow();

    assertThat(item.verdict().priority()).isEqualTo(Priority.P3);
    assertThat(item.verdict().reasons()).noneMatch(r -> r.startsWith("reply by @bob"));
  }

  @Test
  void should_let_priority_corrections_move_a_new_message_and_say_so() {
    Prioritiser prioritiser = Prioritiser.defaults();
    List<PriorityModel.Example> corrections = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      corrections.add(
          new PriorityModel.Example(
              PriorityFeatures.of("question", Priority.P4, "how do I export " + i, v(1, 0, 0)),
              Priority.P3));
    }
    prioritiser.learned().learn(corrections);
    Triager learning =
        new Triager(Taxonomy.defaults(), KEYWORDS, prioritiser, DuplicatePolicy.DEFAULTS, history);

    Verdict v =
        learning
            .triage(msg("C1", "100.000001", null, "ann", "how do I export?"), v(1, 0, 0))
            .message()
            .verdict();

    assertThat(v.priority()).isEqualTo(Priority.P3);
    assertThat(v.reasons()).anyMatch(r -> r.startsWith("learned from 20 priority corrections"));
  }

  @Test
  void should_keep_what_a_reply_contributed_when_the_parent_is_edited() {
    run(msg("C1", "100.000001", "100.000001", "ann", "anyone else seeing slow pages?"), v(1, 0, 0));
    TriagedMessage raised =
        run(
                msg("C1", "100.000009", "100.000001", "bob", "it's down for every client, 502s"),
                v(0, 1, 0))
            .updatedItem()
            .orElseThrow();

    TriagedMessage edited =
        run(
                msg(
                        "C1",
                        "100.000001",
                        "100.000001",
                        "ann",
                        "anyone else seeing slow pages on the portal?")
                    .asEdited(),
                v(1, 0, 0))
            .message();

    assertThat(edited.verdict().priority())
        .as(edited.verdict().reasons() + " vs " + raised.verdict().reasons())
        .isEqualTo(raised.verdict().priority());
    assertThat(edited.verdict().reasons()).anyMatch(r -> r.startsWith("reply by @bob"));
    assertThat(edited.replyIds()).hasSize(1);
  }

  @Test
  void should_keep_what_another_reporter_contributed_when_the_item_is_edited() {
    run(msg("C1", "100.000001", null, "ann", "portal is slow"), v(1, 0, 0));
    history.store(
        new Triager.Outcome(
            TriagedMessage.partOf(
                msg("C2", "160.000001", null, "bob", "the portal is down, 502 for everyone"),
                new dev.sift.triage.verdict.Verdict(
                    "incident",
                    Priority.P1,
                    0.9,
                    0.8,
                    List.of("incident"),
                    dev.sift.triage.verdict.Verdict.EMBEDDED),
                v(1, 0, 0),
                Role.REPORT,
                new dev.sift.triage.message.MessageKey("T1", "C1", "100.000001")),
            java.util.Optional.of(
                history
                    .find(new dev.sift.triage.message.MessageKey("T1", "C1", "100.000001"))
                    .orElseThrow()
                    .withReport(msg("C2", "160.000001", null, "bob", "the portal is down")))));

    TriagedMessage edited =
        run(msg("C1", "100.000001", null, "ann", "portal is slow again").asEdited(), v(1, 0, 0))
            .message();

    assertThat(edited.verdict().priority()).isEqualTo(Priority.P1);
    assertThat(edited.verdict().reasons()).anyMatch(r -> r.contains("a report by @bob is P1"));
    assertThat(edited.reporters()).containsExactly("ann", "bob");
  }

  private Triager.Outcome run(Message m, float[] vector) {
    Triager.Outcome o = triager.triage(m, vector);
    history.store(o);
    return o;
  }

  private static float[] v(float... xs) {
    return dev.sift.triage.embed.Vectors.normalize(xs);
  }

  static Message msg(String channel, String ts, String threadTs, String user, String text) {
    return new Message(
        "T1",
        channel,
        channel.toLowerCase(),
        ts,
        threadTs,
        "U-" + user,
        user,
        text,
        null,
        false,
        false,
        List.of(),
        List.of());
  }
}

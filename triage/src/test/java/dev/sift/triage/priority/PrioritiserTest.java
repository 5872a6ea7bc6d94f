package dev.sift.triage.priority;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.triage.message.Message;
import dev.sift.triage.taxonomy.Taxonomy;
import dev.sift.triage.verdict.Priority;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrioritiserTest {
  private final Taxonomy taxonomy = Taxonomy.defaults();
  private final Prioritiser prioritiser = Prioritiser.defaults();

  @Test
  void should_make_an_incident_with_outage_words_p1_and_say_why() {
    var a =
        prioritiser.assess(
            taxonomy.get("incident"), msg("support", "portal is down, 502 on login"), 1);

    assertThat(a.priority()).isEqualTo(Priority.P1);
    assertThat(a.reasons()).anyMatch(r -> r.startsWith("outage words"));
  }

  @Test
  void should_keep_an_announcement_with_at_channel_quiet() {
    var a =
        prioritiser.assess(
            taxonomy.get("announcement"), msg("general", "@channel office closed Friday"), 1);

    assertThat(a.priority()).isEqualTo(Priority.P4);
  }

  @Test
  void should_raise_a_client_request_with_a_deadline_one_level_only() {
    var a =
        prioritiser.assess(
            taxonomy.get("request"), msg("client-acme", "can you send the SOW by EOD?"), 1);

    assertThat(a.priority()).isEqualTo(Priority.P2);
    assertThat(a.reasons()).contains("deadline 'EOD'", "client channel #client-acme");
  }

  @Test
  void should_raise_security_words_two_levels_and_many_reporters_one_more() {
    var leak =
        prioritiser.assess(taxonomy.get("bug"), msg("eng", "we leaked an API key in the repo"), 1);
    var many = prioritiser.assess(taxonomy.get("bug"), msg("eng", "export totals are wrong"), 3);

    assertThat(leak.priority()).isEqualTo(Priority.P1);
    assertThat(many.priority()).isEqualTo(Priority.P2);
    assertThat(many.reasons()).contains("3 people reported it");
  }

  @Test
  void should_not_page_anyone_for_a_deadline_alone() {
    var a =
        prioritiser.assess(
            taxonomy.get("incident"), msg("client-acme", "tenant admin list please, today"), 1);

    assertThat(a.priority()).isEqualTo(Priority.P2);
    assertThat(a.reasons()).contains("deadline 'today'");
  }

  @Test
  void should_keep_one_persons_outage_in_a_help_channel_at_p2_and_name_the_rule() {
    var a =
        prioritiser.assess(
            taxonomy.get("incident"), msg("clojure-help", "the repl server is down again"), 1);

    assertThat(a.priority()).isEqualTo(Priority.P2);
    assertThat(a.reasons())
        .contains(
            "outage words 'is down'", "help channel #clojure-help: one person's trouble, so P2");
  }

  @Test
  void should_keep_a_lone_incident_guess_without_outage_words_in_a_help_channel_at_p3() {
    var a =
        prioritiser.assess(
            taxonomy.get("incident"), msg("ask-linux", "my sound stopped working, any idea?"), 1);

    assertThat(a.priority()).isEqualTo(Priority.P3);
  }

  @Test
  void should_let_several_reporters_in_a_help_channel_make_it_p1() {
    var a =
        prioritiser.assess(
            taxonomy.get("incident"), msg("help", "the package mirror is down for everyone"), 2);

    assertThat(a.priority()).isEqualTo(Priority.P1);
  }

  @Test
  void should_read_help_channels_from_the_policy_by_name_or_pattern() {
    var policy = new PriorityPolicy(List.of(), java.util.Set.of(), 3, List.of("ubuntu", "*-help"));

    assertThat(policy.isHelpChannel("ubuntu")).isTrue();
    assertThat(policy.isHelpChannel("rust-help")).isTrue();
    assertThat(policy.isHelpChannel("ops")).isFalse();
    assertThat(PriorityPolicy.DEFAULTS.isHelpChannel("support")).isFalse();
  }

  static Message msg(String channel, String text) {
    return new Message(
        "T1",
        "C-" + channel,
        channel,
        "1772632654.000100",
        null,
        "U1",
        "maria",
        text,
        null,
        false,
        false,
        List.of(),
        List.of());
  }
}

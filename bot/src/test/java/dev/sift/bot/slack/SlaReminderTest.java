package dev.sift.bot.slack;

import static dev.sift.bot.slack.SlaFixture.AUTHOR;
import static dev.sift.bot.slack.SlaFixture.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.triage.message.MessageKey;
import dev.sift.triage.verdict.Priority;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SLA reminders and escalation as Slack sees them: who is mentioned, where, when, how often; time
 * from a test clock, Slack faked at the network.
 */
class SlaReminderTest {
  private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

  @TempDir Path data;
  private SlaFixture sla;

  private SlaFixture start(String yaml) throws Exception {
    sla = new SlaFixture(data, yaml, T0);
    return sla;
  }

  @AfterEach
  void stop() throws Exception {
    if (sla != null) {
      sla.close();
    }
  }

  @Test
  void should_remind_the_owner_at_half_the_sla_then_escalate_to_the_backup_and_mark_the_card()
      throws Exception {
    start("sla:\n  escalate_to: \"@U0BACKUP\"\n");
    MessageKey key = sla.card(Priority.P1, OWNER);
    sla.tickAt(T0); // the card is seen: its timers start

    sla.tickAt(T0.plus(Duration.ofMinutes(7)));
    assertThat(sla.replies(key)).isEmpty();

    sla.tickAt(T0.plus(Duration.ofSeconds(450)));
    assertThat(sla.replies(key))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.param("text"))
                  .contains("<@U0OWNER>", "not been acknowledged", "15m")
                  .doesNotContain("U0BACKUP");
              assertThat(r.param("channel")).isEqualTo(SlaFixture.CARDS);
            });
    assertThat(sla.slack.calls("chat.update")).isEmpty();

    sla.tickAt(T0.plus(Duration.ofMinutes(15)));
    assertThat(sla.replies(key)).hasSize(2);
    assertThat(sla.replies(key).get(1).param("text"))
        .contains("SLA breached", "<@U0OWNER>", "<@U0BACKUP>");
    assertThat(sla.slack.calls("chat.update"))
        .singleElement()
        .satisfies(u -> assertThat(u.blocks()).contains("SLA breached"));
    assertThat(sla.stored(key).task().slaBreachedAt()).isEqualTo(T0.plus(Duration.ofMinutes(15)));
  }

  @Test
  void should_repeat_the_escalation_every_interval_until_the_cap() throws Exception {
    start("sla:\n  repeat_every: 30m\n  max_repeats: 2\n");
    MessageKey key = sla.card(Priority.P1, OWNER);
    sla.tickAt(T0);

    for (int minutes : new int[] {15, 44, 45, 74, 75, 105, 600}) {
      sla.tickAt(T0.plus(Duration.ofMinutes(minutes)));
    }

    assertThat(sla.replies(key))
        .extracting(r -> r.param("text"))
        .satisfiesExactly(
            breach -> assertThat(breach).contains("SLA breached"),
            first -> assertThat(first).contains("Still not acknowledged", "30m past", "1 of 2"),
            second -> assertThat(second).contains("1h past", "2 of 2"));
  }

  @Test
  void should_mention_each_member_of_a_backup_group_except_the_author() throws Exception {
    start("sla:\n  escalate_to: \"subteam:S0ONCALL\"\n");
    sla.slack.scriptNext(
        "usergroups.users.list",
        new MockResponse.Builder()
            .code(200)
            .setHeader("Content-Type", "application/json")
            .body("{\"ok\":true,\"users\":[\"U0ALICE\",\"" + AUTHOR + "\",\"U0BOB\"]}")
            .build());
    MessageKey key = sla.card(Priority.P1, OWNER);
    sla.tickAt(T0);

    sla.tickAt(T0.plus(Duration.ofMinutes(15)));

    assertThat(sla.slack.calls("usergroups.users.list"))
        .singleElement()
        .satisfies(c -> assertThat(c.param("usergroup")).isEqualTo("S0ONCALL"));
    assertThat(sla.replies(key))
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.param("text"))
                    .contains("<@U0OWNER>", "<@U0ALICE>", "<@U0BOB>")
                    .doesNotContain(AUTHOR));
  }

  @Test
  void should_post_the_escalation_in_a_backup_channel_with_a_link_to_the_card() throws Exception {
    start("sla:\n  escalate_to: \"#oncall\"\n");
    MessageKey key = sla.card(Priority.P1, OWNER);
    sla.tickAt(T0);

    sla.tickAt(T0.plus(Duration.ofSeconds(450)));
    assertThat(sla.slack.calls("chat.postMessage"))
        .as("the half-way reminder stays in the thread")
        .allSatisfy(c -> assertThat(c.param("channel")).isEqualTo(SlaFixture.CARDS));
    sla.tickAt(T0.plus(Duration.ofMinutes(15)));

    String cardTs = sla.stored(key).task().cardTs();
    assertThat(sla.slack.calls("chat.postMessage"))
        .filteredOn(c -> "oncall".equals(c.param("channel")))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.param("thread_ts")).isNull();
              assertThat(c.param("text"))
                  .contains(
                      "SLA breached",
                      "P1 incident",
                      "#client-acme",
                      "Owner: <@U0OWNER>",
                      "archives/" + SlaFixture.CARDS + "/p" + cardTs.replace(".", ""))
                  .as("user text cannot mention a channel")
                  .doesNotContain("<!channel>");
            });
  }

  @Test
  void should_ping_the_author_only_when_they_own_the_task() throws Exception {
    start("sla:\n  escalate_to: \"@" + AUTHOR + "\"\n");
    MessageKey notOwner = sla.card(Priority.P1, OWNER);
    MessageKey owner = sla.card(Priority.P1, AUTHOR);
    sla.tickAt(T0);

    sla.tickAt(T0.plus(Duration.ofMinutes(15)));

    assertThat(sla.replies(notOwner))
        .singleElement()
        .satisfies(r -> assertThat(r.param("text")).contains("<@U0OWNER>").doesNotContain(AUTHOR));
    assertThat(sla.replies(owner))
        .singleElement()
        .satisfies(r -> assertThat(r.param("text")).contains("<@" + AUTHOR + ">"));
  }

  @Test
  void should_tell_the_routing_channel_when_nobody_owns_the_card() throws Exception {
    start("");
    MessageKey unowned = sla.card(Priority.P1, null);
    MessageKey owned = sla.card(Priority.P1, OWNER);
    sla.tickAt(T0);

    sla.tickAt(T0.plus(Duration.ofSeconds(450)));

    assertThat(sla.replies(unowned))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.param("reply_broadcast")).isEqualTo("1");
              assertThat(r.param("text")).contains("Nobody has acknowledged").doesNotContain("<@");
            });
    assertThat(sla.replies(owned))
        .singleElement()
        .satisfies(r -> assertThat(r.param("reply_broadcast")).isNotEqualTo("1"));
  }

  @Test
  void should_hold_a_team_s_cards_to_the_team_s_own_sla() throws Exception {
    start(
        """
        sla:
          escalate_to: "@U0BACKUP"
          teams:
            ops:
              channels: ["#ops-triage"]
              P1: {acknowledge: 6m}
              escalate_to: "@U0OPSLEAD"
        """);
    MessageKey key = sla.card(Priority.P1, OWNER);
    sla.tickAt(T0);

    sla.tickAt(T0.plus(Duration.ofMinutes(6)));

    assertThat(sla.replies(key))
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.param("text"))
                    .contains("SLA breached", "6m", "<@U0OPSLEAD>")
                    .doesNotContain("U0BACKUP"));
  }
}

package dev.sift.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.bot.audit.AuditEntry;
import dev.sift.index.MessageIndex;
import dev.sift.triage.item.Task;
import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.message.Message;
import dev.sift.triage.verdict.Priority;
import dev.sift.triage.verdict.Verdict;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sift purge} as an admin runs it: what it prints, and that a dry run changes nothing. */
class PurgeCommandTest {
  @TempDir Path data;

  @BeforeEach
  void given_two_messages_by_ana_and_one_by_isa() {
    try (MessageIndex index = MessageIndex.open(data.resolve("index"))) {
      index.upsert(item("1772700100.000100", "U0ANA", "payroll export is stuck", "C0ROUTE"));
      index.upsert(item("1772700200.000100", "U0ANA", "and the VPN drops", null));
      index.upsert(item("1772700300.000100", "U0ISA", "printer jammed", null));
    }
  }

  private static TriagedMessage item(String ts, String user, String text, String cardChannel) {
    Message m =
        new Message(
            "T0ACME",
            "C0SUPPORT",
            "support",
            ts,
            null,
            user,
            user,
            text,
            null,
            false,
            false,
            List.of(),
            List.of());
    TriagedMessage t =
        TriagedMessage.newItem(
            m,
            new Verdict("incident", Priority.P2, 0.9, 0.5, List.of("incident"), Verdict.LLM, "s"),
            null);
    return cardChannel == null ? t : t.withTask(new Task(null, cardChannel, "1772700101.000100"));
  }

  private int stored() {
    try (MessageIndex index = MessageIndex.open(data.resolve("index"))) {
      return index.size();
    }
  }

  @Test
  void should_print_what_a_dry_run_would_remove_and_change_nothing() {
    Cli dry = Cli.run("purge", "--user", "U0ANA", "--dry-run", "--data", data.toString());

    assertThat(dry.exitCode()).as(dry.err()).isZero();
    assertThat(dry.out())
        .contains("Would purge user U0ANA (dry run: nothing was changed)")
        .containsPattern("messages removed: +2")
        .containsPattern("LLM summaries dropped: +2")
        .containsPattern("card references: +1")
        .contains("C0ROUTE/1772700101.000100");
    assertThat(stored()).isEqualTo(3);
    assertThat(AuditEntry.read(data.resolve("audit.jsonl"), e -> true)).isEmpty();

    Cli real = Cli.run("purge", "--user", "U0ANA", "--data", data.toString());

    assertThat(real.exitCode()).as(real.err()).isZero();
    assertThat(real.out()).contains("Purged user U0ANA").containsPattern("messages removed: +2");
    assertThat(stored()).isEqualTo(1);
    assertThat(AuditEntry.read(data.resolve("audit.jsonl"), e -> true))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.action()).isEqualTo("purge");
              assertThat(e.target()).isEqualTo("user U0ANA");
              assertThat(e.actor()).startsWith("cli:");
            });
  }

  @Test
  void should_say_stop_sift_run_first_while_the_index_is_in_use() {
    try (MessageIndex running = MessageIndex.open(data.resolve("index"))) {
      Cli purge = Cli.run("purge", "--channel", "C0SUPPORT", "--data", data.toString());

      assertThat(purge.exitCode()).isEqualTo(2);
      assertThat(purge.err()).contains("stop `sift run` first");
      assertThat(running.size()).isEqualTo(3);
    }
  }

  @Test
  void should_need_exactly_one_of_team_channel_or_user() {
    assertThat(Cli.run("purge", "--data", data.toString()).exitCode()).isEqualTo(2);
    assertThat(
            Cli.run("purge", "--user", "U1", "--team", "T1", "--data", data.toString()).exitCode())
        .isEqualTo(2);
  }
}

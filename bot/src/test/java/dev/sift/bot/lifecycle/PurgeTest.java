package dev.sift.bot.lifecycle;

import static dev.sift.bot.lifecycle.Stored.TEAM;
import static dev.sift.bot.lifecycle.Stored.item;
import static dev.sift.bot.lifecycle.Stored.itemWithReports;
import static dev.sift.bot.lifecycle.Stored.said;
import static dev.sift.bot.lifecycle.Stored.withCard;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sift.bot.feedback.Correction;
import dev.sift.bot.feedback.CorrectionLog;
import dev.sift.bot.intake.Journal;
import dev.sift.index.MessageIndex;
import dev.sift.index.Selection;
import dev.sift.triage.audit.Audit;
import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.message.MessageKey;
import dev.sift.triage.verdict.Priority;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data-subject purge on a data directory, as {@code sift purge} runs it. */
class PurgeTest {
  @TempDir Path data;
  private final List<String> audited = new ArrayList<>();
  private final Audit audit =
      (actor, action, target, d) -> audited.add(action + " " + target + " " + d);

  private MessageKey outage;
  private MessageKey anasOwn;
  private MessageKey anasReport;

  @BeforeEach
  void given_a_data_dir_where_ana_reported_an_outage_and_opened_an_item_of_her_own() {
    try (MessageIndex index = MessageIndex.open(data.resolve("index"))) {
      TriagedMessage isa =
          withCard(
              item(
                  said("C0SUPPORT", "1772700100.000100", "U0ISA", "portal 502 on login"),
                  "Portal login fails",
                  "incident",
                  "3 people reported it",
                  "a report by @ana is P1"),
              "C0ROUTE",
              "1772700105.000100");
      itemWithReports(
          index,
          isa,
          said("C0SUPPORT", "1772700200.000100", "U0ANA", "same here, my payroll export is stuck"),
          said("C0SUPPORT", "1772700300.000100", "U0BOB", "portal down for me too"));
      TriagedMessage own =
          withCard(
              item(
                  said("C0ENG", "1772700400.000100", "U0ANA", "my laptop leaks memory"),
                  "Ana's laptop leaks memory",
                  "incident"),
              "C0ROUTE",
              "1772700405.000100");
      index.upsert(own);
      outage = isa.key();
      anasOwn = own.key();
      anasReport = new MessageKey(TEAM, "C0SUPPORT", "1772700200.000100");
    }
    CorrectionLog log = new CorrectionLog(data.resolve("corrections.jsonl"));
    log.add(
        new Correction(
            anasOwn.id(),
            "my laptop leaks memory",
            "incident",
            Priority.P2,
            "",
            "U0ISA",
            Instant.EPOCH));
    log.add(
        new Correction(
            outage.id(),
            "portal 502 on login",
            "incident",
            Priority.P1,
            "Ana: outage",
            "U0ANA",
            Instant.EPOCH));
  }

  @Test
  void should_remove_a_persons_messages_and_traces_and_keep_everyone_elses() throws Exception {
    Purge.Report r = Purge.run(data, new Purge.Target("user", "U0ANA"), false, audit, "cli:admin");

    assertThat(r.erased().messages()).isEqualTo(2);
    assertThat(r.erased().itemsUpdated()).isEqualTo(1);
    assertThat(r.erased().reportersRemoved()).isEqualTo(1);
    assertThat(r.erased().summaries()).isEqualTo(1);
    assertThat(r.erased().cards()).containsExactly("C0ROUTE/1772700405.000100");
    assertThat(r.corrections().removed()).isEqualTo(1);
    assertThat(r.corrections().changed()).isEqualTo(1);
    try (MessageIndex index = MessageIndex.open(data.resolve("index"))) {
      assertThat(index.find(anasOwn)).isEmpty();
      assertThat(index.find(anasReport)).isEmpty();
      TriagedMessage kept = index.find(outage).orElseThrow();
      assertThat(kept.reporters()).containsExactly("isa", "bob");
      assertThat(kept.verdict().reasons()).noneMatch(reason -> reason.contains("ana"));
      assertThat(kept.verdict().summary()).isEqualTo("Portal login fails");
      assertThat(index.size()).isEqualTo(2);
    }
    String corrections = Files.readString(data.resolve("corrections.jsonl"));
    assertThat(corrections).doesNotContain("laptop").doesNotContain("U0ANA").doesNotContain("Ana:");
    assertThat(corrections).contains("portal 502 on login");
    assertThat(audited)
        .singleElement()
        .asString()
        .startsWith("purge user U0ANA")
        .contains("messages=2");
  }

  @Test
  void should_change_nothing_on_a_dry_run_yet_count_the_same() throws Exception {
    String before = Files.readString(data.resolve("corrections.jsonl"));

    Purge.Report r = Purge.run(data, new Purge.Target("user", "U0ANA"), true, audit, "cli:admin");

    assertThat(r.erased().messages()).isEqualTo(2);
    assertThat(r.corrections().removed()).isEqualTo(1);
    try (MessageIndex index = MessageIndex.open(data.resolve("index"))) {
      assertThat(index.size()).isEqualTo(4);
      assertThat(index.find(outage).orElseThrow().reporters()).contains("ana");
    }
    assertThat(Files.readString(data.resolve("corrections.jsonl"))).isEqualTo(before);
    assertThat(audited).isEmpty();
  }

  @Test
  void should_purge_a_channel_by_name_and_leave_the_other_channel() {
    Purge.Report r =
        Purge.run(data, new Purge.Target("channel", "#support"), false, audit, "cli:admin");

    assertThat(r.target().id()).isEqualTo("C0SUPPORT");
    assertThat(r.erased().messages()).isEqualTo(3);
    assertThat(r.erased().itemsUpdated()).as("the item went too").isZero();
    try (MessageIndex index = MessageIndex.open(data.resolve("index"))) {
      assertThat(index.keys(Selection.channel("C0SUPPORT"))).isEmpty();
      assertThat(index.find(anasOwn)).isPresent();
    }
  }

  @Test
  void should_clear_a_journal_whose_events_are_all_done() throws Exception {
    try (Journal journal = Journal.open(data.resolve("journal"))) {
      long seq = journal.append("{\"event\":{\"user\":\"U0ANA\",\"text\":\"my laptop\"}}").get();
      journal.processed(seq);
      journal.committed(journal.lowWater());
    }

    Purge.Report r = Purge.run(data, new Purge.Target("user", "U0ANA"), false, audit, "cli:admin");

    assertThat(r.journalSegments()).isEqualTo(1);
    try (var files = Files.list(data.resolve("journal"))) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".log"));
    }
    try (Journal journal = Journal.open(data.resolve("journal"))) {
      assertThat(journal.unfinished()).as("nothing to replay").isEmpty();
    }
  }

  @Test
  void should_refuse_while_the_journal_holds_events_not_yet_triaged() throws Exception {
    try (Journal journal = Journal.open(data.resolve("journal"))) {
      journal.append("{\"event\":{\"user\":\"U0ANA\",\"text\":\"my laptop\"}}").get();
    }

    assertThatThrownBy(
            () -> Purge.run(data, new Purge.Target("user", "U0ANA"), false, audit, "cli:admin"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 events")
        .hasMessageContaining("start `sift run` until it has caught up");
    try (MessageIndex index = MessageIndex.open(data.resolve("index"))) {
      assertThat(index.find(anasOwn)).as("nothing changed").isPresent();
    }
  }

  @Test
  void should_refuse_while_sift_runs_on_the_data_dir() {
    try (MessageIndex running = MessageIndex.open(data.resolve("index"))) {
      assertThatThrownBy(
              () -> Purge.run(data, new Purge.Target("user", "U0ANA"), false, audit, "cli:admin"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("stop `sift run` first");
      assertThat(running.find(anasOwn)).isPresent();
    }
  }
}

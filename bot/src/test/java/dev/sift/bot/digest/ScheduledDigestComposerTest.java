package dev.sift.bot.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.index.MessageIndex;
import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.verdict.Priority;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ScheduledDigestComposerTest {
  private static final Instant SLOT = Instant.parse("2026-12-02T09:00:00Z");
  private static final Instant FROM = SLOT.minus(Duration.ofDays(1));
  private final MessageIndex index = MessageIndex.inMemory();
  private final Items items = new Items(index);
  private final DigestSchedule daily =
      new DigestSchedule(
          "daily",
          "0 9 * * *",
          ZoneId.of("Europe/Berlin"),
          List.of(),
          Destination.parse("#leads"),
          null,
          true,
          true);

  @AfterEach
  void close() {
    index.close();
  }

  private DigestComposition compose(String... channels) {
    List<ScheduledDigestComposer.Source> sources =
        java.util.Arrays.stream(channels)
            .map(c -> new ScheduledDigestComposer.Source("C" + c.toUpperCase(), c))
            .toList();
    return new ScheduledDigestComposer(index.items(), null)
        .compose(daily, sources, FROM, SLOT, null);
  }

  @Test
  void should_gather_open_resolved_breached_and_busy_items_across_channels() {
    TriagedMessage old =
        items.add("CSUPPORT", "support", FROM.minus(Duration.ofDays(3)), Priority.P1, "db down");
    items.own(old, "U0OWNER");
    items.add("CSUPPORT", "support", FROM.plusSeconds(60), Priority.P2, "login slow");
    items.resolve(
        items.add("CBILLING", "billing", FROM.plusSeconds(120), Priority.P3, "invoice typo"),
        FROM.plusSeconds(900));
    items.resolve(
        items.add("CBILLING", "billing", FROM.minus(Duration.ofDays(5)), Priority.P2, "old refund"),
        FROM.plusSeconds(1200));
    items.resolve(
        items.add("CBILLING", "billing", FROM.plusSeconds(130), Priority.P3, "closed too late"),
        SLOT.plusSeconds(30));
    items.breach(
        items.add("CBILLING", "billing", FROM.plusSeconds(180), Priority.P2, "refund stuck"),
        SLOT.minusSeconds(600));
    items.replies(
        items.add("CSUPPORT", "support", FROM.plusSeconds(240), Priority.P4, "chatty"), 3);
    items.add("CSUPPORT", "support", SLOT.plusSeconds(60), Priority.P1, "after the slot");
    items.add("COTHER", "other", FROM.plusSeconds(60), Priority.P1, "not a source");

    DigestComposition d = compose("support", "billing");

    assertThat(d.openUrgent())
        .extracting(t -> t.message().text())
        .containsExactly("db down", "login slow", "refund stuck");
    assertThat(d.openUrgent().get(0).task().assigneeId()).isEqualTo("U0OWNER");
    assertThat(d.resolved())
        .as("resolved in the window, however old")
        .extracting(t -> t.message().text())
        .containsExactly("old refund", "invoice typo");
    assertThat(d.breached()).extracting(t -> t.message().text()).containsExactly("refund stuck");
    assertThat(d.busiestThreads()).extracting(t -> t.message().text()).containsExactly("chatty");
    assertThat(d.highlights())
        .extracting(DigestComposition.Highlight::channelName)
        .containsExactly("support", "billing");
    assertThat(d.itemsByPriority().get(Priority.P2)).isEqualTo(2L);
    assertThat(d.itemsByPriority().get(Priority.P1))
        .as("the P1 opened after the slot waits for the next post")
        .isZero();
    assertThat(d.isEmpty()).isFalse();
  }

  @Test
  void should_list_breaches_in_the_window_and_open_ones_from_before() {
    Instant before = FROM.minus(Duration.ofDays(2));
    items.breach(
        items.add("CSUPPORT", "support", before, Priority.P2, "open, breached long ago"),
        before.plusSeconds(60));
    items.resolve(
        items.breach(
            items.add(
                "CSUPPORT",
                "support",
                before.plusSeconds(1),
                Priority.P2,
                "resolved, breached long ago"),
            before.plusSeconds(60)),
        before.plusSeconds(120));
    items.resolve(
        items.breach(
            items.add(
                "CSUPPORT",
                "support",
                before.plusSeconds(2),
                Priority.P2,
                "resolved, breached today"),
            FROM.plusSeconds(60)),
        FROM.plusSeconds(120));

    DigestComposition d = compose("support");

    assertThat(d.breached())
        .extracting(t -> t.message().text())
        .containsExactly("open, breached long ago", "resolved, breached today");
    assertThat(d.isEmpty()).as("a breach in the window is news").isFalse();
  }

  @Test
  void should_be_empty_when_nothing_happened_in_the_window() {
    items.add("CSUPPORT", "support", FROM.minus(Duration.ofDays(3)), Priority.P1, "old and open");

    DigestComposition d = compose("support");

    assertThat(d.isEmpty()).isTrue();
    assertThat(d.openUrgent()).hasSize(1); // still shown when the digest is posted anyway
  }

  @Test
  void should_render_the_same_content_as_plain_text_with_ages_owners_and_links() {
    TriagedMessage t =
        items.add(
            "CSUPPORT", "support", SLOT.minus(Duration.ofHours(5)), Priority.P1, "db <down> & out");
    items.own(t, "U0OWNER");

    List<Part> parts =
        DigestLayout.parts(
            compose("support"),
            SLOT,
            PostFormat.plain(id -> "https://acme.slack.com/archives/" + id.split("/")[1]));
    String text = DigestLayout.plain(parts);

    assertThat(text)
        .contains("daily · Tue 1 Dec 10:00 – Wed 2 Dec 10:00")
        .contains("Times in Europe/Berlin")
        .contains("P1 incident: db <down> & out https://acme.slack.com/archives/CSUPPORT")
        .contains("#support · 5h old · owner U0OWNER · open")
        .contains("/triage queue");
    String mrkdwn =
        DigestLayout.plain(
            DigestLayout.parts(
                compose("support"), SLOT, PostFormat.mrkdwn(id -> null, id -> "Olu")));
    assertThat(mrkdwn).contains("db &lt;down&gt; &amp; out").contains("owner Olu");
  }
}

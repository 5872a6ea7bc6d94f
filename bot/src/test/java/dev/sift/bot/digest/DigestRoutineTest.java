package dev.sift.bot.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sift.bot.schedule.Scheduler;
import dev.sift.bot.slack.FakeSlack;
import dev.sift.triage.verdict.Priority;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DigestRoutineTest {
  private static final Instant DAY1 = Instant.parse("2026-12-01T09:00:00Z");

  private static DigestSchedule daily(String destination, List<String> channels, boolean skip) {
    return new DigestSchedule(
        "daily",
        "0 9 * * *",
        ZoneId.of("UTC"),
        channels,
        Destination.parse(destination),
        null,
        skip,
        true);
  }

  private static String header(FakeSlack.Call post) {
    return post.json("blocks").get(0).path("text").path("text").asText();
  }

  @Test
  void should_post_each_slot_once_with_its_metadata(@TempDir Path dir) throws Exception {
    try (DigestRig rig = new DigestRig(dir, List.of(daily("#leads", List.of("support"), true)))) {
      rig.items.add(DigestRig.SUPPORT, "support", DAY1.minusSeconds(3600), Priority.P1, "db down");

      rig.run(DAY1.plusSeconds(10));
      rig.run(DAY1.plusSeconds(40));

      assertThat(rig.posts()).hasSize(1);
      FakeSlack.Call post = rig.posts().get(0);
      assertThat(post.param("channel")).isEqualTo(DigestRig.LEADS);
      assertThat(header(post)).startsWith("daily · Mon 30 Nov 09:00 – Tue 1 Dec 09:00");
      assertThat(post.blocks()).contains("db down").contains("/triage queue");
      JsonNode metadata = post.json("metadata");
      assertThat(metadata.path("event_type").asText()).isEqualTo("sift_digest");
      assertThat(metadata.path("event_payload").path("schedule").asText()).isEqualTo("daily");
      assertThat(metadata.path("event_payload").path("slot").asText())
          .isEqualTo("2026-12-01T09:00:00Z");
      assertThat(rig.claims.get("digest/daily/2026-12-01T09:00:00Z").orElseThrow().detail())
          .startsWith(DigestRig.LEADS + "/");
    }
  }

  @Test
  void should_post_a_missed_slot_once_marked_late(@TempDir Path dir) throws Exception {
    try (DigestRig rig = new DigestRig(dir, List.of(daily("#leads", List.of(), false)))) {
      rig.run(DAY1.plusSeconds(5));
      assertThat(rig.posts()).hasSize(1);

      // Sift is down from day 1 until day 4, 10:30: the slots of days 2, 3 and 4 fell due.
      Instant back = DAY1.plus(Duration.ofDays(3)).plus(Duration.ofMinutes(90));
      rig.restart(back).run(back);
      rig.run(back.plusSeconds(30));
      rig.restart(back.plusSeconds(60)).run(back.plusSeconds(60));

      assertThat(rig.posts()).hasSize(2);
      assertThat(header(rig.posts().get(1)))
          .isEqualTo("daily · Thu 3 Dec 09:00 – Fri 4 Dec 09:00 (late: Sift was down at 09:00)");
    }
  }

  @Test
  void should_continue_a_long_digest_in_the_posts_thread(@TempDir Path dir) throws Exception {
    try (DigestRig rig = new DigestRig(dir, List.of(daily("#leads", List.of("support"), true)))) {
      for (int i = 0; i < 40; i++) {
        rig.items.add(
            DigestRig.SUPPORT,
            "support",
            DAY1.minusSeconds(3600 + i),
            Priority.P1,
            "outage number " + i + " " + "details ".repeat(15));
      }
      for (int i = 0; i < 30; i++) {
        rig.items.resolve(
            rig.items.add(
                DigestRig.SUPPORT,
                "support",
                DAY1.minusSeconds(7200 + i),
                Priority.P3,
                "fixed number " + i + " " + "details ".repeat(15)),
            DAY1.minusSeconds(60));
      }

      rig.run(DAY1.plusSeconds(5));

      List<FakeSlack.Call> posts = rig.posts();
      assertThat(posts.size()).isGreaterThan(1);
      String ts = rig.slack.history(DigestRig.LEADS).get(0).path("ts").asText();
      assertThat(rig.slack.history(DigestRig.LEADS)).hasSize(1); // the rest are thread replies
      assertThat(posts.get(0).param("thread_ts")).isNull();
      assertThat(posts.get(0).blocks()).contains("Continued in the thread");
      posts
          .subList(1, posts.size())
          .forEach(
              p -> {
                assertThat(p.param("thread_ts")).isEqualTo(ts);
                assertThat(p.param("metadata")).isNull();
              });
      for (FakeSlack.Call p : posts) {
        assertThat(p.json("blocks").size()).isLessThanOrEqualTo(50);
      }
      String all = posts.stream().map(FakeSlack.Call::blocks).reduce("", String::concat);
      for (int i = 0; i < 40; i++) {
        assertThat(all).contains("outage number " + i + " ");
      }
      for (int i = 0; i < 30; i++) {
        assertThat(all).contains("fixed number " + i + " ");
      }
    }
  }

  @Test
  void should_start_a_new_schedule_with_its_next_slot_not_a_past_one(@TempDir Path dir)
      throws Exception {
    try (DigestRig rig = new DigestRig(dir, List.of(daily("#leads", List.of(), false)))) {
      rig.run(DAY1.plus(Duration.ofHours(3)));
      assertThat(rig.posts()).isEmpty();

      rig.run(DAY1.plus(Duration.ofDays(1)));
      assertThat(rig.posts()).hasSize(1);
      assertThat(header(rig.posts().get(0))).doesNotContain("late");
    }
  }

  @Test
  void should_post_a_slot_interrupted_before_its_post_once_after_a_restart(@TempDir Path dir)
      throws Exception {
    try (DigestRig rig = new DigestRig(dir, List.of(daily("#leads", List.of(), false)))) {
      rig.slack.scriptNext(
          "chat.postMessage", new MockResponse.Builder().code(500).body("oops").build());
      rig.run(DAY1.plusSeconds(5));
      assertThat(rig.slack.history(DigestRig.LEADS)).isEmpty();
      assertThat(rig.claims.unfinished("digest/daily/")).hasSize(1);

      rig.restart(DAY1.plusSeconds(65)).run(DAY1.plusSeconds(65));
      rig.run(DAY1.plusSeconds(95));

      assertThat(rig.slack.history(DigestRig.LEADS)).hasSize(1);
      assertThat(rig.claims.unfinished("digest/daily/")).isEmpty();
    }
  }

  @Test
  void should_not_post_again_when_it_crashed_after_posting_before_recording(@TempDir Path dir)
      throws Exception {
    try (DigestRig rig = new DigestRig(dir, List.of(daily("#leads", List.of(), false)))) {
      rig.run(DAY1.plusSeconds(5));
      assertThat(rig.posts()).hasSize(1);
      // The crash: the post was made but its "done" never reached the claims file.
      rig.claims.close();
      List<String> lines = Files.readAllLines(rig.claimsFile());
      Files.write(
          rig.claimsFile(), lines.stream().filter(l -> !l.contains("\"done\":true")).toList());

      rig.restart(DAY1.plusSeconds(70)).run(DAY1.plusSeconds(70));

      assertThat(rig.posts()).hasSize(1);
      FakeSlack.Call history = rig.slack.calls("conversations.history").get(0);
      assertThat(history.param("channel")).isEqualTo(DigestRig.LEADS);
      assertThat(history.param("include_all_metadata")).isIn("true", "1");
      assertThat(history.param("oldest"))
          .isEqualTo(DAY1.plusSeconds(5).minusSeconds(60).getEpochSecond() + ".000000");
      String ts = rig.slack.history(DigestRig.LEADS).get(0).path("ts").asText();
      assertThat(rig.claims.get("digest/daily/2026-12-01T09:00:00Z").orElseThrow().detail())
          .isEqualTo(DigestRig.LEADS + "/" + ts);
    }
  }

  @Test
  void should_skip_an_empty_window_only_when_asked(@TempDir Path dir) throws Exception {
    DigestSchedule quiet = daily("#leads", List.of(), true);
    DigestSchedule always =
        new DigestSchedule(
            "always",
            "0 9 * * *",
            ZoneId.of("UTC"),
            List.of(),
            Destination.parse("#leads"),
            null,
            false,
            true);
    try (DigestRig rig = new DigestRig(dir, List.of(quiet, always))) {
      rig.items.add(
          DigestRig.SUPPORT, "support", DAY1.minus(Duration.ofDays(5)), Priority.P1, "old");

      rig.run(DAY1.plusSeconds(5));

      assertThat(rig.posts()).hasSize(1);
      assertThat(header(rig.posts().get(0))).startsWith("always");
      assertThat(rig.claims.get("digest/daily/2026-12-01T09:00:00Z").orElseThrow().detail())
          .startsWith("skipped");
    }
  }

  @Test
  void should_refuse_a_schedule_that_shows_a_private_channel_to_outsiders(@TempDir Path dir)
      throws Exception {
    // #leads has Ana and Ben; only Ana is in the private #secret.
    try (DigestRig rig = new DigestRig(dir, List.of(daily("#leads", List.of("secret"), true)))) {
      assertThatThrownBy(rig.routine::verify)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("digest 'daily'")
          .hasMessageContaining("#secret");
    }
    try (DigestRig rig = new DigestRig(dir, List.of(daily("@U0ANA", List.of("secret"), true)))) {
      rig.routine.verify(); // Ana alone may see #secret
    }
  }

  @Test
  void should_leave_out_a_private_channel_matched_by_all_when_the_audience_may_not_see_it(
      @TempDir Path dir) throws Exception {
    try (DigestRig rig = new DigestRig(dir, List.of(daily("#leads", List.of("all"), true)))) {
      rig.items.add(DigestRig.SUPPORT, "support", DAY1.minusSeconds(60), Priority.P1, "public one");
      rig.items.add(DigestRig.SECRET, "secret", DAY1.minusSeconds(60), Priority.P1, "secret one");
      rig.routine.verify();

      rig.run(DAY1.plusSeconds(5));

      assertThat(rig.posts()).hasSize(1);
      assertThat(rig.posts().get(0).blocks()).contains("public one").doesNotContain("secret");
    }
  }

  @Test
  void should_dm_every_member_of_a_user_group(@TempDir Path dir) throws Exception {
    try (DigestRig rig = new DigestRig(dir, List.of(daily("subteam:S0ONCALL", List.of(), false)))) {
      rig.slack.group("S0ONCALL", "U0ANA", "U0BEN");

      rig.run(DAY1.plusSeconds(5));

      assertThat(rig.posts())
          .extracting(p -> p.param("channel"))
          .containsExactlyInAnyOrder(FakeSlack.dmWith("U0ANA"), FakeSlack.dmWith("U0BEN"));
      assertThat(rig.slack.calls("conversations.open"))
          .extracting(c -> c.param("users"))
          .containsExactlyInAnyOrder("U0ANA", "U0BEN");
      assertThat(rig.claims.get("digest/daily/2026-12-01T09:00:00Z").orElseThrow().detail())
          .contains(FakeSlack.dmWith("U0ANA"))
          .contains(FakeSlack.dmWith("U0BEN"));
    }
  }

  @ParameterizedTest(name = "{0} from {1}")
  @CsvSource({
    "America/New_York, 2026-03-07T12:00:00Z",
    "America/New_York, 2026-10-31T12:00:00Z",
    "Europe/Berlin, 2026-03-28T12:00:00Z",
    "Europe/Berlin, 2026-10-24T12:00:00Z"
  })
  void should_post_once_a_night_across_a_dst_change_ticking_on_the_scheduler(
      String zone, String start, @TempDir Path dir) throws Exception {
    // 02:30 is skipped by spring-forward and repeated by fall-back in Berlin; in New York 02:30
    // is skipped and 01:30 repeated.
    DigestSchedule twoThirty =
        new DigestSchedule(
            "at-0230",
            "30 2 * * *",
            ZoneId.of(zone),
            List.of(),
            Destination.parse("#leads"),
            null,
            false,
            true);
    DigestSchedule oneThirty =
        new DigestSchedule(
            "at-0130",
            "30 1 * * *",
            ZoneId.of(zone),
            List.of(),
            Destination.parse("#support"),
            null,
            false,
            true);
    try (DigestRig rig = new DigestRig(dir, List.of(twoThirty, oneThirty))) {
      AtomicReference<Instant> now = new AtomicReference<>(Instant.parse(start));
      Clock clock =
          new Clock() {
            @Override
            public ZoneId getZone() {
              return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId z) {
              return this;
            }

            @Override
            public Instant instant() {
              return now.get();
            }
          };
      try (Scheduler scheduler =
          new Scheduler(clock, List.of(rig.routine), Duration.ofMinutes(1))) {
        // Ticks every 10 minutes for two days: the change is on the second night.
        for (int i = 0; i < 6 * 48; i++) {
          rig.slack.timeIs(now.get());
          scheduler.tick();
          now.set(now.get().plus(Duration.ofMinutes(10)));
        }
      }

      List<String> headers = rig.posts().stream().map(DigestRoutineTest::header).toList();
      assertThat(headers)
          .filteredOn(h -> h.startsWith("at-0230"))
          .as(headers.toString())
          .hasSize(2);
      assertThat(headers)
          .filteredOn(h -> h.startsWith("at-0130"))
          .as(headers.toString())
          .hasSize(2);
      assertThat(headers).noneMatch(h -> h.contains("late"));
    }
  }
}

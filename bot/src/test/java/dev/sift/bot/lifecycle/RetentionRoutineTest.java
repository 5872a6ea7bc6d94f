package dev.sift.bot.lifecycle;

import static dev.sift.bot.lifecycle.Stored.item;
import static dev.sift.bot.lifecycle.Stored.said;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.bot.config.RetentionSettings;
import dev.sift.bot.schedule.Claims;
import dev.sift.index.MessageIndex;
import dev.sift.triage.message.Message;
import dev.sift.triage.message.MessageKey;
import dev.sift.triage.message.SlackTs;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionRoutineTest {
  private static final Instant NOW = Instant.parse("2026-12-02T03:00:00Z");

  @TempDir Path data;
  private final MessageIndex index = MessageIndex.inMemory();
  private final List<String> audited = new ArrayList<>();
  private Claims claims;

  @AfterEach
  void close() {
    index.close();
    if (claims != null) {
      claims.close();
    }
  }

  private MessageKey storedDaysAgo(String channel, int days) {
    String ts = SlackTs.of(NOW.minus(Duration.ofDays(days)).plusMillis(days));
    Message m = said(channel, ts, "U0ISA", "printer on floor " + days + " is jammed");
    index.upsert(item(m, null, "incident"));
    return m.key();
  }

  private RetentionRoutine routine(RetentionSettings settings) {
    claims = Claims.open(data.resolve("claims.jsonl"), Instant.EPOCH);
    return new RetentionRoutine(
        settings,
        index.items(),
        Eraser.offline(index),
        claims,
        (actor, action, target, d) -> audited.add(actor + " " + action + " " + target + " " + d),
        ZoneOffset.UTC);
  }

  @Test
  void should_remove_what_is_older_than_its_channels_retention_once_a_day() {
    MessageKey supportOld = storedDaysAgo("C0SUPPORT", 40);
    MessageKey supportNew = storedDaysAgo("C0SUPPORT", 20);
    MessageKey engOld = storedDaysAgo("C0ENG", 10);
    MessageKey engNew = storedDaysAgo("C0ENG", 3);
    RetentionRoutine r = routine(new RetentionSettings(30, Map.of(), Map.of("#eng", 7)));

    r.runDue(NOW);

    assertThat(index.find(supportOld)).isEmpty();
    assertThat(index.find(engOld)).isEmpty();
    assertThat(index.find(supportNew)).isPresent();
    assertThat(index.find(engNew)).isPresent();
    assertThat(audited)
        .containsExactlyInAnyOrder(
            "system retention C0ENG {messages=1, items_updated=0, reporters_removed=0,"
                + " summaries_dropped=0, cards=0}",
            "system retention C0SUPPORT {messages=1, items_updated=0, reporters_removed=0,"
                + " summaries_dropped=0, cards=0}");

    MessageKey laterTheSameDay = storedDaysAgo("C0SUPPORT", 50);
    r.runDue(NOW.plus(Duration.ofHours(5)));
    assertThat(index.find(laterTheSameDay)).as("the day's sweep is done").isPresent();
    r.runDue(NOW.plus(Duration.ofDays(1)));
    assertThat(index.find(laterTheSameDay)).as("the next day's sweep").isEmpty();
  }

  @Test
  void should_keep_forever_where_a_channel_or_workspace_says_zero() {
    MessageKey support = storedDaysAgo("C0SUPPORT", 400);
    MessageKey eng = storedDaysAgo("C0ENG", 400);

    routine(new RetentionSettings(0, Map.of(Stored.TEAM, 90), Map.of("C0ENG", 0))).runDue(NOW);

    assertThat(index.find(support)).as("the workspace keeps 90 days").isEmpty();
    assertThat(index.find(eng)).as("the channel keeps forever").isPresent();
  }

  @Test
  void should_do_nothing_without_retention() {
    MessageKey old = storedDaysAgo("C0SUPPORT", 4000);

    routine(RetentionSettings.FOREVER).runDue(NOW);

    assertThat(index.find(old)).isPresent();
    assertThat(claims.latest("retention/")).isEmpty();
  }

  @Test
  void should_choose_the_most_specific_setting() {
    RetentionSettings s =
        new RetentionSettings(30, Map.of("T2", 60), Map.of("#HR", 7, "C0LEGAL", 0));
    assertThat(s.daysFor("T1", "C0HR", "hr")).isEqualTo(7);
    assertThat(s.daysFor("T2", "C0LEGAL", "legal")).isZero();
    assertThat(s.daysFor("T2", "C0ENG", "eng")).isEqualTo(60);
    assertThat(s.daysFor("T1", "C0ENG", "eng")).isEqualTo(30);
  }
}

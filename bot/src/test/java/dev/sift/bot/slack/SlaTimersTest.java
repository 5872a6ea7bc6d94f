package dev.sift.bot.slack;

import static dev.sift.bot.slack.SlaFixture.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.triage.item.TaskTimes;
import dev.sift.triage.message.MessageKey;
import dev.sift.triage.sla.Progress;
import dev.sift.triage.verdict.Priority;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When SLA timers run and stop: acknowledge and resolve, business hours and holidays, restarts and
 * downtime. Time from a test clock, Slack faked at the network, the real index.
 */
class SlaTimersTest {
  private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

  /** A Friday. */
  private static final Instant FRIDAY_4PM = Instant.parse("2026-12-04T16:00:00Z");

  @TempDir Path data;
  private SlaFixture sla;

  private SlaFixture start(String yaml, Instant at) throws Exception {
    sla = new SlaFixture(data, yaml, at);
    return sla;
  }

  @AfterEach
  void stop() throws Exception {
    if (sla != null) {
      sla.close();
    }
  }

  @Test
  void should_stop_the_acknowledge_timer_on_acknowledge_and_run_the_resolve_timer_until_resolved()
      throws Exception {
    start("sla:\n  P1: {acknowledge: 15m, resolve: 4h}\n", T0);
    MessageKey key = sla.card(Priority.P1, OWNER);
    sla.tickAt(T0);

    sla.clock.set(T0.plus(Duration.ofMinutes(5)));
    sla.desk.acknowledge(key, OWNER);
    for (int minutes : new int[] {8, 15, 60, 119}) {
      sla.tickAt(T0.plus(Duration.ofMinutes(minutes)));
    }
    assertThat(sla.replies(key)).as("acknowledged in time: no acknowledge reminders").isEmpty();
    assertThat(sla.stored(key).task().times().acknowledgedAt())
        .isEqualTo(T0.plus(Duration.ofMinutes(5)));

    sla.tickAt(T0.plus(Duration.ofHours(2)));
    assertThat(sla.replies(key))
        .singleElement()
        .satisfies(r -> assertThat(r.param("text")).contains("not been resolved", "4h"));

    sla.clock.set(T0.plus(Duration.ofHours(3)));
    sla.desk.resolve(key, OWNER);
    sla.tickAt(T0.plus(Duration.ofHours(5)));
    assertThat(sla.replies(key)).hasSize(1);
    assertThat(sla.stored(key).task().slaBreachedAt()).isNull();
  }

  @Test
  void should_keep_an_item_resolved_when_acknowledge_is_clicked_on_a_stale_card_later()
      throws Exception {
    start("sla:\n  P1: {acknowledge: 15m, resolve: 4h}\n", T0);
    MessageKey key = sla.card(Priority.P1, OWNER);
    sla.desk.resolve(key, OWNER);
    sla.clock.set(T0.plus(Duration.ofMinutes(1)));

    sla.desk.acknowledge(key, "U0LATE"); // another replica, another person, the old card

    assertThat(sla.stored(key).status()).isEqualTo(dev.sift.triage.verdict.Status.RESOLVED);
    assertThat(sla.stored(key).task().times().acknowledgedAt()).isNull();
  }

  @Test
  void should_breach_the_resolve_sla_of_an_acknowledged_item() throws Exception {
    start("sla:\n  P2: {acknowledge: 4h, resolve: 1h}\n", T0);
    MessageKey key = sla.card(Priority.P2, OWNER);
    sla.tickAt(T0);
    sla.desk.acknowledge(key, OWNER);

    sla.tickAt(T0.plus(Duration.ofHours(1)));

    assertThat(sla.replies(key))
        .singleElement()
        .satisfies(r -> assertThat(r.param("text")).contains("SLA breached", "not resolved"));
    assertThat(sla.stored(key).task().slaBreachedAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
  }

  @Test
  void should_not_remind_a_p3_posted_friday_afternoon_over_the_weekend() throws Exception {
    start("", FRIDAY_4PM);
    MessageKey key = sla.card(Priority.P3, OWNER);
    sla.tickAt(FRIDAY_4PM);

    for (String at :
        new String[] {
          "2026-12-04T23:00:00Z",
          "2026-12-05T16:00:00Z",
          "2026-12-06T23:59:00Z",
          "2026-12-07T15:59:00Z"
        }) {
      sla.tickAt(Instant.parse(at));
    }
    assertThat(sla.replies(key)).isEmpty();

    sla.tickAt(Instant.parse("2026-12-07T16:00:00Z"));
    assertThat(sla.replies(key))
        .singleElement()
        .satisfies(r -> assertThat(r.param("text")).contains("2 business days"));
    sla.tickAt(Instant.parse("2026-12-08T15:59:00Z"));
    assertThat(sla.replies(key)).hasSize(1);
    sla.tickAt(Instant.parse("2026-12-08T16:00:00Z"));
    assertThat(sla.replies(key)).hasSize(2);
  }

  @Test
  void should_skip_holidays_when_counting_business_time() throws Exception {
    start("sla:\n  holidays: [2026-12-07]\n", FRIDAY_4PM);
    MessageKey key = sla.card(Priority.P3, OWNER);
    sla.tickAt(FRIDAY_4PM);

    sla.tickAt(Instant.parse("2026-12-07T23:00:00Z"));
    assertThat(sla.replies(key)).as("Monday is a holiday").isEmpty();
    sla.tickAt(Instant.parse("2026-12-08T16:00:00Z"));
    assertThat(sla.replies(key)).hasSize(1);
  }

  @Test
  void should_not_send_a_reminder_again_after_a_restart_even_when_the_index_lost_its_record()
      throws Exception {
    start("", T0);
    MessageKey key = sla.card(Priority.P1, OWNER);
    sla.tickAt(T0);
    sla.tickAt(T0.plus(Duration.ofMinutes(8)));
    assertThat(sla.replies(key)).hasSize(1);

    // A restart: new desk, claims and routine over the same index and claims file.
    sla.restart();
    sla.tickAt(T0.plus(Duration.ofMinutes(9)));
    assertThat(sla.replies(key)).hasSize(1);

    // A crash after the post but before the index commit: the item forgets the reminder.
    sla.pipeline.update(
        key,
        t ->
            t.withTask(
                t.task()
                    .withTimes(
                        t.task()
                            .times()
                            .with(dev.sift.triage.sla.Timer.ACKNOWLEDGE, Progress.NONE))));
    sla.restart();
    sla.tickAt(T0.plus(Duration.ofMinutes(10)));

    assertThat(sla.replies(key)).as("the claim says it was sent").hasSize(1);
    assertThat(sla.stored(key).task().times().acknowledge().steps()).isEqualTo(1);
    sla.tickAt(T0.plus(Duration.ofMinutes(15)));
    assertThat(sla.replies(key)).as("the breach is still sent").hasSize(2);
  }

  @Test
  void should_send_what_fell_due_during_downtime_once_not_once_per_missed_interval()
      throws Exception {
    start("sla:\n  repeat_every: 30m\n  max_repeats: 3\n", T0);
    MessageKey key = sla.card(Priority.P1, OWNER);
    sla.tickAt(T0);

    // Down for ten hours: the reminder, the breach and every repeat fell due meanwhile.
    sla.restart();
    sla.tickAt(T0.plus(Duration.ofHours(10)));
    sla.tickAt(T0.plus(Duration.ofHours(10)).plusSeconds(15));

    assertThat(sla.replies(key))
        .singleElement()
        .satisfies(r -> assertThat(r.param("text")).contains("SLA breached"));
    sla.tickAt(T0.plus(Duration.ofHours(10)).plus(Duration.ofMinutes(30)));
    assertThat(sla.replies(key)).hasSize(2);
  }

  @Test
  void should_start_the_timers_again_when_a_resolved_item_is_reopened() throws Exception {
    start("", T0);
    MessageKey key = sla.card(Priority.P1, OWNER);
    sla.tickAt(T0);
    sla.desk.resolve(key, OWNER);

    sla.clock.set(T0.plus(Duration.ofHours(2)));
    sla.desk.reopen(key);
    assertThat(sla.stored(key).task().times())
        .isEqualTo(TaskTimes.startingAt(T0.plus(Duration.ofHours(2))));
    sla.tickAt(T0.plus(Duration.ofHours(2)).plusSeconds(60));
    assertThat(sla.replies(key)).as("the old start would be long breached").isEmpty();

    sla.tickAt(T0.plus(Duration.ofHours(2)).plusSeconds(450));
    assertThat(sla.replies(key))
        .singleElement()
        .satisfies(r -> assertThat(r.param("text")).contains("Reminder"));
  }

  @Test
  void should_read_the_thread_after_a_lost_answer_and_not_post_what_is_already_there()
      throws Exception {
    start("", T0);
    MessageKey key = sla.card(Priority.P1, OWNER);
    sla.tickAt(T0);
    sla.slack.scriptNext(
        "chat.postMessage",
        new MockResponse.Builder()
            .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
            .build());

    sla.tickAt(T0.plus(Duration.ofMinutes(8)));
    assertThat(sla.replies(key)).as("Slack got the post; its answer was lost").hasSize(1);
    assertThat(sla.stored(key).task().times().acknowledge().steps()).isZero();

    var thread = FakeSlack.JSON.createObjectNode().put("ok", true);
    thread
        .putArray("messages")
        .addObject()
        .put("type", "message")
        .put("bot_id", "BBOT0001")
        .put("ts", "1772709999.000100")
        .put("text", sla.replies(key).get(0).param("text"));
    sla.slack.scriptNext(
        "conversations.replies",
        new MockResponse.Builder()
            .code(200)
            .setHeader("Content-Type", "application/json")
            .body(thread.toString())
            .build());
    sla.tickAt(T0.plus(Duration.ofMinutes(8)).plusSeconds(15));

    assertThat(sla.slack.calls("conversations.replies"))
        .singleElement()
        .satisfies(c -> assertThat(c.param("ts")).isEqualTo(sla.stored(key).task().cardTs()));
    assertThat(sla.replies(key)).hasSize(1);
    assertThat(sla.stored(key).task().times().acknowledge().steps()).isEqualTo(1);
  }

  @Test
  void should_send_a_claimed_reminder_that_the_thread_shows_never_went_out() throws Exception {
    start("", T0);
    MessageKey key = sla.card(Priority.P1, OWNER);
    sla.tickAt(T0);
    sla.slack.scriptNext(
        "chat.postMessage",
        new MockResponse.Builder()
            .onRequestStart(SocketEffect.ShutdownConnection.INSTANCE)
            .build());

    sla.tickAt(T0.plus(Duration.ofMinutes(8)));
    sla.restart();
    sla.tickAt(T0.plus(Duration.ofMinutes(9)));

    // The first attempt was cut off (the fake logs it all the same); the card's thread shows no
    // reminder, so after the restart it is posted.
    assertThat(sla.slack.calls())
        .extracting(FakeSlack.Call::method)
        .filteredOn(m -> m.equals("chat.postMessage") || m.equals("conversations.replies"))
        .containsExactly("chat.postMessage", "conversations.replies", "chat.postMessage");
    assertThat(sla.replies(key).get(1).param("text")).contains("Reminder");
    assertThat(sla.stored(key).task().times().acknowledge().steps()).isEqualTo(1);
    sla.tickAt(T0.plus(Duration.ofMinutes(10)));
    assertThat(sla.replies(key)).hasSize(2);
  }
}

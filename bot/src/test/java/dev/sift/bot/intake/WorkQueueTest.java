package dev.sift.bot.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WorkQueueTest {

  @Test
  void should_say_how_long_the_longest_waiting_job_has_waited_whatever_its_urgency()
      throws Exception {
    AtomicLong now = new AtomicLong();
    CountDownLatch gate = new CountDownLatch(1);
    CountDownLatch busy = new CountDownLatch(1);
    try (WorkQueue queue = new WorkQueue("test-worker", 1, 100, now::get)) {
      assertThat(queue.oldestWait()).isEqualTo(Duration.ZERO);
      queue.submit(
          WorkQueue.NORMAL,
          "blocker",
          () -> {
            busy.countDown();
            await(gate);
          });
      assertThat(busy.await(5, TimeUnit.SECONDS)).isTrue();
      queue.submit(WorkQueue.LATER, "old chatter", () -> {});
      now.addAndGet(Duration.ofSeconds(7).toNanos());
      queue.submit(WorkQueue.LIKELY_P1, "new outage", () -> {});

      assertThat(queue.oldestWait()).isEqualTo(Duration.ofSeconds(7));

      gate.countDown();
      assertThat(queue.awaitIdle(5, TimeUnit.SECONDS)).isTrue();
      assertThat(queue.oldestWait()).isEqualTo(Duration.ZERO);
    }
  }

  @Test
  void should_run_likely_p1_work_first_and_keep_arrival_order_within_an_urgency() throws Exception {
    List<String> ran = new CopyOnWriteArrayList<>();
    CountDownLatch gate = new CountDownLatch(1);
    try (WorkQueue queue = new WorkQueue("test-worker", 1, 100)) {
      queue.submit(WorkQueue.NORMAL, "blocker", () -> await(gate));
      Thread.sleep(50); // the worker is now busy with the blocker
      queue.submit(WorkQueue.NORMAL, "chatter 1", () -> ran.add("chatter 1"));
      queue.submit(WorkQueue.NORMAL, "chatter 2", () -> ran.add("chatter 2"));
      queue.submit(WorkQueue.LIKELY_P1, "outage", () -> ran.add("outage"));
      gate.countDown();

      assertThat(queue.awaitIdle(5, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(ran).containsExactly("outage", "chatter 1", "chatter 2");
  }

  @Test
  void should_shed_the_least_urgent_newest_job_when_full_and_count_it() throws Exception {
    List<String> ran = new CopyOnWriteArrayList<>();
    CountDownLatch gate = new CountDownLatch(1);
    try (WorkQueue queue = new WorkQueue("test-worker", 1, 2)) {
      queue.submit(WorkQueue.NORMAL, "blocker", () -> await(gate));
      Thread.sleep(50);
      queue.submit(WorkQueue.NORMAL, "chatter", () -> ran.add("chatter"));
      queue.submit(WorkQueue.LATER, "later", () -> ran.add("later"));
      queue.submit(WorkQueue.LIKELY_P1, "outage", () -> ran.add("outage"));
      gate.countDown();

      assertThat(queue.awaitIdle(5, TimeUnit.SECONDS)).isTrue();
      assertThat(queue.shed()).isEqualTo(1);
    }
    assertThat(ran).containsExactly("outage", "chatter");
  }

  @Test
  void should_name_its_threads_and_survive_a_failing_job() throws Exception {
    List<String> names = new CopyOnWriteArrayList<>();
    try (WorkQueue queue = new WorkQueue("sift-triage", 2, 10)) {
      queue.submit(
          WorkQueue.NORMAL,
          "boom",
          () -> {
            throw new IllegalStateException("boom");
          });
      queue.submit(WorkQueue.NORMAL, "name", () -> names.add(Thread.currentThread().getName()));
      assertThat(queue.awaitIdle(5, TimeUnit.SECONDS)).isTrue();
      assertThat(queue.done()).isEqualTo(2);
    }
    assertThat(names).singleElement().asString().startsWith("sift-triage-");
  }

  private static void await(CountDownLatch gate) {
    try {
      gate.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

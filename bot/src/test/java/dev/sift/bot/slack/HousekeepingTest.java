package dev.sift.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HousekeepingTest {
  @Test
  void should_keep_running_a_periodic_job_after_it_fails_once() throws Exception {
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch thirdRun = new CountDownLatch(3);
    try {
      executor.scheduleWithFixedDelay(
          Housekeeping.guarded(
              "re-triage",
              () -> {
                thirdRun.countDown();
                if (runs.incrementAndGet() == 1) {
                  throw new IllegalStateException("the index is closed");
                }
              }),
          0,
          10,
          TimeUnit.MILLISECONDS);

      assertThat(thirdRun.await(10, TimeUnit.SECONDS))
          .as("runs after the failure (an unguarded job stops at its first throw)")
          .isTrue();
    } finally {
      executor.shutdownNow();
    }
  }
}

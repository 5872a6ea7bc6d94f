package dev.sift.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The short crash drill, run in CI: 1,000 events (new messages, replies, edits, deletes, some sent
 * twice) against a real {@code sift run} killed with {@code kill -9} five times while the workspace
 * goes on; afterwards the index must equal the workspace. The long drill is {@link
 * CrashRecoveryBenchmark}.
 */
class CrashRecoveryTest {
  @TempDir Path work;

  @Test
  void should_lose_nothing_and_double_nothing_across_five_kill_9s() throws Exception {
    CrashDrill.Result result =
        new CrashDrill(
                work,
                Integer.getInteger("drill.events", 1000),
                Integer.getInteger("drill.kills", 5),
                100,
                20261202L)
            .run();
    System.out.print(result.report());
    assertThat(result.kills()).isEqualTo(Integer.getInteger("drill.kills", 5));
    assertThat(result.missing()).as("messages missing from the index").isZero();
    assertThat(result.extra()).as("deleted messages still in the index").isZero();
    assertThat(result.wrongText()).as("messages with a stale text").isZero();
    assertThat(result.duplicateDocs()).as("messages stored twice").isZero();
    assertThat(result.duplicateCards()).as("items with two task cards").isZero();
  }
}

package dev.sift.bot.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.index.MessageIndex;
import dev.sift.triage.audit.Audit;
import dev.sift.triage.item.Role;
import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.message.Message;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How long a purge takes on a sizeable index: 100,000 messages in 20 channels by 50 people, a
 * quarter of them reports joined to items. Run with {@code -DexcludedGroups=none -Dgroups=benchmark
 * -Dtest=PurgeBenchmark}.
 */
@Tag("benchmark")
class PurgeBenchmark {
  private static final int MESSAGES = 100_000;

  @TempDir Path data;

  @Test
  void purge_a_person_then_a_channel() {
    try (MessageIndex index = MessageIndex.open(data.resolve("index"))) {
      List<TriagedMessage> items = new ArrayList<>();
      for (int i = 0; i < MESSAGES; i++) {
        String channel = "C" + String.format("%03d", i % 20);
        Message m =
            Stored.said(channel, (1_700_000_000L + i) + ".000100", "U0" + (i % 50), "message " + i);
        if (i % 4 == 3 && !items.isEmpty()) {
          TriagedMessage item = items.get(items.size() - 1);
          index.upsert(
              TriagedMessage.partOf(m, Stored.verdict(null, "x"), null, Role.REPORT, item.key()));
          TriagedMessage updated = item.withReport(m);
          index.upsert(updated);
          items.set(items.size() - 1, updated);
        } else {
          TriagedMessage item = Stored.item(m, i % 10 == 0 ? "summary " + i : null, "incident");
          index.upsert(item);
          items.add(item);
        }
      }
    }
    Purge.Report user = Purge.run(data, new Purge.Target("user", "U07"), false, Audit.NONE, "b");
    Purge.Report channel =
        Purge.run(data, new Purge.Target("channel", "C003"), false, Audit.NONE, "b");
    System.out.printf(
        "purge --user: %d of %d messages, %d items updated, in %d ms%n",
        user.erased().messages(), MESSAGES, user.erased().itemsUpdated(), user.took().toMillis());
    System.out.printf(
        "purge --channel: %d messages, %d items updated, in %d ms%n",
        channel.erased().messages(), channel.erased().itemsUpdated(), channel.took().toMillis());
    assertThat(user.erased().messages()).isEqualTo(MESSAGES / 50);
  }
}

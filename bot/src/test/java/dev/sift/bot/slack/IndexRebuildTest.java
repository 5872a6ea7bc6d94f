package dev.sift.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.SlackConfig;
import dev.sift.bot.Sift;
import dev.sift.bot.config.SiftConfig;
import dev.sift.triage.message.MessageKey;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A corrupt index after a crash is moved aside and rebuilt from Slack, never left empty. */
class IndexRebuildTest {
  @TempDir Path data;

  @Test
  void should_rebuild_a_corrupt_index_from_slack_after_a_crash() throws Exception {
    try (SlackEmulator slack = new SlackEmulator(1L, 0, 0)) {
      slack.channel("C0OPS", "ops");
      List<String> posted = new ArrayList<>();
      SiftConfig config = SiftConfig.defaults().withDataDir(data);
      try (Sift sift = new Sift(config)) {
        LiveApp app = LiveApp.start(sift, options(slack));
        FakeSlack.await(slack::connected, Duration.ofSeconds(20));
        Thread.sleep(500); // the first catch-up notes when Sift began to watch #ops
        for (String text :
            List.of(
                "the VPN is down for the whole office",
                "can someone look at the invoice export?",
                "lunch is here",
                "deploy of billing 4.2 is done")) {
          posted.add(slack.post("C0OPS", "U0P1", text, null));
        }
        FakeSlack.await(() -> indexed(sift, posted) == posted.size(), Duration.ofSeconds(30));
        assertThat(app.awaitIdle(30, TimeUnit.SECONDS)).isTrue();
        app.close();
      }
      int cards = slack.cardPosts().size();
      assertThat(cards).as("the outage got its card").isPositive();
      corrupt(data.resolve("index"));
      Files.writeString(data.resolve("sift.running"), "12345\n"); // as kill -9 leaves it

      try (Sift sift = new Sift(config)) {
        assertThat(sift.indexProblem()).as("the problem is reported").isNotNull();
        assertThat(indexed(sift, posted)).as("a fresh index").isZero();
        LiveApp app = LiveApp.start(sift, options(slack));
        boolean rebuilt =
            FakeSlack.await(() -> indexed(sift, posted) == posted.size(), Duration.ofSeconds(60));
        assertThat(rebuilt).as("every message read back from Slack's history").isTrue();
        assertThat(app.awaitIdle(30, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(1_000); // a card that would be posted twice would be by now
        assertThat(slack.cardPosts())
            .as("the rebuilt items adopt their cards; none is posted again")
            .hasSize(cards);
        app.close();
      }
      try (Stream<Path> dirs = Files.list(data)) {
        assertThat(dirs.map(p -> p.getFileName().toString()))
            .as("the corrupt index is kept for a look")
            .anyMatch(name -> name.startsWith("index.corrupt-"));
      }
    }
  }

  private static LiveApp.Options options(SlackEmulator slack) {
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(slack.apiUrl());
    config.setStatsEnabled(false);
    return new LiveApp.Options("xoxb-test", "xapp-test", null, 0, config);
  }

  private static int indexed(Sift sift, List<String> posted) {
    int n = 0;
    for (String ts : posted) {
      if (sift.index().find(new MessageKey(FakeSlack.TEAM, "C0OPS", ts)).isPresent()) {
        n++;
      }
    }
    return n;
  }

  static void corrupt(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f :
          files
              .filter(p -> !p.toString().endsWith("write.lock"))
              .sorted(Comparator.comparing(Path::toString))
              .toList()) {
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
          if (raf.length() > 64) {
            raf.seek(raf.length() / 2);
            int b = raf.read();
            raf.seek(raf.length() / 2);
            raf.write(b ^ 0xFF);
          }
        }
      }
    }
  }
}

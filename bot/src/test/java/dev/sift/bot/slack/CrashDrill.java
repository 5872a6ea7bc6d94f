package dev.sift.bot.slack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

/**
 * The crash drill: a real {@code sift run} process against the {@link SlackEmulator}, fed a stream
 * of new messages, replies, edits and deletes (some sent twice), and killed with {@code kill -9} at
 * random points while the workspace goes on without it. At the end Sift runs until it is quiet,
 * stops on SIGTERM, and its index is compared with the workspace's ground truth.
 */
final class CrashDrill {
  /** What a drill found. */
  record Result(
      int events,
      int kills,
      int expected,
      int missing,
      int extra,
      int wrongText,
      int duplicateDocs,
      int duplicateCards,
      int cards,
      double seconds,
      String emulator,
      List<String> examples) {
    boolean clean() {
      return indexMatches() && duplicateCards == 0;
    }

    boolean indexMatches() {
      return missing == 0 && extra == 0 && wrongText == 0 && duplicateDocs == 0;
    }

    String report() {
      return String.format(
          "crash drill: %d events, %d kill -9s, %.0f s%n"
              + "  index vs ground truth (%d messages): %d missing, %d extra (deleted but present),"
              + " %d with stale text, %d stored twice%n"
              + "  task cards: %d posted, %d items with more than one%n"
              + "  emulator: %s%n%s",
          events,
          kills,
          seconds,
          expected,
          missing,
          extra,
          wrongText,
          duplicateDocs,
          cards,
          duplicateCards,
          emulator,
          examples.isEmpty() ? "" : "  e.g. " + String.join("\n  e.g. ", examples) + "\n");
    }
  }

  private final Path work;
  private final int events;
  private final int kills;
  private final int ratePerSecond;
  private final Random random;
  private final DrillTraffic traffic;
  private final SiftProcess sift;
  private final AtomicInteger killed = new AtomicInteger();
  private final java.util.concurrent.atomic.AtomicReference<Exception> failure =
      new java.util.concurrent.atomic.AtomicReference<>();

  CrashDrill(Path work, int events, int kills, int ratePerSecond, long seed) throws IOException {
    this.work = work;
    this.events = events;
    this.kills = kills;
    this.ratePerSecond = ratePerSecond;
    this.random = new Random(seed);
    this.traffic = new DrillTraffic(random);
    this.sift = new SiftProcess(work, "sift", Map.of());
  }

  Result run() throws Exception {
    long begin = System.nanoTime();
    Path config = work.resolve("sift.yml");
    Files.writeString(
        config,
        "data_dir: " + work.resolve("data") + "\nslack:\n  history_pace: 20ms\n  reaction: ''\n");
    try (SlackEmulator slack = new SlackEmulator(random.nextLong(), 0.5, 0.03)) {
      DrillTraffic.channels(slack);
      sift.start(slack, config);
      // Sift's first start defines what it is responsible for; the stream begins once it is up.
      sift.awaitUp(slack, Duration.ofMinutes(2));
      // A supervisor kills and restarts Sift while the workspace goes on: each run lives a random
      // while after it is up (a quarter of the kills land during start-up, replay included),
      // then is down for a moment.
      Random chaos = new Random(random.nextLong());
      Thread supervisor =
          new Thread(
              () -> {
                try {
                  for (int k = 0; k < kills; k++) {
                    if (chaos.nextInt(4) == 0) {
                      Thread.sleep(300 + chaos.nextInt(2500));
                    } else {
                      sift.awaitUp(slack, Duration.ofMinutes(2));
                      Thread.sleep(chaos.nextInt(3000));
                    }
                    sift.kill();
                    killed.incrementAndGet();
                    Thread.sleep(200 + chaos.nextInt(1500));
                    sift.start(slack, config);
                  }
                } catch (Exception e) {
                  failure.set(e);
                }
              },
              "drill-supervisor");
      supervisor.start();
      long nanosPerEvent = 1_000_000_000L / ratePerSecond;
      long next = System.nanoTime();
      for (int i = 0; i < events; i++) {
        traffic.act(slack);
        DrillTraffic.pace(next += nanosPerEvent);
      }
      supervisor.join();
      if (failure.get() != null) {
        throw failure.get();
      }
      sift.awaitUp(slack, Duration.ofMinutes(2));
      Map<String, String> truth = slack.messages();
      // Quiet: the emulator has delivered everything it will, and the index holds the truth.
      long quietBy = System.nanoTime() + Duration.ofMinutes(4).toNanos();
      while (System.nanoTime() < quietBy) {
        if (slack.undelivered() == 0 && compare(truth, slack, 0, begin).indexMatches()) {
          break;
        }
        Thread.sleep(2000);
      }
      System.out.println("health before the stop: " + sift.health());
      sift.stopGracefully();
      Result result = compare(truth, slack, killed.get(), begin);
      if (!result.clean()) {
        SiftProcess.keepLogs(work, "crash-drill-logs");
      }
      return result;
    } finally {
      sift.destroy();
    }
  }

  /**
   * Time to catch up with {@code missed} messages posted while Sift was down and never delivered
   * (Slack gave up on them), read back through history at {@code pace} between calls: seconds from
   * the restart until every one is triaged, and from Sift being up (health answering) until then.
   */
  double[] catchUp(int missed, String pace) throws Exception {
    Files.createDirectories(work);
    Path config = work.resolve("catch-up.yml");
    Files.writeString(
        config,
        "data_dir: "
            + work.resolve("catch-up-data")
            + "\nslack:\n  history_pace: "
            + pace
            + "\n  reaction: ''\n");
    try (SlackEmulator slack = new SlackEmulator(random.nextLong(), 1.0, 0)) {
      DrillTraffic.channels(slack);
      sift.start(slack, config);
      sift.awaitUp(slack, Duration.ofMinutes(2));
      for (int i = 0; i < 20; i++) {
        traffic.act(slack); // something to checkpoint
      }
      Thread.sleep(7000); // a commit
      sift.kill();
      int before = slack.messages().size();
      while (slack.messages().size() - before < missed) {
        traffic.act(slack);
      }
      long restart = System.nanoTime();
      sift.start(slack, config);
      sift.awaitUp(slack, Duration.ofMinutes(2));
      long up = System.nanoTime();
      long end = System.nanoTime() + Duration.ofMinutes(30).toNanos();
      while (System.nanoTime() < end) {
        String h = sift.health();
        if (h != null
            && h.contains("\"last_catch_up\":{")
            && h.contains("\"queued\":0,")
            && triaged(h) >= missed) {
          break;
        }
        Thread.sleep(100);
      }
      long done = System.nanoTime();
      sift.stopGracefully();
      return new double[] {(done - restart) / 1e9, (done - up) / 1e9};
    }
  }

  private static long triaged(String health) {
    var m = java.util.regex.Pattern.compile("\"triaged\":(\\d+)").matcher(health);
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }

  /** The committed index against the truth. */
  private Result compare(Map<String, String> truth, SlackEmulator slack, int killed, long begin)
      throws IOException {
    Map<String, String> stored = new HashMap<>();
    int duplicateDocs = 0;
    Path index = work.resolve("data").resolve("index");
    if (Files.exists(index.resolve("write.lock")) || Files.list(index).findAny().isPresent()) {
      try (var dir = FSDirectory.open(index);
          DirectoryReader reader = DirectoryReader.open(dir)) {
        for (LeafReaderContext leaf : reader.leaves()) {
          LeafReader r = leaf.reader();
          Bits live = r.getLiveDocs();
          StoredFields fields = r.storedFields();
          for (int d = 0; d < r.maxDoc(); d++) {
            if (live != null && !live.get(d)) {
              continue;
            }
            Document doc = fields.document(d);
            if (stored.put(doc.get("id"), doc.get("text")) != null) {
              duplicateDocs++;
            }
          }
        }
      } catch (org.apache.lucene.index.IndexNotFoundException e) {
        // nothing committed yet
      }
    }
    int missing = 0;
    int wrong = 0;
    int extra = 0;
    List<String> examples = new ArrayList<>();
    for (var e : truth.entrySet()) {
      String text = stored.get(e.getKey());
      if (text == null) {
        missing++;
        if (examples.size() < 5) {
          examples.add("missing " + e.getKey() + ": " + slack.fate(e.getKey()));
        }
      } else if (!text.equals(e.getValue())) {
        wrong++;
        if (examples.size() < 5) {
          examples.add("stale " + e.getKey() + ": '" + text + "' for '" + e.getValue() + "'");
        }
      }
    }
    for (String id : stored.keySet()) {
      if (!truth.containsKey(id)) {
        extra++;
        if (examples.size() < 5) {
          examples.add("extra " + id + ": " + slack.fate(id));
        }
      }
    }
    Map<String, Integer> cardsPerItem = new TreeMap<>();
    for (var post : slack.cardPosts()) {
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("\"value\":\"(T[^\"]+/[^\"]+/[0-9.]+)\"")
              .matcher(post.path("blocks").asText());
      if (m.find()) {
        cardsPerItem.merge(m.group(1), 1, Integer::sum);
      }
    }
    int duplicateCards = (int) cardsPerItem.values().stream().filter(n -> n > 1).count();
    return new Result(
        events,
        killed,
        truth.size(),
        missing,
        extra,
        wrong,
        duplicateDocs,
        duplicateCards,
        slack.cardPosts().size(),
        (System.nanoTime() - begin) / 1e9,
        slack.stats(),
        examples);
  }
}

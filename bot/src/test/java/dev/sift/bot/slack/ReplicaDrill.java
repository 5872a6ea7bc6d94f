package dev.sift.bot.slack;

import dev.sift.bot.intake.Journal;
import dev.sift.index.MessageStore;
import dev.sift.index.solr.SolrMessageStore;
import dev.sift.triage.item.Role;
import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.verdict.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The replica drill: three real {@code sift run} processes sharing one SolrCloud collection, each
 * holding one Socket Mode connection of the app, so the {@link SlackEmulator} spreads the events
 * (and their retries, and the replies to a message) over them as Slack does. Midway one replica is
 * killed with {@code kill -9} and started again. A digest is due every minute. At the end the
 * collection is compared with the workspace: every message stored once with its latest text, every
 * stored reply in its item, every digest slot posted once, no item with two task cards.
 */
final class ReplicaDrill {
  static final int REPLICAS = 3;
  static final String DIGESTS = "C0DIGEST";

  /** The share of the workspace's actions that are clicks on task cards. */
  static final double CLICKS = 0.03;

  /** What a drill found. */
  record Result(
      int events,
      int expected,
      int missing,
      int extra,
      int wrongText,
      int repliesNotInItem,
      int reports,
      int itemsWithWrongReporters,
      int digestPosts,
      int digestSlotsPostedTwice,
      int cards,
      int duplicateCards,
      int clicks,
      int clicksLost,
      double seconds,
      double recoverySeconds,
      List<String> perReplica,
      String emulator,
      List<String> examples) {
    boolean clean() {
      return missing == 0
          && extra == 0
          && wrongText == 0
          && repliesNotInItem == 0
          && itemsWithWrongReporters == 0
          && digestSlotsPostedTwice == 0
          && duplicateCards == 0
          && clicksLost == 0;
    }

    String report() {
      return String.format(
          "replica drill: %d replicas, %d events, one kill -9, %.0f s%n"
              + "  collection vs ground truth (%d messages): %d missing, %d extra, %d with stale"
              + " text; %d stored replies missing from their item%n"
              + "  items: %d repeat reports stored, %d items whose reporters or reports are not"
              + " those stored%n"
              + "  digests: %d posted, %d slots posted twice; task cards: %d posted, %d items with"
              + " more than one%n"
              + "  card buttons: %d clicks acked (by whichever replica Slack chose), %d not on"
              + " their item at the end%n"
              + "  %s%n"
              + "  triaged per replica: %s%n"
              + "  emulator: %s%n%s",
          REPLICAS,
          events,
          seconds,
          expected,
          missing,
          extra,
          wrongText,
          repliesNotInItem,
          reports,
          itemsWithWrongReporters,
          digestPosts,
          digestSlotsPostedTwice,
          cards,
          duplicateCards,
          clicks,
          clicksLost,
          recoverySeconds < 0
              ? "the killed replica was not restarted"
              : String.format(
                  "the killed replica was serving again %.1f s after its restart began",
                  recoverySeconds),
          perReplica,
          emulator,
          examples.isEmpty() ? "" : "  e.g. " + String.join("\n  e.g. ", examples) + "\n");
    }
  }

  private final Path work;
  private final String solrUrl;
  private final int events;
  private final int ratePerSecond;
  private final Random random;
  private final DrillTraffic traffic;
  private final List<SiftProcess> replicas = new ArrayList<>();
  private final boolean restartVictim;
  private int unfinishedAtDeath = -1;

  /**
   * @param solrUrl a node of the SolrCloud cluster the replicas share
   */
  ReplicaDrill(Path work, String solrUrl, int events, int ratePerSecond, long seed)
      throws java.io.IOException {
    this(work, solrUrl, events, ratePerSecond, seed, true);
  }

  /**
   * @param restartVictim whether the killed replica starts again; when not, the other two must
   *     cover what it had acked and not stored, from its marks in the collection
   */
  ReplicaDrill(
      Path work, String solrUrl, int events, int ratePerSecond, long seed, boolean restartVictim)
      throws java.io.IOException {
    this.restartVictim = restartVictim;
    this.work = work;
    this.solrUrl = solrUrl;
    this.events = events;
    this.ratePerSecond = ratePerSecond;
    this.random = new Random(seed);
    this.traffic = new DrillTraffic(random, CLICKS);
    for (int r = 0; r < REPLICAS; r++) {
      replicas.add(
          new SiftProcess(work, "replica-" + r, Map.of("SIFT_REPLICA_ID", "replica-" + r)));
    }
  }

  Result run() throws Exception {
    long begin = System.nanoTime();
    List<Path> configs = new ArrayList<>();
    for (int r = 0; r < REPLICAS; r++) {
      Path config = work.resolve("replica-" + r + ".yml");
      Files.writeString(
          config,
          "data_dir: "
              + work.resolve("data-" + r)
              + "\nslack:\n  history_pace: 20ms\n  reaction: ''\n"
              + "index:\n  backend: solr\n  url: "
              + solrUrl
              + "\n  index_prefix: drill-\n"
              + "digests:\n  - name: minutely\n    cron: '* * * * *'\n    destination: "
              + DIGESTS
              + "\n    skip_when_empty: false\n    llm_summary: false\n");
      configs.add(config);
    }
    double recovery;
    try (SlackEmulator slack = new SlackEmulator(random.nextLong(), 0.5, 0.03)) {
      DrillTraffic.channels(slack);
      slack.channel(DIGESTS, "digests");
      for (int r = 0; r < REPLICAS; r++) {
        replicas.get(r).start(slack, configs.get(r));
      }
      for (SiftProcess replica : replicas) {
        replica.awaitUp(slack, Duration.ofMinutes(3));
      }
      awaitConnections(slack, REPLICAS);
      long nanosPerEvent = 1_000_000_000L / ratePerSecond;
      long next = System.nanoTime();
      recovery = -1;
      for (int i = 0; i < events; i++) {
        if (i == events / 2 && !restartVictim) {
          SiftProcess victim = replicas.get(1);
          victim.kill(); // for good: what it acked and had not stored, only the others can recover
          try (Journal journal = Journal.open(work.resolve("data-1").resolve("journal"))) {
            unfinishedAtDeath = journal.unfinished().size();
          }
        } else if (i == events / 2) {
          SiftProcess victim = replicas.get(1);
          victim.kill(); // SIGKILL midway: what it acked is in its journal only
          long restart = System.nanoTime();
          victim.start(slack, configs.get(1));
          Thread restarted =
              new Thread(
                  () -> {
                    try {
                      victim.awaitUp(slack, Duration.ofMinutes(3));
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  });
          restarted.start();
          // The workspace goes on while it starts: the other two take its share.
          while (restarted.isAlive() && i < events - 1) {
            traffic.act(slack);
            i++;
            DrillTraffic.pace(next += nanosPerEvent);
          }
          restarted.join();
          recovery = (System.nanoTime() - restart) / 1e9;
        }
        traffic.act(slack);
        DrillTraffic.pace(next += nanosPerEvent);
      }
      // A digest slot falls due at the top of each minute: let at least one pass after the stream.
      Map<String, String> truth = slack.messages();
      // A replica gone for good is covered once its marks are two minutes old.
      long quietBy = System.nanoTime() + Duration.ofMinutes(restartVictim ? 4 : 6).toNanos();
      Result result = null;
      while (System.nanoTime() < quietBy) {
        result = compare(truth, slack, begin, recovery);
        if (slack.undelivered() == 0
            && result.missing() == 0
            && result.wrongText() == 0
            && result.extra() == 0) {
          break;
        }
        Thread.sleep(2000);
      }
      List<String> perReplica = new ArrayList<>();
      List<String> healthAtEnd = new ArrayList<>();
      for (SiftProcess replica : replicas) {
        String h = replica == replicas.get(1) && !restartVictim ? null : replica.health();
        perReplica.add(h == null ? "?" : String.valueOf(triaged(h)));
        healthAtEnd.add(h);
      }
      for (SiftProcess replica : replicas) {
        replica.stopGracefully();
      }
      result = compare(truth, slack, begin, recovery);
      result =
          new Result(
              result.events(),
              result.expected(),
              result.missing(),
              result.extra(),
              result.wrongText(),
              result.repliesNotInItem(),
              result.reports(),
              result.itemsWithWrongReporters(),
              result.digestPosts(),
              result.digestSlotsPostedTwice(),
              result.cards(),
              result.duplicateCards(),
              result.clicks(),
              result.clicksLost(),
              result.seconds(),
              result.recoverySeconds(),
              perReplica,
              result.emulator(),
              result.examples());
      if (!result.clean()) {
        SiftProcess.keepLogs(work, "replica-drill-logs");
        // Where the missing were when the drill ended: queued, set aside, waiting for a claim.
        healthAtEnd.forEach(h -> System.out.println("replica health at the end: " + h));
      }
      return result;
    } catch (Exception | AssertionError e) {
      SiftProcess.keepLogs(work, "replica-drill-logs");
      throw e;
    } finally {
      for (SiftProcess replica : replicas) {
        replica.destroy();
      }
    }
  }

  /**
   * How many events the replica killed for good held in its journal uncommitted when it died (the
   * most the others had to recover), or -1 when it was restarted.
   */
  int unfinishedAtDeath() {
    return unfinishedAtDeath;
  }

  private static void awaitConnections(SlackEmulator slack, int n) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (slack.open() < n) {
      if (System.nanoTime() > end) {
        throw new AssertionError("only " + slack.open() + " of " + n + " replicas connected");
      }
      Thread.sleep(100);
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static String clip(String text) {
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }

  private static long triaged(String health) {
    var m = java.util.regex.Pattern.compile("\"triaged\":(\\d+)").matcher(health);
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }

  /** The collection against the truth. */
  private Result compare(
      Map<String, String> truth, SlackEmulator slack, long begin, double recovery) {
    Map<String, TriagedMessage> stored = new HashMap<>();
    try (MessageStore store = SolrMessageStore.connect(List.of(solrUrl), "drill-messages", 384)) {
      String after = null;
      for (List<TriagedMessage> page = store.page(null, 1000);
          !page.isEmpty();
          page = store.page(after, 1000)) {
        page.forEach(t -> stored.put(t.key().id(), t));
        after = page.get(page.size() - 1).key().id();
      }
    }
    int missing = 0;
    int wrong = 0;
    int extra = 0;
    List<String> examples = new ArrayList<>();
    for (var e : truth.entrySet()) {
      TriagedMessage t = stored.get(e.getKey());
      if (t == null) {
        missing++;
        if (examples.size() < 5) {
          examples.add("missing " + e.getKey() + ": " + slack.fate(e.getKey()));
        }
      } else if (!t.message().text().equals(e.getValue())) {
        wrong++;
        if (examples.size() < 5) {
          examples.add(
              "stale "
                  + e.getKey()
                  + ": stored '"
                  + clip(t.message().text())
                  + "' (edited at "
                  + t.message().editedTs()
                  + ", "
                  + t.role()
                  + "), Slack has '"
                  + clip(e.getValue())
                  + "'; "
                  + slack.fate(e.getKey()));
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
    // A reply triaged on one replica while its item was changed on another must still be in it.
    int repliesNotInItem = 0;
    for (TriagedMessage t : stored.values()) {
      if (t.role() == Role.REPLY) {
        TriagedMessage item = stored.get(t.itemKey().id());
        if (item != null && !item.replyIds().contains(t.key().id())) {
          repliesNotInItem++;
          if (examples.size() < 5) {
            examples.add("reply " + t.key().id() + " not in its item " + item.key().id());
          }
        }
      }
    }
    // Each repeat report is in its item, its author among the item's reporters; and an item lists
    // only reports and replies that are stored (a deleted one leaves its item).
    int reports = 0;
    Set<String> wrongItems = new TreeSet<>();
    for (TriagedMessage t : stored.values()) {
      if (t.role() == Role.REPORT) {
        reports++;
        TriagedMessage item = stored.get(t.itemKey().id());
        if (item != null
            && (!item.reportIds().contains(t.key().id())
                || !item.reporters().contains(TriagedMessage.reporterName(t.message())))) {
          wrongItems.add(item.key().id());
          if (examples.size() < 5) {
            examples.add("report " + t.key().id() + " not counted in its item " + item.key().id());
          }
        }
      }
      if (t.role() == Role.ITEM) {
        for (String id : concat(t.reportIds(), t.replyIds())) {
          if (!stored.containsKey(id)) {
            wrongItems.add(t.key().id());
            if (examples.size() < 5) {
              examples.add("item " + t.key().id() + " lists " + id + ": " + slack.fate(id));
            }
          }
        }
      }
    }
    Map<String, Integer> postsPerSlot = new TreeMap<>();
    slack.topLevelPosts(DIGESTS).forEach(text -> postsPerSlot.merge(text, 1, Integer::sum));
    int slotsTwice = (int) postsPerSlot.values().stream().filter(n -> n > 1).count();
    Map<String, Integer> cardsPerItem = new TreeMap<>();
    Set<String> seen = new HashSet<>();
    for (var post : slack.cardPosts()) {
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("\"value\":\"(T[^\"]+/[^\"]+/[0-9.]+)\"")
              .matcher(post.path("blocks").asText());
      if (m.find() && !DIGESTS.equals(post.path("channel").asText())) {
        cardsPerItem.merge(m.group(1), 1, Integer::sum);
        seen.add(m.group(1));
      }
    }
    int duplicateCards = (int) cardsPerItem.values().stream().filter(n -> n > 1).count();
    // A click acked by one replica must show on its item, whichever replica triaged the item and
    // whatever replies changed it meanwhile.
    List<SlackEmulator.Press> clicks = slack.ackedPresses();
    int clicksLost = 0;
    for (SlackEmulator.Press press : clicks) {
      TriagedMessage item = stored.get(press.itemId);
      if (item == null) {
        continue; // its message was deleted since
      }
      boolean shows =
          press.actionId.equals("task_ack")
              ? item.status() != Status.OPEN
              : item.status() == Status.RESOLVED;
      if (!shows) {
        clicksLost++;
        if (clicksLost <= 3) {
          examples.add(
              0,
              press.actionId
                  + " by "
                  + press.user
                  + " on "
                  + press.itemId
                  + " not shown: "
                  + item.status()
                  + ", role "
                  + item.role()
                  + "; the message: "
                  + slack.fate(press.itemId));
        }
      }
    }
    return new Result(
        events,
        truth.size(),
        missing,
        extra,
        wrong,
        repliesNotInItem,
        reports,
        wrongItems.size(),
        postsPerSlot.values().stream().mapToInt(Integer::intValue).sum(),
        slotsTwice,
        seen.size(),
        duplicateCards,
        clicks.size(),
        clicksLost,
        (System.nanoTime() - begin) / 1e9,
        recovery,
        List.of(),
        slack.stats(),
        examples);
  }
}

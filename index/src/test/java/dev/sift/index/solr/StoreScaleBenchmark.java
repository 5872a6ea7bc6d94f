package dev.sift.index.solr;

import dev.sift.index.MessageIndex;
import dev.sift.index.MessageStore;
import dev.sift.index.SearchHit;
import dev.sift.index.SearchRequest;
import dev.sift.triage.digest.ItemQuery;
import dev.sift.triage.embed.Vectors;
import dev.sift.triage.item.Role;
import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.message.Message;
import dev.sift.triage.verdict.Priority;
import dev.sift.triage.verdict.Status;
import dev.sift.triage.verdict.Verdict;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.cloud.DocCollection;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingest throughput and search latency of the two stores at scale, in one run: the embedded Lucene
 * index ({@link MessageIndex}) against SolrCloud ({@link SolrMessageStore} on the in-process {@link
 * SolrCluster}), so that choosing a backend for a large workspace rests on figures, not on guesses.
 * Both get the same deterministic synthetic workspace, written through {@link MessageStore#upsert}
 * one message at a time as the live app writes it (a reply or a report also rewrites its item; a
 * commit every 2 s as {@code IndexCommits} is scheduled, inline here), then the same fixed queries
 * after a warm-up.
 *
 * <p>Run with {@code -DexcludedGroups=none -Dgroups=benchmark -Dtest=StoreScaleBenchmark} and
 * {@code -Dsift.bench.messages=N} (default 1,000,000). The table goes to stdout and to {@code
 * target/store-scale-benchmark.txt}, with progress lines while it runs.
 */
@Tag("benchmark")
class StoreScaleBenchmark {
  private static final int DIMENSION = 384;
  private static final long SEED = 20261203L;
  private static final int CHANNELS = 200;
  private static final int USERS = 2000;
  private static final int TOPICS = 48;
  private static final String TEAM = "T1";
  private static final ZoneId UTC = ZoneId.of("UTC");

  /** How often the live app commits (LiveApp schedules IndexCommits every 2 s). */
  private static final long COMMIT_EVERY_NANOS = 2_000_000_000L;

  private static final int WARM_UP = 50;
  private static final int PER_KIND = 35;
  private static final int BATCH = 1000;

  /** Hits the semantic half of hybrid search found, so the table shows the knn path ran. */
  private static final AtomicLong SEMANTIC = new AtomicLong();

  @TempDir Path tmp;

  private PrintStream file;

  @Test
  void ingest_and_search_at_scale_on_lucene_and_solrcloud() throws Exception {
    int n = Integer.getInteger("sift.bench.messages", 1_000_000);
    Path out = Path.of("target", "store-scale-benchmark.txt");
    Files.createDirectories(out.getParent());
    file =
        new PrintStream(
            Files.newOutputStream(
                out, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING),
            true,
            StandardCharsets.UTF_8);
    try {
      say(
          "bench store-scale: %,d messages, seed %d, %d channels, %d users, %d-dim vectors",
          n, SEED, CHANNELS, USERS, DIMENSION);
      say(
          "bench data: synthetic text (Zipf over %d words); random unit vectors around %d topic"
              + " centroids, NOT the embedding model (no ONNX run)",
          Workspace.VOCABULARY.length, TOPICS);
      say(
          "bench JVM: %d cores, max heap %,d MB (Solr runs in this JVM too)",
          Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
      List<Query> warmUp = Query.fixed(new SplittableRandom(SEED + 1), n, WARM_UP / 9 + 1);
      List<Query> queries = Query.fixed(new SplittableRandom(SEED + 2), n, PER_KIND);

      Result lucene;
      Path luceneDir = tmp.resolve("lucene");
      try (MessageIndex index = MessageIndex.open(luceneDir)) {
        lucene = run("lucene", index, n, warmUp, queries);
      }
      say("bench lucene: index on disk %,d MB", du(luceneDir) >> 20);
      deleteTree(luceneDir);

      Result solr;
      Batched batched = null;
      try (SolrCluster cluster = SolrCluster.start(tmp.resolve("solr"))) {
        String collection = cluster.emptyCollection(DIMENSION);
        say("bench solr: %s", shape(cluster.client(), collection));
        try (SolrMessageStore store =
            SolrMessageStore.open(cluster.client(), collection, DIMENSION)) {
          solr = run("solr", store, n, warmUp, queries);
        }
        batched = batched(cluster, Math.min(n, Integer.getInteger("sift.bench.batched", 100_000)));
      }
      table(n, lucene, solr, batched);
    } finally {
      file.close();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // One backend

  private Result run(String name, MessageStore store, int n, List<Query> warmUp, List<Query> qs) {
    Result r = new Result(name);
    Workspace w = new Workspace(SEED);
    long start = System.nanoTime();
    long lastCommit = start;
    long generating = 0;
    long commitNanos = 0;
    int step = Math.max(1, n / 10);
    for (int i = 1; i <= n; i++) {
      long g0 = System.nanoTime();
      Workspace.Next next = w.next();
      generating += System.nanoTime() - g0;
      store.upsert(next.message());
      r.upserts++;
      if (next.item() != null) {
        store.upsert(next.item());
        r.upserts++;
      }
      store.checkpoint(next.message().message().channelId(), next.message().message().ts());
      long now = System.nanoTime();
      if (now - lastCommit >= COMMIT_EVERY_NANOS) {
        store.commit();
        r.commits++;
        lastCommit = System.nanoTime();
        commitNanos += lastCommit - now;
      }
      if (i == r.firstBatchedCount(n)) {
        r.firstNanos = System.nanoTime() - start - generating;
      }
      if (i % step == 0) {
        double s = (System.nanoTime() - start - generating) / 1e9;
        say("bench %s: %,d messages in %.0f s (%,.0f msg/s so far)", name, i, s, i / s);
      }
    }
    store.commit();
    store.refresh();
    r.commits++;
    r.ingestNanos = System.nanoTime() - start - generating;
    r.commitNanos = commitNanos;
    r.generatingNanos = generating;
    r.size = store.size();
    say(
        "bench %s: ingest %,d messages (%,d upserts, %d commits) in %.1f s: %,.0f msg/s,"
            + " %,.0f upserts/s (commits %.1f s of it; data generation %.1f s not counted);"
            + " size %,d",
        name,
        n,
        r.upserts,
        r.commits,
        r.ingestNanos / 1e9,
        r.messagesPerSecond(n),
        r.upserts / (r.ingestNanos / 1e9),
        commitNanos / 1e9,
        generating / 1e9,
        r.size);

    for (Query q : warmUp) {
      try {
        q.run(store);
      } catch (UnsupportedOperationException e) {
        // measured below as not supported
      }
    }
    for (Query q : qs) {
      long t0 = System.nanoTime();
      SEMANTIC.set(0);
      int hits;
      try {
        hits = q.run(store);
      } catch (UnsupportedOperationException e) {
        r.unsupported.put(q.kind(), e.getMessage());
        continue;
      }
      long t = System.nanoTime() - t0;
      r.times.computeIfAbsent(q.kind(), k -> new ArrayList<>()).add(t);
      r.hits.merge(q.kind(), (long) hits, Long::sum);
      r.semantic.merge(q.kind(), SEMANTIC.get(), Long::sum);
    }
    say("bench %s: %d queries after %d warm-up", name, qs.size(), warmUp.size());
    return r;
  }

  /**
   * The same first messages into a fresh collection, {@value #BATCH} documents a request (what
   * batching in SolrMessageStore would buy), soft commit every 2000 and hard commit every 2 s, as
   * the one-at-a-time run.
   */
  private Batched batched(SolrCluster cluster, int count) throws Exception {
    String collection = "batched";
    SolrMessageStore.createCollection(cluster.client(), collection, DIMENSION, 1, 1);
    Workspace w = new Workspace(SEED);
    List<SolrInputDocument> docs = new ArrayList<>();
    long generating = 0;
    long start = System.nanoTime();
    long lastCommit = start;
    int sinceSoft = 0;
    for (int i = 1; i <= count; i++) {
      long g0 = System.nanoTime();
      Workspace.Next next = w.next();
      docs.add(SolrDocuments.toSolr(next.message()));
      if (next.item() != null) {
        docs.add(SolrDocuments.toSolr(next.item()));
      }
      generating += System.nanoTime() - g0;
      if (docs.size() >= BATCH || i == count) {
        sinceSoft += docs.size();
        cluster.client().add(collection, docs);
        docs = new ArrayList<>();
        if (sinceSoft >= 2000) {
          cluster.client().commit(collection, true, true, true);
          sinceSoft = 0;
        }
        if (System.nanoTime() - lastCommit >= COMMIT_EVERY_NANOS) {
          cluster.client().commit(collection);
          lastCommit = System.nanoTime();
        }
      }
    }
    cluster.client().commit(collection);
    long nanos = System.nanoTime() - start - generating;
    say(
        "bench solr batched: %,d messages, %d docs a request, in %.1f s: %,.0f msg/s",
        count, BATCH, nanos / 1e9, count / (nanos / 1e9));
    return new Batched(count, nanos);
  }

  private static String shape(CloudSolrClient client, String collection) throws IOException {
    DocCollection c = client.getClusterStateProvider().getCollection(collection);
    return String.format(
        Locale.ROOT,
        "in-process MiniSolrCloudCluster, %d live node(s) on 127.0.0.1, embedded ZooKeeper;"
            + " collection %s: %d shard(s) x %d replica(s) (%s)",
        client.getClusterStateProvider().getLiveNodes().size(),
        collection,
        c.getSlices().size(),
        c.getReplicationFactor(),
        c.getReplicas().stream().map(r -> r.getType().name()).distinct().toList());
  }

  // ---------------------------------------------------------------------------------------------
  // The table

  private void table(int n, Result lucene, Result solr, Batched batched) {
    say("");
    say("=== StoreScaleBenchmark: %,d messages, one run ===", n);
    say("%-18s %14s %14s %12s", "ingest (upsert)", "Lucene", "SolrCloud", "Solr/Lucene");
    say(
        "%-18s %14s %14s %12.2f",
        "messages/s",
        fmt(lucene.messagesPerSecond(n)),
        fmt(solr.messagesPerSecond(n)),
        solr.messagesPerSecond(n) / lucene.messagesPerSecond(n));
    say(
        "%-18s %14.1f %14.1f %12.2f",
        "seconds",
        lucene.ingestNanos / 1e9,
        solr.ingestNanos / 1e9,
        (double) solr.ingestNanos / lucene.ingestNanos);
    say("%-18s %14d %14d", "hard commits", lucene.commits, solr.commits);
    say(
        "%-18s %14.1f %14.1f",
        "  of which commit s", lucene.commitNanos / 1e9, solr.commitNanos / 1e9);
    say("%-18s %,14d %,14d", "upserts", lucene.upserts, solr.upserts);
    say("%-18s %,14d %,14d", "size()", lucene.size, solr.size);
    if (batched != null) {
      int first = lucene.firstBatchedCount(n);
      double oneByOne = first / (solr.firstNanos / 1e9);
      double inBatches = batched.count / (batched.nanos / 1e9);
      say(
          "Solr, first %,d messages: one upsert a request %s msg/s; %d docs a request %s msg/s"
              + " (x%.1f)",
          first, fmt(oneByOne), BATCH, fmt(inBatches), inBatches / oneByOne);
    }
    say("");
    say(
        "%-16s %4s | %9s %9s | %9s %9s | %7s %7s | %9s %9s",
        "search (ms)",
        "n",
        "Lucene p50",
        "p99",
        "Solr p50",
        "p99",
        "x p50",
        "x p99",
        "hits/q L",
        "hits/q S");
    List<String> kinds = new ArrayList<>(lucene.times.keySet());
    solr.unsupported.keySet().stream().filter(k -> !kinds.contains(k)).forEach(kinds::add);
    List<Long> allL = new ArrayList<>();
    List<Long> allS = new ArrayList<>();
    for (String kind : kinds) {
      List<Long> l = lucene.times.getOrDefault(kind, List.of());
      List<Long> s = solr.times.getOrDefault(kind, List.of());
      if (!s.isEmpty()) {
        allL.addAll(l);
        allS.addAll(s);
      }
      row(kind, l, s, lucene.hits.getOrDefault(kind, 0L), solr.hits.getOrDefault(kind, 0L));
    }
    row("ALL (both ran)", allL, allS, -1, -1);
    solr.unsupported.forEach((k, why) -> say("solr %s: not measured, %s", k, why));
    say(
        "hybrid: %d (Lucene) and %d (Solr) of the hits came from the vector half (knn)",
        lucene.semantic.getOrDefault("hybrid (vector)", 0L),
        solr.semantic.getOrDefault("hybrid (vector)", 0L));
    say("p99 of ~%d samples a kind is close to the slowest; ALL is over every query", PER_KIND);
  }

  private void row(String kind, List<Long> l, List<Long> s, long hitsL, long hitsS) {
    double l50 = pct(l, 50);
    double l99 = pct(l, 99);
    double s50 = pct(s, 50);
    double s99 = pct(s, 99);
    say(
        "%-16s %4d | %9s %9s | %9s %9s | %7s %7s | %9s %9s",
        kind,
        Math.max(l.size(), s.size()),
        ms(l50),
        ms(l99),
        ms(s50),
        ms(s99),
        ratio(s50, l50),
        ratio(s99, l99),
        hitsL < 0 || l.isEmpty()
            ? ""
            : String.format(Locale.ROOT, "%.1f", hitsL / (double) l.size()),
        hitsS < 0 || s.isEmpty()
            ? ""
            : String.format(Locale.ROOT, "%.1f", hitsS / (double) s.size()));
  }

  /** Nearest-rank percentile in ms; NaN when nothing was measured. */
  private static double pct(List<Long> nanos, int p) {
    if (nanos.isEmpty()) {
      return Double.NaN;
    }
    long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)] / 1e6;
  }

  private static String ms(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f", v);
  }

  private static String ratio(double a, double b) {
    return Double.isNaN(a) || Double.isNaN(b) ? "n/a" : String.format(Locale.ROOT, "%.1f", a / b);
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%,.0f", v);
  }

  private void say(String format, Object... args) {
    String line = String.format(Locale.ROOT, format, args);
    System.out.println(line);
    file.println(line);
  }

  private static long du(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(StoreScaleBenchmark::sizeOf).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long sizeOf(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      return 0;
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted((a, b) -> b.compareTo(a)).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** What one backend measured. */
  private static final class Result {
    final String name;
    long upserts;
    int commits;
    long ingestNanos;
    long commitNanos;
    long generatingNanos;
    long firstNanos;
    int size;
    final Map<String, List<Long>> times = new LinkedHashMap<>();
    final Map<String, Long> hits = new LinkedHashMap<>();
    final Map<String, String> unsupported = new LinkedHashMap<>();
    final Map<String, Long> semantic = new LinkedHashMap<>();

    Result(String name) {
      this.name = name;
    }

    double messagesPerSecond(int n) {
      return n / (ingestNanos / 1e9);
    }

    /** The prefix whose one-at-a-time rate is compared with batched adds. */
    int firstBatchedCount(int n) {
      return Math.min(n, Integer.getInteger("sift.bench.batched", 100_000));
    }
  }

  private record Batched(int count, long nanos) {}

  // ---------------------------------------------------------------------------------------------
  // The queries

  /** One timed request of a kind; returns how many results it found. */
  private record Query(String kind, java.util.function.ToIntFunction<MessageStore> action) {
    int run(MessageStore store) {
      return action.applyAsInt(store);
    }

    /** {@code perKind} queries of each kind, interleaved, from {@code r}. */
    static List<Query> fixed(SplittableRandom r, int n, int perKind) {
      Workspace w = new Workspace(SEED); // the same channels, users and topics as the data
      Set<String> visible = new HashSet<>();
      for (int c = 0; c < CHANNELS; c++) {
        if (c % 4 != 3) {
          visible.add(w.channelId(c)); // the asker sees three channels in four
        }
      }
      long firstMicros = Workspace.START_MICROS;
      long lastMicros = Workspace.START_MICROS + (long) n * Workspace.MEAN_GAP_MICROS;
      List<Query> out = new ArrayList<>();
      for (int i = 0; i < perKind; i++) {
        out.add(search("word", w.word(r), null, visible));
        out.add(search("two words", w.word(r) + " " + w.word(r), null, visible));
        out.add(search("phrase", "\"" + w.bigram(r) + "\"", null, visible));
        int c = w.channel(r);
        out.add(search("in:#channel", "in:#" + w.channelName(c) + " " + w.word(r), null, visible));
        String user = w.userName(w.user(r));
        out.add(
            search(
                "from:@user",
                r.nextBoolean() ? "from:@" + user : "from:@" + user + " " + w.word(r),
                null,
                visible));
        String[] triage = {
          "status:open priority:p1",
          "priority:p1,p2 status:open category:incident",
          "category:bug status:acked",
          "is:thread priority:p2",
          "has:link category:question",
          "status:resolved priority:p1 sort:date"
        };
        out.add(search("triage filters", triage[r.nextInt(triage.length)], null, visible));
        out.add(
            search(
                "hybrid (vector)",
                "\"" + w.rareWord(r) + " " + w.rareWord(r) + "\"",
                w.vector(r, r.nextInt(TOPICS)),
                visible));
        float[] v = w.vector(r, r.nextInt(TOPICS));
        long at = firstMicros + (long) (r.nextDouble() * (lastMicros - firstMicros));
        Instant to = Instant.ofEpochSecond(at / 1_000_000, (at % 1_000_000) * 1000);
        out.add(
            new Query(
                "similarOpenItems",
                s -> s.similarOpenItems(v, to.minusSeconds(4 * 3600), to, 5).size()));
        String ch = r.nextInt(3) == 0 ? null : w.channelId(w.channel(r));
        Instant since = to.minusSeconds(7 * 86400);
        boolean replies = r.nextInt(3) == 0;
        out.add(
            new Query(
                "items() digest",
                s ->
                    s.items()
                        .items(
                            replies
                                ? new ItemQuery(
                                    ch,
                                    since,
                                    Set.of(),
                                    EnumSet.of(Status.OPEN, Status.ACKED),
                                    ItemQuery.Order.REPLIES,
                                    10)
                                : ItemQuery.openUrgent(ch, since, 20))
                        .size()));
      }
      return out;
    }

    private static Query search(String kind, String q, float[] vector, Set<String> visible) {
      SearchRequest request = new SearchRequest(q, vector, visible, 20, UTC, TEAM);
      return new Query(
          kind,
          s -> {
            List<SearchHit> hits = s.search().search(request);
            SEMANTIC.addAndGet(hits.stream().filter(SearchHit::semantic).count());
            return hits.size();
          });
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The workspace

  /**
   * A deterministic synthetic Slack workspace, generated one message at a time from a seed (nothing
   * of size n is held): Zipf-distributed words, channels and users; about 10% thread replies and 3%
   * further reports of an open item (each also rewrites its item, as triage does), the rest
   * top-level messages, which Sift stores as items (Triager.newItem). About 15% of all messages are
   * triaged work (incident, bug, question, request, access, billing; P1-P4; open, acked or
   * resolved, as their final state), the other items are chatter (social, discussion, announcement;
   * P3/P4; open, as a new item is). Vectors are random unit vectors near one of {@value #TOPICS}
   * topic centroids.
   */
  static final class Workspace {
    static final long START_MICROS = 1_735_689_600_000_000L; // 2025-01-01
    static final long MEAN_GAP_MICROS = 30_000_000L; // a message every 30 s on average
    static final String[] VOCABULARY =
        ("the to a is and i it of for in on we this that be with you not can have are was"
                + " but so if do at just from it's there any what when how or about all get"
                + " up out has now will one know no an my they by our me yes ok thanks please"
                + " could would should need see still also new some then time here today"
                + " login portal deploy build server error down failed failing issue bug fix"
                + " release prod production staging test tests customer client ticket page"
                + " api request response timeout latency slow cpu memory disk database db"
                + " query index search cache queue worker job cron pipeline ci merge branch"
                + " pr review approve rollback outage incident alert pager oncall sla"
                + " dashboard metrics logs trace exception stack null pointer config env"
                + " password reset access permission role admin account user users team"
                + " meeting standup sync call agenda notes doc docs wiki spec design mockup"
                + " feature flag rollout canary region eu us east west cluster node pod"
                + " kubernetes docker image container helm terraform aws gcp azure bucket"
                + " invoice billing payment refund charge plan upgrade downgrade trial"
                + " contract renewal sales lead demo onboarding training support help"
                + " question answer thanks great nice cool lol congrats welcome lunch coffee"
                + " friday monday weekend holiday vacation sick ooo back soon later tomorrow"
                + " yesterday morning afternoon evening week month quarter roadmap okr goal"
                + " priority urgent blocker critical major minor low high medium estimate"
                + " sprint backlog story epic task subtask assignee owner status open closed"
                + " resolved done wip blocked waiting pending investigating mitigated"
                + " monitoring postmortem rca root cause impact users affected error rate"
                + " 500 502 503 404 ssl cert dns cdn load balancer firewall vpn sso okta"
                + " saml oauth token expired session cookie browser chrome safari mobile ios"
                + " android app crash freeze hang upload download export import csv pdf"
                + " email notification webhook integration slack jira github gitlab jenkins"
                + " grafana prometheus datadog sentry kafka redis postgres mysql mongo"
                + " elasticsearch solr lucene vector embedding model ml training inference")
            .split(" ");
    private static final String[] CHANNEL_PREFIXES = {
      "support", "eng", "ops", "client", "team", "proj", "help", "random", "general", "alerts"
    };
    private static final String[] NAMES = {
      "ann", "ben", "maria", "li", "omar", "sofia", "raj", "yuki", "pavel", "ines", "tom", "nadia",
      "kofi", "eva", "jon", "amara", "lucas", "mei", "diego", "hana"
    };
    private static final String[] WORK = {
      "incident", "bug", "question", "request", "access", "billing"
    };
    private static final String[] CHATTER = {"social", "discussion", "announcement"};
    private static final int RECENT = 16;

    private final SplittableRandom r;
    private final Zipf words = new Zipf(VOCABULARY.length, 1.0);
    private final Zipf channels = new Zipf(CHANNELS, 0.9);
    private final Zipf users = new Zipf(USERS, 0.8);
    private final float[][] centroids = new float[TOPICS][];

    /** Per channel, its latest items (ring), which replies and reports join. */
    private final TriagedMessage[][] recent = new TriagedMessage[CHANNELS][RECENT];

    private final int[] recentCount = new int[CHANNELS];
    private long micros = START_MICROS;

    Workspace(long seed) {
      SplittableRandom fixed = new SplittableRandom(seed);
      for (int t = 0; t < TOPICS; t++) {
        float[] c = new float[DIMENSION];
        for (int d = 0; d < DIMENSION; d++) {
          c[d] = (float) fixed.nextGaussian();
        }
        centroids[t] = Vectors.normalize(c);
      }
      this.r = fixed.split();
    }

    /** A message to upsert, and the item it rewrites (null for a new item). */
    record Next(TriagedMessage message, TriagedMessage item) {}

    Next next() {
      micros += 1 + r.nextLong(2 * MEAN_GAP_MICROS);
      String ts =
          (micros / 1_000_000) + "." + String.format(Locale.ROOT, "%06d", micros % 1_000_000);
      int c = channel(r);
      int u = user(r);
      int topic = r.nextInt(TOPICS);
      String text = text(r);
      boolean link = r.nextInt(20) == 0;
      List<String> links =
          link ? List.of("https://example.com/t/" + r.nextInt(100_000)) : List.of();
      if (link) {
        text = text + " " + links.get(0);
      }
      List<String> files =
          r.nextInt(50) == 0 ? List.of("screenshot-" + r.nextInt(1000) + ".png") : List.of();
      boolean bot = r.nextInt(50) == 0;
      int roll = r.nextInt(100);
      int known = Math.min(recentCount[c], RECENT);
      if (roll < 13 && known > 0) {
        int slot = (recentCount[c] - 1 - r.nextInt(known)) % RECENT;
        TriagedMessage item = recent[c][slot];
        boolean reply = roll < 10;
        Message m = message(c, ts, reply ? item.message().ts() : null, u, text, links, files, bot);
        Verdict v = reply ? chatter(r) : item.verdict();
        TriagedMessage stored =
            TriagedMessage.partOf(
                m, v, vector(r, topic), reply ? Role.REPLY : Role.REPORT, item.key());
        TriagedMessage updated = reply ? item.withReply(m) : item.withReport(m);
        recent[c][slot] = updated;
        return new Next(stored, updated);
      }
      Message m = message(c, ts, null, u, text, links, files, bot);
      boolean work = r.nextInt(100) < 17;
      TriagedMessage item =
          TriagedMessage.newItem(m, work ? work(r) : chatter(r), vector(r, topic));
      if (work) {
        int s = r.nextInt(100);
        item = item.withStatus(s < 30 ? Status.OPEN : s < 45 ? Status.ACKED : Status.RESOLVED);
      }
      recent[c][recentCount[c]++ % RECENT] = item;
      return new Next(item, null);
    }

    private Message message(
        int c,
        String ts,
        String threadTs,
        int u,
        String text,
        List<String> links,
        List<String> files,
        boolean bot) {
      return new Message(
          TEAM,
          channelId(c),
          channelName(c),
          ts,
          threadTs,
          "U" + String.format(Locale.ROOT, "%05d", u),
          userName(u),
          text,
          null,
          false,
          bot,
          links,
          files);
    }

    private static Verdict work(SplittableRandom r) {
      String category = WORK[r.nextInt(WORK.length)];
      int p = r.nextInt(100);
      Priority priority =
          p < 10 ? Priority.P1 : p < 35 ? Priority.P2 : p < 75 ? Priority.P3 : Priority.P4;
      return new Verdict(
          category,
          priority,
          0.5 + r.nextDouble() / 2,
          r.nextDouble() / 2,
          List.of(category + " (embedded)"),
          Verdict.EMBEDDED);
    }

    private static Verdict chatter(SplittableRandom r) {
      String category = CHATTER[r.nextInt(CHATTER.length)];
      return new Verdict(
          category,
          r.nextInt(4) == 0 ? Priority.P3 : Priority.P4,
          0.5 + r.nextDouble() / 2,
          r.nextDouble() / 2,
          List.of(category + " (embedded)"),
          Verdict.EMBEDDED);
    }

    private String text(SplittableRandom r) {
      StringBuilder s = new StringBuilder();
      for (int k = 3 + r.nextInt(25); k > 0; k--) {
        s.append(s.length() == 0 ? "" : r.nextInt(12) == 0 ? ". " : " ").append(word(r));
      }
      return s.toString();
    }

    /** A unit vector near a topic's centroid, cheaply: uniform noise added, normalised. */
    float[] vector(SplittableRandom r, int topic) {
      float[] c = centroids[topic];
      float[] v = new float[DIMENSION];
      for (int d = 0; d < DIMENSION; d++) {
        v[d] = c[d] + 0.1f * (2 * (float) r.nextDouble() - 1);
      }
      return Vectors.normalize(v);
    }

    String word(SplittableRandom r) {
      return VOCABULARY[words.sample(r)];
    }

    /** A word from the less frequent half of the vocabulary. */
    String rareWord(SplittableRandom r) {
      return VOCABULARY[VOCABULARY.length / 2 + r.nextInt(VOCABULARY.length / 2)];
    }

    /** Two words as a message might have them together. */
    String bigram(SplittableRandom r) {
      String[] t = text(r).replace(".", "").split(" ");
      int i = r.nextInt(t.length - 1);
      return t[i] + " " + t[i + 1];
    }

    int channel(SplittableRandom r) {
      return channels.sample(r);
    }

    int user(SplittableRandom r) {
      return users.sample(r);
    }

    String channelId(int c) {
      return "C" + String.format(Locale.ROOT, "%05d", c);
    }

    String channelName(int c) {
      return CHANNEL_PREFIXES[c % CHANNEL_PREFIXES.length] + "-" + c;
    }

    String userName(int u) {
      return NAMES[u % NAMES.length] + u;
    }
  }

  /** Ranks 0..n-1 with probability proportional to 1/(rank+1)^s. */
  private static final class Zipf {
    private final double[] cumulative;

    Zipf(int n, double s) {
      cumulative = new double[n];
      double sum = 0;
      for (int i = 0; i < n; i++) {
        sum += 1 / Math.pow(i + 1, s);
        cumulative[i] = sum;
      }
    }

    int sample(SplittableRandom r) {
      double u = r.nextDouble() * cumulative[cumulative.length - 1];
      int i = Arrays.binarySearch(cumulative, u);
      return Math.min(cumulative.length - 1, i >= 0 ? i : -i - 1);
    }
  }
}

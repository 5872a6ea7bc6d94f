package dev.sift.bot.cli;

import dev.sift.bot.Sift;
import dev.sift.bot.config.SiftConfig;
import dev.sift.index.SearchRequest;
import dev.sift.index.SlackQuery;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sift bench search}: search latency over an existing index, the way a user types queries
 * (keywords, phrases, filters, hybrid), and the heap the process keeps once garbage is collected.
 * Figures are printed, never asserted: the machines are shared and noisy.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    header = "Measure search latency and heap over the index in --data.",
    description = {
      "Measure search latency (p50/p90/p99) and heap after GC over the index in --data.",
      "Build the index first, e.g. with: sift replay EXPORT --data DIR"
    })
final class BenchCommand implements Callable<Integer> {

  /** A mix of what people type: plain words, phrases, Slack filters, triage fields, paraphrases. */
  static final List<String> QUERIES =
      List.of(
          "login",
          "portal down",
          "\"can't log in\"",
          "invoice",
          "sso tenant",
          "deadline friday",
          "password reset",
          "export data",
          "safari nav",
          "cache",
          "launch freeze",
          "workshop",
          "in:#eng deploy",
          "in:#support admin",
          "from:@Chloé globex",
          "priority:p1",
          "priority:p1,p2 status:open",
          "category:incident login",
          "category:request after:2026-01-01",
          "has:link review",
          "is:thread prod",
          "design draft sort:date",
          "sign-in page broken for the client",
          "the site is unreachable since this morning",
          "who can approve my holiday");

  @Mixin CommonOptions common;

  @Option(names = "--runs", defaultValue = "2000", description = "Timed searches.")
  int runs;

  @Option(names = "--warmup", defaultValue = "300", description = "Untimed searches first.")
  int warmup;

  @Option(names = "--limit", defaultValue = "10", description = "Results per search.")
  int limit;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    SiftConfig config = common.resolve();
    Path indexDir = config.dataDir().resolve("index");
    if (!Files.isDirectory(indexDir)) {
      throw new IllegalArgumentException(
          "no index at " + indexDir + "; build one first with: sift replay EXPORT --data DIR");
    }
    try (Sift sift = new Sift(config)) {
      int docs = sift.index().size();
      out.printf("index: %,d messages, %s on disk%n", docs, megabytes(sizeOf(indexDir)));
      List<String> order = shuffled(runs + warmup);
      long[] all = new long[runs];
      List<Long> keywordOnly = new ArrayList<>();
      List<Long> withVector = new ArrayList<>();
      for (int i = 0; i < order.size(); i++) {
        String q = order.get(i);
        long start = System.nanoTime();
        SlackQuery parsed = SlackQuery.parse(q, config.zone());
        float[] vector =
            parsed.freeText().isBlank() ? null : sift.embedder().embed(parsed.freeText());
        sift.search().search(new SearchRequest(q, vector, null, limit, config.zone()));
        long took = System.nanoTime() - start;
        if (i >= warmup) {
          all[i - warmup] = took;
          (vector == null ? keywordOnly : withVector).add(took);
        }
      }
      out.printf(
          "search, %d queries after %d warm-up (%d distinct, embedding the query included):%n",
          runs, warmup, QUERIES.size());
      out.println("  all:            " + percentiles(all));
      out.println("  with free text: " + percentiles(toArray(withVector)));
      out.println("  filters only:   " + percentiles(toArray(keywordOnly)));
      out.printf("heap after GC (model and index open): %s%n", megabytes(heapAfterGc()));
      residentSetSize()
          .ifPresent(
              rss ->
                  out.printf(
                      "resident set size: %s (the ONNX model and Lucene's memory maps live"
                          + " outside the heap)%n",
                      megabytes(rss)));
    }
    return 0;
  }

  private List<String> shuffled(int n) {
    List<String> order = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      order.add(QUERIES.get(i % QUERIES.size()));
    }
    Collections.shuffle(order, new Random(42));
    return order;
  }

  private static long[] toArray(List<Long> values) {
    return values.stream().mapToLong(Long::longValue).toArray();
  }

  /** "p50 1.2 ms, p90 …, p99 …, max …" over nanosecond timings. */
  static String percentiles(long[] nanos) {
    if (nanos.length == 0) {
      return "no samples";
    }
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return String.format(
        "p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms (n=%d)",
        millis(percentile(sorted, 50)),
        millis(percentile(sorted, 90)),
        millis(percentile(sorted, 99)),
        millis(sorted[sorted.length - 1]),
        sorted.length);
  }

  /** Nearest-rank percentile of sorted values. */
  static long percentile(long[] sorted, double p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static double millis(long nanos) {
    return nanos / 1e6;
  }

  private static long heapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** VmRSS from /proc on Linux; empty elsewhere. */
  private static Optional<Long> residentSetSize() {
    Path status = Path.of("/proc/self/status");
    if (!Files.isReadable(status)) {
      return Optional.empty();
    }
    try (Stream<String> lines = Files.lines(status)) {
      return lines
          .filter(l -> l.startsWith("VmRSS:"))
          .map(l -> Long.parseLong(l.replaceAll("\\D", "")) * 1024)
          .findFirst();
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static long sizeOf(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(BenchCommand::size).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }

  private static String megabytes(long bytes) {
    return String.format("%.1f MB", bytes / 1e6);
  }
}

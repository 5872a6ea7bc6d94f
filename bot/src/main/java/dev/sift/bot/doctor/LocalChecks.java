package dev.sift.bot.doctor;

import dev.langchain4j.model.chat.ChatModel;
import dev.sift.bot.config.SiftConfig;
import dev.sift.bot.llm.ChatModels;
import dev.sift.index.IndexGuard;
import dev.sift.triage.taxonomy.TaxonomyLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;

/**
 * The checks on this machine and beyond Slack: the taxonomy, the data dir (writable, free space,
 * the index whole, failed events waiting), and the LLM provider with one tiny call.
 */
final class LocalChecks {
  /** Below this much free space the journal and the index's merges may fail. */
  static final long FAIL_BELOW_BYTES = 100L << 20;

  /** Below this, a busy workspace fills the disk within weeks. */
  static final long WARN_BELOW_BYTES = 1L << 30;

  private final SiftConfig config;
  private final OkHttpClient http;
  private final Function<String, String> env;

  LocalChecks(SiftConfig config, OkHttpClient http, Function<String, String> env) {
    this.config = config;
    this.http = http;
    this.env = env;
  }

  List<Finding> run() {
    List<Finding> found = new ArrayList<>();
    found.add(taxonomy());
    found.addAll(dataDir());
    found.add(llm());
    return found;
  }

  private Finding taxonomy() {
    if (config.taxonomyFile() == null) {
      return Finding.ok("taxonomy", "the built-in categories.");
    }
    try {
      int n = TaxonomyLoader.load(config.taxonomyFile()).categories().size();
      return Finding.ok("taxonomy", config.taxonomyFile() + ": " + n + " categories.");
    } catch (RuntimeException e) {
      return Finding.fail(
          "taxonomy", e.getMessage() + ".", "correct " + config.taxonomyFile() + " as it says.");
    }
  }

  private List<Finding> dataDir() {
    Path dir = config.dataDir().toAbsolutePath();
    List<Finding> found = new ArrayList<>();
    Path existing = dir;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null || !Files.isDirectory(existing)) {
      found.add(
          Finding.fail(
              "data dir",
              dir + " cannot be created: " + existing + " is not a folder.",
              "point data_dir (or --data, SIFT_DATA) at a folder."));
      return found;
    }
    if (!writable(existing)) {
      found.add(
          Finding.fail(
              "data dir",
              existing + " is not writable by this user.",
              "give this user write access, or point data_dir (or --data) elsewhere."));
      return found;
    }
    found.add(
        Finding.ok(
            "data dir", dir + (existing.equals(dir) ? " is writable." : " will be created.")));
    found.add(freeSpace(existing));
    found.add(index(dir.resolve("index")));
    failedEvents(dir.resolve("failed-events.jsonl")).ifPresent(found::add);
    return found;
  }

  private static boolean writable(Path dir) {
    try {
      Path probe = Files.createTempFile(dir, ".sift-doctor", ".tmp");
      Files.delete(probe);
      return true;
    } catch (IOException | SecurityException e) {
      return false;
    }
  }

  private static Finding freeSpace(Path dir) {
    long free;
    try {
      free = Files.getFileStore(dir).getUsableSpace();
    } catch (IOException e) {
      return Finding.warn("free space", "cannot tell: " + e.getMessage() + ".", null);
    }
    String shown = String.format("%,d MiB free", free >> 20);
    if (free < FAIL_BELOW_BYTES) {
      return Finding.fail(
          "free space",
          shown + ": the journal and the index cannot write safely.",
          "free space on that disk or move data_dir.");
    }
    if (free < WARN_BELOW_BYTES) {
      return Finding.warn(
          "free space", shown + ", under 1 GiB.", "free space on that disk or move data_dir.");
    }
    return Finding.ok("free space", shown + ".");
  }

  private static Finding index(Path index) {
    try {
      String problem = IndexGuard.check(index);
      if (problem == null) {
        return Finding.ok(
            "index",
            Files.isDirectory(index) ? "its files are whole." : "none yet; `sift run` builds it.");
      }
      return Finding.fail(
          "index",
          "damaged: " + problem + ".",
          "start `sift run`: it moves the damaged index aside and rebuilds it from the journal"
              + " and Slack's history.");
    } catch (IllegalStateException e) {
      return Finding.ok("index", "in use by a running Sift (checked at its start).");
    } catch (UncheckedIOException e) {
      return Finding.fail(
          "index", e.getMessage() + ".", "give this user access to " + index + " and its files.");
    }
  }

  private static java.util.Optional<Finding> failedEvents(Path file) {
    if (!Files.isRegularFile(file)) {
      return java.util.Optional.empty();
    }
    try (Stream<String> lines = Files.lines(file)) {
      long n = lines.filter(l -> !l.isBlank()).count();
      return n == 0
          ? java.util.Optional.empty()
          : java.util.Optional.of(
              Finding.warn(
                  "failed events",
                  n + " event(s) failed triage and wait in " + file + ".",
                  "read the errors in that file; `sift run` retries them at each start."));
    } catch (IOException | UncheckedIOException e) {
      return java.util.Optional.of(
          Finding.warn("failed events", "cannot read " + file + ": " + e.getMessage(), null));
    }
  }

  private Finding llm() {
    var settings = config.llm();
    if (settings == null) {
      return Finding.ok("llm", "none configured: the embedded classifier decides alone.");
    }
    String which = settings.provider() + " " + settings.model();
    try {
      ChatModel model = ChatModels.create(settings, http, env);
      long start = System.nanoTime();
      String answer = model.chat("Reply with the single word OK.");
      long millis = (System.nanoTime() - start) / 1_000_000;
      return Finding.ok(
          "llm",
          which
              + " answered a one-line test in "
              + millis
              + " ms"
              + (answer == null || answer.isBlank() ? " (with nothing)" : "")
              + ".");
    } catch (RuntimeException e) {
      return Finding.fail(
          "llm",
          which + " did not answer: " + e.getMessage() + ".",
          "check llm.base_url, llm.model and the key in "
              + (settings.keyVariable() == null
                  ? "the provider's key variable"
                  : settings.keyVariable())
              + "; Sift still triages without it.");
    }
  }
}

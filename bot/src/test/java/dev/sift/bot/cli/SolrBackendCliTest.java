package dev.sift.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.bot.feedback.Correction;
import dev.sift.bot.feedback.CorrectionLog;
import dev.sift.index.MessageStore;
import dev.sift.index.Selection;
import dev.sift.index.SharedNotes;
import dev.sift.index.solr.SolrCluster;
import dev.sift.index.solr.SolrMessageStore;
import dev.sift.triage.message.MessageKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line on a SolrCloud index, as a user configures it ({@code index: {backend: solr}}),
 * against an in-process cluster on 127.0.0.1: the sample replayed and searched there, and an
 * embedded index moved there with {@code sift reindex}, finding what it found before.
 */
class SolrBackendCliTest {
  private static final Path SAMPLE = Path.of("..", "samples", "northwind-week.zip");

  @RegisterExtension static final SolrCluster solr = SolrCluster.perClass();

  @Test
  void the_sample_replays_into_solr_and_is_searched_and_digested_there(@TempDir Path dir)
      throws Exception {
    Path config = config(dir, dir.resolve("data"), "replayed-");

    Cli replay =
        Cli.run(
            "replay",
            SAMPLE.toString(),
            "--config",
            config.toString(),
            "--workspace-domain",
            "northwind");
    assertThat(replay.exitCode()).as(replay.err()).isZero();
    assertThat(replay.out()).contains("9 channels, 857 messages").contains("Open P1/P2 queue:");

    Cli search = Cli.run("search", "portal category:incident", "--config", config.toString());
    assertThat(search.exitCode()).as(search.err()).isZero();
    assertThat(search.out()).contains("incident").containsPattern("\\d+ results? for");

    Cli digest =
        Cli.run("digest", "--channel", "#support", "--since", "7d", "--config", config.toString());
    assertThat(digest.exitCode()).as(digest.err()).isZero();
    assertThat(digest.out()).contains("Digest of #support").contains("by category");
    // Nothing of the index went to the data folder: only the cluster holds it.
    assertThat(dir.resolve("data").resolve("index")).doesNotExist();
  }

  @Test
  void an_embedded_index_moved_by_reindex_finds_what_it_found_before(@TempDir Path dir)
      throws Exception {
    Path data = dir.resolve("data");
    assertThat(Cli.run("replay", SAMPLE.toString(), "--data", data.toString()).exitCode()).isZero();
    Cli before = Cli.run("search", "login broken", "--data", data.toString());
    assertThat(before.exitCode()).as(before.err()).isZero();
    Cli filteredBefore =
        Cli.run("search", "in:#support category:incident", "--data", data.toString());

    Path config = config(dir, data, "moved-");
    Cli reindex =
        Cli.run("reindex", "--from", "lucene", "--to", "solr", "--config", config.toString());

    assertThat(reindex.exitCode()).as(reindex.out() + reindex.err()).isZero();
    assertThat(reindex.out()).containsPattern("Copied 8\\d\\d messages from lucene to solr");
    Matcher sizes =
        Pattern.compile("messages in lucene: ([\\d,]+); in solr now: ([\\d,]+)")
            .matcher(reindex.out());
    assertThat(sizes.find()).as(reindex.out()).isTrue();
    assertThat(sizes.group(2)).isEqualTo(sizes.group(1));

    // Filters alone are exact on both backends: the same messages in the same order.
    Cli filteredAfter =
        Cli.run("search", "in:#support category:incident", "--config", config.toString());
    assertThat(filteredAfter.exitCode()).as(filteredAfter.err()).isZero();
    assertThat(resultLines(filteredAfter.out())).isEqualTo(resultLines(filteredBefore.out()));
    // Words add a nearest-neighbour search, which both engines answer from an approximate (HNSW)
    // graph built in a different order: nearly all the same hits, not necessarily all.
    Cli after = Cli.run("search", "login broken", "--config", config.toString());
    assertThat(after.exitCode()).as(after.err()).isZero();
    List<String> hitsBefore = hits(before.out());
    List<String> hitsAfter = hits(after.out());
    assertThat(hitsAfter).hasSameSizeAs(hitsBefore);
    assertThat(hitsAfter.stream().filter(hitsBefore::contains).count())
        .isGreaterThanOrEqualTo(hitsBefore.size() * 8 / 10);

    Cli again = Cli.run("reindex", "--from", "solr", "--to", "solr", "--config", config.toString());
    assertThat(again.exitCode()).isNotZero();
    assertThat(again.err()).contains("nothing to copy");
  }

  @Test
  void an_unreachable_cluster_is_named_in_a_clear_error(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("sift.yml");
    Files.writeString(
        config, "data_dir: data\nindex:\n  backend: solr\n  url: http://127.0.0.1:9/solr\n");

    Cli search = Cli.run("search", "anything", "--config", config.toString());

    assertThat(search.exitCode()).isNotZero();
    assertThat(search.err()).contains("cannot reach Solr at http://127.0.0.1:9/solr");
  }

  @Test
  void a_person_is_purged_from_the_collection_and_the_shared_corrections(@TempDir Path dir)
      throws Exception {
    Path config = config(dir, dir.resolve("data"), "purged-");
    assertThat(
            Cli.run(
                    "replay",
                    SAMPLE.toString(),
                    "--config",
                    config.toString(),
                    "--workspace-domain",
                    "northwind")
                .exitCode())
        .isZero();
    String maya = "U0CX3F8E9RW";
    try (MessageStore store =
        SolrMessageStore.connect(List.of(solr.url()), "purged-messages", 384)) {
      List<MessageKey> hers = store.keys(Selection.user(maya));
      assertThat(hers).isNotEmpty();
      MessageKey other = store.keys(Selection.user("U0HZF8ES65H")).get(0);
      // Corrections shared by the replicas: one of her message, one she made of someone else's.
      Instant at = Instant.parse("2026-12-01T10:00:00Z");
      store.notes().put(correction(hers.get(0), "bug", "", at));
      store.notes().put(correction(other, "question", maya, at));
      // A replica renewing its marks: running.
      store
          .notes()
          .put(
              new SharedNotes.Note(
                  "marks", "replica-a", "{\"since\":null,\"marks\":{}}", Instant.now()));
      store.refresh(); // notes are searchable within a second; a replica renews every 2 s

      Cli refused = Cli.run("purge", "--user", maya, "--config", config.toString());
      assertThat(refused.exitCode()).isNotZero();
      assertThat(refused.err())
          .contains("replicas of this collection are running: replica-a")
          .contains("Nothing was changed");
      store.notes().remove("marks", "replica-a");
      store.refresh();

      Cli dry = Cli.run("purge", "--user", maya, "--dry-run", "--config", config.toString());
      assertThat(dry.exitCode()).as(dry.err()).isZero();
      assertThat(dry.out())
          .contains("Would purge user " + maya)
          .contains("messages removed:        " + hers.size())
          .contains("shared corrections removed: 1 (anonymised: 1)");
      store.refresh();
      assertThat(store.keys(Selection.user(maya)))
          .as("a dry run changes nothing")
          .hasSize(hers.size());

      Cli purge = Cli.run("purge", "--user", maya, "--config", config.toString());
      assertThat(purge.exitCode()).as(purge.err()).isZero();
      assertThat(purge.out())
          .contains("Purged user " + maya)
          .contains("messages removed:        " + hers.size())
          .contains("shared corrections removed: 1 (anonymised: 1)")
          .contains("run the same `sift purge` on each other replica's host");
      store.refresh();
      assertThat(store.keys(Selection.user(maya))).isEmpty();
      List<SharedNotes.Note> left = store.notes().since("correction", Instant.EPOCH);
      assertThat(left).hasSize(1);
      assertThat(left.get(0).id()).isEqualTo(other.id());
      assertThat(left.get(0).body()).doesNotContain(maya);

      // The same purge on another replica's host: nothing left in the collection, but that host's
      // own log still held a correction of one of her messages, and loses it.
      Path elsewhere = dir.resolve("host-b");
      Files.createDirectories(elsewhere.resolve("data"));
      Path configB = config(elsewhere, elsewhere.resolve("data"), "purged-");
      Files.writeString(
          elsewhere.resolve("data").resolve("corrections.jsonl"),
          CorrectionLog.toJson(
                  new Correction(hers.get(0).id(), "her words", "bug", null, "", "", at))
              + "\n");
      Cli again = Cli.run("purge", "--user", maya, "--config", configB.toString());
      assertThat(again.exitCode()).as(again.err()).isZero();
      assertThat(again.out())
          .contains("messages removed:        0")
          .contains("corrections removed:     1");
      assertThat(Files.readString(elsewhere.resolve("data").resolve("corrections.jsonl")))
          .doesNotContain("her words");
    }
  }

  private static SharedNotes.Note correction(
      MessageKey key, String category, String by, Instant at) {
    return new SharedNotes.Note(
        "correction",
        key.id(),
        CorrectionLog.toJson(new Correction(key.id(), "the text", category, null, "", by, at)),
        at);
  }

  private static Path config(Path dir, Path data, String prefix) throws Exception {
    Path file = dir.resolve("sift.yml");
    Files.writeString(
        file,
        "data_dir: "
            + data
            + "\nindex:\n  backend: solr\n  url: "
            + solr.url()
            + "\n  index_prefix: "
            + prefix
            + "\n");
    return file;
  }

  /** The text line of each hit (indented under its header line). */
  private static List<String> hits(String out) {
    return out.lines().filter(l -> l.startsWith("   ")).map(String::strip).toList();
  }

  /** The result lines of a search's output, without the timing line. */
  private static String resultLines(String out) {
    return out.replaceAll("(?m)^.*\\bin \\d+(\\.\\d+)? ?m?s.*$", "");
  }
}

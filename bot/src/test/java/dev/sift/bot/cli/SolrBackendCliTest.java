package dev.sift.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.index.solr.SolrCluster;
import java.nio.file.Files;
import java.nio.file.Path;
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
  void purge_refuses_a_solr_index_instead_of_purging_an_empty_local_folder(@TempDir Path dir)
      throws Exception {
    Path config = dir.resolve("sift.yml");
    Files.writeString(
        config, "data_dir: data\nindex:\n  backend: solr\n  url: http://127.0.0.1:9/solr\n");

    Cli purge = Cli.run("purge", "--user", "U0ANN", "--config", config.toString());

    assertThat(purge.exitCode()).isNotZero();
    assertThat(purge.err())
        .contains("sift purge works on the embedded index only")
        .contains("Nothing was changed");
    assertThat(purge.out()).doesNotContain("Purged");
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

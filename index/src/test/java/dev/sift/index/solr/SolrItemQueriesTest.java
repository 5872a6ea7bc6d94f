package dev.sift.index.solr;

import dev.sift.index.ItemQueriesContract;
import dev.sift.index.MessageStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The item queries contract on a SolrCloud collection, in an in-process cluster. */
class SolrItemQueriesTest extends ItemQueriesContract {
  /** The contract's vectors have two dimensions. */
  private static final int DIMENSION = 2;

  @TempDir static Path solrHome;
  private static SolrCluster cluster;

  @BeforeAll
  static void startCluster() throws Exception {
    cluster = SolrCluster.start(solrHome);
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Override
  protected MessageStore open() throws Exception {
    return SolrMessageStore.connect(
        List.of(cluster.url()), cluster.emptyCollection(DIMENSION), DIMENSION);
  }
}

package dev.sift.index.solr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An in-process SolrCloud (ZooKeeper and one Jetty node on 127.0.0.1) for the Solr tests, with
 * Sift's collections made on first use and emptied for each test. A test class shares one for all
 * its tests with {@code @RegisterExtension static final SolrCluster solr =
 * SolrCluster.perClass();}; a single test can hold one in a try-with-resources ({@link #start}).
 */
public final class SolrCluster implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
  private final Map<Integer, String> collections = new HashMap<>();
  private MiniSolrCloudCluster cluster;
  private Path ownHome;

  private SolrCluster() {}

  /** A cluster started before the class's first test and stopped after its last. */
  public static SolrCluster perClass() {
    return new SolrCluster();
  }

  /** A cluster started now, its files under {@code home}. */
  public static SolrCluster start(Path home) throws Exception {
    SolrCluster c = new SolrCluster();
    c.cluster = new MiniSolrCloudCluster.Builder(1, home).build();
    return c;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    ownHome = Files.createTempDirectory("solr-cluster");
    cluster = new MiniSolrCloudCluster.Builder(1, ownHome).build();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    try {
      close();
    } finally {
      try (Stream<Path> files = Files.walk(ownHome)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      } catch (IOException e) {
        // a leftover under the build's temp folder; the next clean removes it
      }
    }
  }

  /** The collection for vectors of {@code dimension}, made on first use, emptied. */
  public String emptyCollection(int dimension) throws Exception {
    String name =
        collections.computeIfAbsent(
            dimension,
            d -> {
              String c = "messages" + d;
              SolrMessageStore.createCollection(client(), c, d, 1, 1);
              return c;
            });
    client().deleteByQuery(name, "*:*");
    client().commit(name);
    return name;
  }

  /** The collection made for {@code dimension}, as it is. */
  String collection(int dimension) {
    return collections.get(dimension);
  }

  public String url() {
    return cluster.getJettySolrRunners().get(0).getBaseUrl().toString();
  }

  String zkAddress() {
    return cluster.getZkServer().getZkAddress();
  }

  public CloudSolrClient client() {
    return cluster.getSolrClient();
  }

  @Override
  public void close() throws Exception {
    collections.clear();
    if (cluster != null) {
      cluster.shutdown();
      cluster = null;
    }
  }
}

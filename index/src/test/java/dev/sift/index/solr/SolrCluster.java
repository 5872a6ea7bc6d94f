package dev.sift.index.solr;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.cloud.MiniSolrCloudCluster;

/**
 * An in-process SolrCloud (ZooKeeper and one Jetty node on 127.0.0.1) for the Solr tests, started
 * once per test class, with Sift's collections made on first use and emptied for each test.
 */
public final class SolrCluster implements AutoCloseable {
  private final MiniSolrCloudCluster cluster;
  private final Map<Integer, String> collections = new HashMap<>();

  private SolrCluster(MiniSolrCloudCluster cluster) {
    this.cluster = cluster;
  }

  public static SolrCluster start(Path home) throws Exception {
    return new SolrCluster(new MiniSolrCloudCluster.Builder(1, home).build());
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
    cluster.shutdown();
  }
}

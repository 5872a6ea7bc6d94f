package dev.sift.bot.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;

/**
 * Where triaged messages are kept ({@code index:} in sift.yml): the embedded Lucene index in the
 * data folder (the default), or a SolrCloud cluster that several Sift processes share.
 *
 * @param backend which store
 * @param urls any nodes of the SolrCloud cluster, e.g. {@code https://solr1:8983/solr}; the client
 *     learns the rest from the cluster
 * @param prefix put before Sift's collection names, so several Sift installations (or a test and a
 *     production one) can share a cluster: the messages live in {@code <prefix>messages}
 * @param shards how many shards a collection Sift creates is split into
 * @param replicas how many copies of each shard a collection Sift creates keeps
 * @param username the basic-auth user, or null when the cluster has no authentication
 * @param passwordEnv the environment variable holding that user's password
 * @param allowInsecure whether a password may travel over plain http to a host that is not this
 *     machine
 */
public record IndexSettings(
    Backend backend,
    List<URI> urls,
    String prefix,
    int shards,
    int replicas,
    String username,
    String passwordEnv,
    boolean allowInsecure) {

  public static final IndexSettings EMBEDDED =
      new IndexSettings(Backend.LUCENE, List.of(), "sift-", 1, 1, null, null, false);

  /** The stores Sift can keep its messages in. */
  public enum Backend {
    /** Lucene in the data folder: one process, nothing to run beside it. */
    LUCENE,
    /** A SolrCloud collection: several processes, the cluster's own replication. */
    SOLR
  }

  public IndexSettings {
    Objects.requireNonNull(backend, "backend");
    urls = List.copyOf(urls);
    prefix = prefix == null ? "sift-" : prefix;
    if (!prefix.matches("[A-Za-z0-9_.-]*")) {
      throw new IllegalArgumentException(
          "index.index_prefix may hold only letters, digits, '_', '.' and '-': " + prefix);
    }
    if (shards < 1 || replicas < 1) {
      throw new IllegalArgumentException("index.shards and index.replicas must be at least 1");
    }
    if (backend == Backend.SOLR && urls.isEmpty()) {
      throw new IllegalArgumentException(
          "index.backend: solr needs index.url, e.g. http://localhost:8983/solr");
    }
    for (URI url : urls) {
      if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
        throw new IllegalArgumentException("index.url must start with http:// or https://: " + url);
      }
      if (url.getHost() == null) {
        throw new IllegalArgumentException("index.url has no host: " + url);
      }
    }
    if ((username == null) != (passwordEnv == null)) {
      throw new IllegalArgumentException(
          "index.auth needs both username and password_env, or neither");
    }
    if (username != null && !allowInsecure) {
      for (URI url : urls) {
        if ("http".equals(url.getScheme()) && !loopback(url)) {
          throw new IllegalArgumentException(
              "index.url "
                  + url
                  + " is plain http, so the index password would cross the network readable; use"
                  + " https, or set index.allow_insecure: true on a network you trust");
        }
      }
    }
  }

  /** The collection holding the messages, their items, checkpoints and the replicas' claims. */
  public String messagesCollection() {
    return prefix + "messages";
  }

  private static boolean loopback(URI url) {
    try {
      return InetAddress.getByName(url.getHost()).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}

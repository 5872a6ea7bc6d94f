package dev.sift.index.solr;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.solr.client.solrj.impl.CloudHttp2SolrClient;
import org.apache.solr.client.solrj.impl.Http2SolrClient;

/**
 * A SolrCloud cluster to connect to: any of its nodes' URLs, and the basic-auth credentials when
 * the cluster asks for them. An https URL is checked against the JVM's trust store (set {@code
 * javax.net.ssl.trustStore} for a private CA).
 *
 * @param urls node URLs, e.g. {@code https://solr1:8983/solr}
 * @param username the basic-auth user, or null
 * @param password the user's password, or null
 */
public record SolrTarget(List<String> urls, String username, String password) {
  public SolrTarget {
    urls = List.copyOf(urls);
    if (urls.isEmpty()) {
      throw new IllegalArgumentException("a Solr target needs at least one node URL");
    }
    if ((username == null) != (password == null)) {
      throw new IllegalArgumentException("Solr basic auth needs both a user and a password");
    }
  }

  @Override
  public String toString() {
    // Never the password: targets end up in logs and error messages.
    return String.join(", ", urls) + (username == null ? "" : " as " + username);
  }

  CloudHttp2SolrClient client() {
    Http2SolrClient.Builder http =
        new Http2SolrClient.Builder().withConnectionTimeout(10, TimeUnit.SECONDS);
    if (username != null) {
      http.withBasicAuthCredentials(username, password);
    }
    return new CloudHttp2SolrClient.Builder(urls).withHttpClientBuilder(http).build();
  }
}

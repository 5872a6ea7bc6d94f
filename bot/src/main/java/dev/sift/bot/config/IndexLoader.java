package dev.sift.bot.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The reader of sift.yml's {@code index:} section: {@code {backend: solr, url: [...], index_prefix,
 * shards, replicas, auth: {username, password_env}, allow_insecure}}. Every error names its line,
 * like the rest of the config.
 */
final class IndexLoader {
  private static final Set<String> KEYS =
      Set.of("backend", "url", "index_prefix", "shards", "replicas", "auth", "allow_insecure");
  private static final Set<String> AUTH_KEYS = Set.of("username", "password_env");

  private final ConfigLoader c;

  IndexLoader(ConfigLoader c) {
    this.c = c;
  }

  IndexSettings load(Node node) {
    if (node == null) {
      return IndexSettings.EMBEDDED;
    }
    MappingNode index = c.mapping(node, "'index'");
    c.knownKeys(index, KEYS, "index");
    IndexSettings.Backend backend = backend(ConfigLoader.value(index, "backend"));
    Node auth = ConfigLoader.value(index, "auth");
    MappingNode authMap = auth == null ? null : c.mapping(auth, "index.auth");
    if (authMap != null) {
      c.knownKeys(authMap, AUTH_KEYS, "index.auth");
    }
    Node allowInsecure = ConfigLoader.value(index, "allow_insecure");
    try {
      return new IndexSettings(
          backend,
          urls(ConfigLoader.value(index, "url")),
          optionalText(ConfigLoader.value(index, "index_prefix")),
          c.integer(ConfigLoader.value(index, "shards"), 1, "index.shards", 1, 1024),
          c.integer(ConfigLoader.value(index, "replicas"), 1, "index.replicas", 1, 64),
          optionalText(ConfigLoader.value(authMap, "username")),
          optionalText(ConfigLoader.value(authMap, "password_env")),
          allowInsecure != null && c.bool(allowInsecure));
    } catch (IllegalArgumentException e) {
      throw c.error(index, e.getMessage());
    }
  }

  private IndexSettings.Backend backend(Node n) {
    if (n == null) {
      return IndexSettings.Backend.LUCENE;
    }
    return switch (c.text(n).trim().toLowerCase(Locale.ROOT)) {
      case "lucene", "embedded" -> IndexSettings.Backend.LUCENE;
      case "solr", "solrcloud" -> IndexSettings.Backend.SOLR;
      default ->
          throw c.error(
              n,
              "index.backend must be lucene (the embedded index) or solr, not '" + c.text(n) + "'");
    };
  }

  private List<URI> urls(Node n) {
    List<URI> out = new ArrayList<>();
    for (String s : c.strings(n, List.of())) {
      try {
        out.add(new URI(s.trim().replaceFirst("/+$", "")));
      } catch (URISyntaxException e) {
        throw c.error(n, "index.url is not a URL: " + s);
      }
    }
    return out;
  }

  private String optionalText(Node n) {
    return n == null ? null : c.text(n).trim();
  }
}

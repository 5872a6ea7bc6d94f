package dev.sift.bot.config;

import dev.sift.bot.sinks.SinkSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The reader of the {@code sinks:} list of sift.yml: where Sift's events go besides Slack
 * (webhooks, Kafka topics, Jira projects) and which. Every error names its line, like the rest of
 * the config.
 */
final class SinksLoader {
  private static final Set<String> COMMON =
      Set.of(
          "name",
          "type",
          "secret_env",
          "categories",
          "priorities",
          "channels",
          "include_text",
          "allow_private",
          "allow_insecure",
          "give_up_after");
  private static final Map<String, Set<String>> KEYS =
      Map.of(
          "webhook", union(COMMON, Set.of("url")),
          "kafka", union(COMMON, Set.of("bootstrap_servers", "topic", "properties")),
          "jira",
              union(
                  COMMON,
                  Set.of(
                      "base_url",
                      "project",
                      "issue_type",
                      "user",
                      "priority_map",
                      "labels",
                      "hook_secret_env")));

  private final ConfigLoader c;

  SinksLoader(ConfigLoader c) {
    this.c = c;
  }

  List<SinkSettings> load(Node node) {
    if (node == null) {
      return List.of();
    }
    if (!(node instanceof SequenceNode seq)) {
      throw c.error(node, "sinks must be a list, each entry starting with '- name:'");
    }
    List<SinkSettings> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Node n : seq.getValue()) {
      MappingNode s = c.mapping(n, "a sink");
      Node name = ConfigLoader.value(s, "name");
      Node type = ConfigLoader.value(s, "type");
      if (name == null || type == null) {
        throw c.error(
            s,
            "a sink needs name and type (webhook, kafka or jira), e.g. {name: tickets, type:"
                + " webhook, url: 'https://hooks.example.com/sift', secret_env: SIFT_HOOK_SECRET}");
      }
      String kind = c.text(type);
      Set<String> allowed = KEYS.get(kind);
      if (allowed == null) {
        throw c.error(type, "a sink's type is webhook, kafka or jira, not '" + kind + "'");
      }
      check(s, kind, allowed);
      if (!names.add(c.text(name))) {
        throw c.error(name, "a sink named '" + c.text(name) + "' is already defined; rename one");
      }
      try {
        out.add(sink(s, c.text(name), kind));
      } catch (IllegalArgumentException | NullPointerException e) {
        throw c.error(s, e.getMessage());
      }
    }
    return out;
  }

  private SinkSettings sink(MappingNode s, String name, String kind) {
    Node giveUp = ConfigLoader.value(s, "give_up_after");
    SinkSettings.Kafka kafka = null;
    SinkSettings.Jira jira = null;
    URI url = null;
    if (kind.equals("kafka")) {
      Node servers = required(s, "bootstrap_servers", name);
      Node topic = required(s, "topic", name);
      kafka =
          new SinkSettings.Kafka(
              String.join(",", c.strings(servers, List.of())),
              c.text(topic),
              texts(ConfigLoader.value(s, "properties"), "properties"));
    } else {
      Node where = required(s, kind.equals("jira") ? "base_url" : "url", name);
      url = uri(where);
    }
    if (kind.equals("jira")) {
      Node project = required(s, "project", name);
      Node issueType = ConfigLoader.value(s, "issue_type");
      jira =
          new SinkSettings.Jira(
              c.text(project),
              issueType == null ? "Task" : c.text(issueType),
              optional(ConfigLoader.value(s, "user")),
              texts(ConfigLoader.value(s, "priority_map"), "priority_map"),
              c.strings(ConfigLoader.value(s, "labels"), List.of()),
              optional(ConfigLoader.value(s, "hook_secret_env")));
    }
    return new SinkSettings(
        name,
        kind,
        url,
        optional(ConfigLoader.value(s, "secret_env")),
        Set.copyOf(c.strings(ConfigLoader.value(s, "categories"), List.of())),
        Set.copyOf(c.strings(ConfigLoader.value(s, "priorities"), List.of())),
        c.strings(ConfigLoader.value(s, "channels"), List.of()),
        bool(ConfigLoader.value(s, "include_text")),
        c.strings(ConfigLoader.value(s, "allow_private"), List.of()),
        bool(ConfigLoader.value(s, "allow_insecure")),
        giveUp == null
            ? null
            : c.duration(giveUp, "sinks.give_up_after", Duration.ofMinutes(1), Duration.ofDays(30)),
        kafka,
        jira);
  }

  private Node required(MappingNode s, String key, String name) {
    Node n = ConfigLoader.value(s, key);
    if (n == null) {
      throw c.error(s, "sink '" + name + "' needs " + key);
    }
    return n;
  }

  private URI uri(Node n) {
    try {
      URI u = new URI(c.text(n).strip());
      if (u.getHost() == null) {
        throw c.error(n, "expected an absolute URL such as https://hooks.example.com/sift");
      }
      return u;
    } catch (URISyntaxException e) {
      throw c.error(n, "not a URL: " + e.getMessage());
    }
  }

  private Map<String, String> texts(Node n, String key) {
    Map<String, String> out = new LinkedHashMap<>();
    if (n == null) {
      return out;
    }
    for (NodeTuple t : c.mapping(n, "'" + key + "'").getValue()) {
      out.put(c.text(t.getKeyNode()), c.text(t.getValueNode()));
    }
    return out;
  }

  private String optional(Node n) {
    return n == null ? null : c.text(n);
  }

  private boolean bool(Node n) {
    if (n == null) {
      return false;
    }
    return switch (c.text(n).strip()) {
      case "true" -> true;
      case "false" -> false;
      default -> throw c.error(n, "expected true or false, got '" + c.text(n) + "'");
    };
  }

  private void check(MappingNode s, String kind, Set<String> allowed) {
    for (NodeTuple t : s.getValue()) {
      String key = c.text(t.getKeyNode());
      if (!allowed.contains(key)) {
        throw c.error(
            t.getKeyNode(),
            "unknown key '"
                + key
                + "' in a "
                + kind
                + " sink; allowed: "
                + String.join(", ", new TreeSet<>(allowed)));
      }
    }
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> out = new HashSet<>(a);
    out.addAll(b);
    return Set.copyOf(out);
  }
}

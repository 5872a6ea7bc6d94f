package dev.sift.bot.config;

import dev.sift.triage.item.DuplicatePolicy;
import dev.sift.triage.priority.PriorityPolicy;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads {@code sift.yml}. Walks SnakeYAML's node tree so that every error names its line; an
 * unknown key is an error too, since a typo would otherwise silently fall back to a default.
 */
public final class ConfigLoader {
  private static final Map<String, Set<String>> KEYS =
      Map.of(
          "",
          Set.of("data_dir", "workspace", "taxonomy", "priority", "duplicates"),
          "workspace",
          Set.of("domain", "time_zone"),
          "priority",
          Set.of("vip_channels", "vip_users", "reporters_to_escalate", "quiet_categories"),
          "duplicates",
          Set.of("categories", "window", "min_similarity"));

  private final String source;
  private final Path base;

  private ConfigLoader(String source, Path base) {
    this.source = source;
    this.base = base;
  }

  /** Loads a config file; relative paths in it are relative to the file. */
  public static SiftConfig load(Path file) {
    String yaml;
    try {
      yaml = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException("cannot read the config file " + file + ": " + e.getMessage(), e);
    }
    Path dir = file.toAbsolutePath().getParent();
    return new ConfigLoader(file.toString(), dir).parse(yaml);
  }

  /** Parses config YAML; {@code source} names it in errors. */
  public static SiftConfig parse(String yaml, String source, Path base) {
    return new ConfigLoader(source, base).parse(yaml);
  }

  private SiftConfig parse(String yaml) {
    Node root;
    try (Reader reader = new StringReader(yaml)) {
      root = new Yaml(new LoaderOptions()).compose(reader);
    } catch (MarkedYAMLException e) {
      throw new ConfigException(
          source
              + " line "
              + (e.getProblemMark().getLine() + 1)
              + ": not valid YAML ("
              + e.getProblem()
              + ")",
          e);
    } catch (YAMLException | IOException e) {
      throw new ConfigException(source + ": not valid YAML (" + e.getMessage() + ")", e);
    }
    SiftConfig d = SiftConfig.defaults();
    if (root == null) {
      return d;
    }
    MappingNode top = mapping(root, "the top level");
    check(top, "");
    MappingNode workspace = optionalMapping(top, "workspace");
    MappingNode priority = optionalMapping(top, "priority");
    MappingNode duplicates = optionalMapping(top, "duplicates");
    Node dataDir = value(top, "data_dir");
    Node taxonomy = value(top, "taxonomy");
    Node domain = value(workspace, "domain");
    ZoneId zone = zone(value(workspace, "time_zone"), d.zone());
    Node quiet = value(priority, "quiet_categories");
    PriorityPolicy policy =
        new PriorityPolicy(
            strings(value(priority, "vip_channels"), d.priority().vipChannels()),
            new HashSet<>(
                strings(value(priority, "vip_users"), List.copyOf(d.priority().vipUsers()))),
            integer(value(priority, "reporters_to_escalate"), d.priority().reportersToEscalate()));
    DuplicatePolicy dup;
    Node window = value(duplicates, "window");
    try {
      dup =
          new DuplicatePolicy(
              new HashSet<>(
                  strings(
                      value(duplicates, "categories"), List.copyOf(d.duplicates().categories()))),
              window == null ? d.duplicates().window() : duration(window),
              number(value(duplicates, "min_similarity"), d.duplicates().minSimilarity()));
    } catch (IllegalArgumentException e) {
      throw error(duplicates, e.getMessage());
    }
    return new SiftConfig(
        dataDir == null ? d.dataDir() : base.resolve(text(dataDir)),
        domain == null ? null : text(domain).replaceFirst("\\.slack\\.com$", ""),
        zone,
        taxonomy == null ? null : base.resolve(text(taxonomy)),
        policy,
        quiet == null ? d.quietCategories() : new HashSet<>(strings(quiet, List.of())),
        dup);
  }

  private void check(MappingNode map, String section) {
    for (NodeTuple t : map.getValue()) {
      String key = text(t.getKeyNode());
      if (!KEYS.get(section).contains(key)) {
        throw error(
            t.getKeyNode(),
            "unknown key '"
                + key
                + "'"
                + (section.isEmpty() ? "" : " in '" + section + "'")
                + "; allowed: "
                + String.join(", ", KEYS.get(section).stream().sorted().toList()));
      }
    }
  }

  private MappingNode optionalMapping(MappingNode top, String key) {
    Node n = value(top, key);
    if (n == null) {
      return null;
    }
    MappingNode m = mapping(n, "'" + key + "'");
    check(m, key);
    return m;
  }

  private MappingNode mapping(Node n, String what) {
    if (n instanceof MappingNode m) {
      return m;
    }
    throw error(n, what + " must be a mapping of keys to values");
  }

  private static Node value(MappingNode map, String key) {
    if (map == null) {
      return null;
    }
    for (NodeTuple t : map.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode s && s.getValue().equals(key)) {
        return t.getValueNode();
      }
    }
    return null;
  }

  private String text(Node n) {
    if (n instanceof ScalarNode s) {
      return s.getValue();
    }
    throw error(n, "expected a single value here");
  }

  private List<String> strings(Node n, List<String> fallback) {
    if (n == null) {
      return fallback;
    }
    if (n instanceof ScalarNode s) {
      return List.of(s.getValue());
    }
    if (!(n instanceof SequenceNode seq)) {
      throw error(n, "expected a list, e.g. [a, b]");
    }
    List<String> out = new ArrayList<>();
    seq.getValue().forEach(item -> out.add(text(item)));
    return out;
  }

  private int integer(Node n, int fallback) {
    if (n == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(text(n).trim());
    } catch (NumberFormatException e) {
      throw error(n, "expected a whole number, got '" + text(n) + "'");
    }
  }

  private double number(Node n, double fallback) {
    if (n == null) {
      return fallback;
    }
    try {
      return Double.parseDouble(text(n).trim());
    } catch (NumberFormatException e) {
      throw error(n, "expected a number such as 0.6, got '" + text(n) + "'");
    }
  }

  private ZoneId zone(Node n, ZoneId fallback) {
    if (n == null) {
      return fallback;
    }
    try {
      return ZoneId.of(text(n).trim());
    } catch (DateTimeException e) {
      throw error(n, "unknown time zone '" + text(n) + "'; use a name such as Europe/London");
    }
  }

  private Duration duration(Node n) {
    try {
      return Durations.parse(text(n));
    } catch (IllegalArgumentException e) {
      throw error(n, e.getMessage());
    }
  }

  private ConfigException error(Node n, String problem) {
    String where = n == null ? "" : " line " + (n.getStartMark().getLine() + 1);
    return new ConfigException(
        source + where + ": " + problem.toLowerCase(Locale.ROOT).charAt(0) + problem.substring(1));
  }
}

package dev.sift.bot.config;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.sift.bot.api.ApiSettings;
import dev.sift.bot.net.EgressProxy;
import dev.sift.triage.embed.EmbeddingModel;
import dev.sift.triage.item.DuplicatePolicy;
import dev.sift.triage.priority.PriorityPolicy;
import dev.sift.triage.route.Router;
import dev.sift.triage.route.RoutingRule;
import dev.sift.triage.sla.SlaSettings;
import dev.sift.triage.verdict.Priority;
import dev.sift.triage.yaml.YamlTree;
import java.io.IOException;
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
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads {@code sift.yml}. Walks SnakeYAML's node tree so that every error names its line; an
 * unknown key is an error too, since a typo would otherwise silently fall back to a default. The
 * bigger sections have their own readers ({@link LlmLoader}, {@link DigestsLoader}, {@link
 * SlaLoader}, {@link SinksLoader}, {@link IndexLoader}) on the node helpers kept here.
 */
public final class ConfigLoader {
  private static final Map<String, Set<String>> KEYS =
      Map.ofEntries(
          Map.entry(
              "",
              Set.of(
                  "data_dir",
                  "workspace",
                  "taxonomy",
                  "priority",
                  "duplicates",
                  "slack",
                  "routing",
                  "llm",
                  "sla",
                  "digests",
                  "retention",
                  "install",
                  "sinks",
                  "api",
                  "embedding",
                  "index")),
          Map.entry("api", Set.of("integrations", "requests_per_minute")),
          Map.entry("retention", Set.of("days", "teams", "channels")),
          Map.entry("install", Set.of("redirect_uri", "scopes", "forget_after")),
          Map.entry("workspace", Set.of("domain", "time_zone")),
          Map.entry(
              "priority",
              Set.of(
                  "vip_channels",
                  "vip_users",
                  "reporters_to_escalate",
                  "quiet_categories",
                  "help_channels")),
          Map.entry("duplicates", Set.of("categories", "window", "min_similarity")),
          Map.entry(
              "slack",
              Set.of(
                  "channels",
                  "bot_channels",
                  "thread_note",
                  "reaction",
                  "workers",
                  "queue_capacity",
                  "history_pace",
                  "api_url",
                  "proxy",
                  "admin_channel",
                  "allow_private_to")),
          Map.entry("routing", Set.of("rules")),
          Map.entry(
              "llm",
              Set.of(
                  "provider",
                  "base_url",
                  "model",
                  "api_key_env",
                  "temperature",
                  "timeout",
                  "max_attempts",
                  "json_schema",
                  "daily_token_budget",
                  "price_per_million",
                  "teams",
                  "cascade")),
          Map.entry("price_per_million", Set.of("input", "output")),
          Map.entry(
              "cascade",
              Set.of(
                  "always",
                  "min_confidence",
                  "min_margin",
                  "high_stakes_channels",
                  "opt_out_channels",
                  "include_private",
                  "batch_size")),
          Map.entry(
              "rule",
              Set.of(
                  "name",
                  "category",
                  "priority",
                  "channel",
                  "keywords",
                  "regex",
                  "to",
                  "assign",
                  "group")));

  /** For shares: 0.6 means 60 %. */
  static final String SHARE = " (a share: 0.6 means 60%)";

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
    Node root = YamlTree.compose(yaml, source, ConfigException::new);
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
            integer(
                value(priority, "reporters_to_escalate"),
                d.priority().reportersToEscalate(),
                "priority.reporters_to_escalate",
                2,
                1000),
            strings(value(priority, "help_channels"), d.priority().helpChannels()));
    DuplicatePolicy dup;
    Node window = value(duplicates, "window");
    try {
      dup =
          new DuplicatePolicy(
              new HashSet<>(
                  strings(
                      value(duplicates, "categories"), List.copyOf(d.duplicates().categories()))),
              window == null
                  ? d.duplicates().window()
                  : duration(
                      window, "duplicates.window", Duration.ofMinutes(1), Duration.ofDays(30)),
              number(
                  value(duplicates, "min_similarity"),
                  d.duplicates().minSimilarity(),
                  "duplicates.min_similarity",
                  0,
                  1,
                  SHARE));
    } catch (IllegalArgumentException e) {
      throw error(duplicates, e.getMessage());
    }
    List<RoutingRule> routing = rules(optionalMapping(top, "routing"));
    List<RoutingRule> effective = routing.isEmpty() ? Router.defaults().rules() : routing;
    SlaSettings sla =
        new SlaLoader(this)
            .load(value(top, "sla"), zone, effective.stream().map(RoutingRule::name).toList());
    return new SiftConfig(
        dataDir == null ? d.dataDir() : base.resolve(text(dataDir)),
        domain == null ? null : text(domain).replaceFirst("\\.slack\\.com$", ""),
        zone,
        taxonomy == null ? null : base.resolve(text(taxonomy)),
        policy,
        quiet == null ? d.quietCategories() : new HashSet<>(strings(quiet, List.of())),
        dup,
        live(optionalMapping(top, "slack"), d.live()),
        routing,
        new LlmLoader(this).load(optionalMapping(top, "llm")),
        sla,
        new DigestsLoader(this).load(value(top, "digests"), zone),
        retention(optionalMapping(top, "retention")),
        install(optionalMapping(top, "install")),
        new SinksLoader(this).load(value(top, "sinks")),
        api(optionalMapping(top, "api")),
        embedding(value(top, "embedding")),
        new IndexLoader(this).load(value(top, "index")));
  }

  /** {@code embedding: minilm} or {@code bge-small}: the sentence encoder. */
  private EmbeddingModel embedding(Node node) {
    if (node == null) {
      return EmbeddingModel.MINILM;
    }
    try {
      return EmbeddingModel.named(text(node));
    } catch (IllegalArgumentException e) {
      throw error(node, "embedding: " + e.getMessage());
    }
  }

  /** {@code api: {integrations: [{name: pagerduty, token_env: SIFT_API_PAGERDUTY}]}}. */
  private ApiSettings api(MappingNode api) {
    if (api == null) {
      return ApiSettings.NONE;
    }
    List<ApiSettings.Integration> integrations = new ArrayList<>();
    Node list = value(api, "integrations");
    if (list != null && !(list instanceof SequenceNode)) {
      throw error(list, "api.integrations must be a list of {name, token_env}");
    }
    if (list != null) {
      for (Node n : ((SequenceNode) list).getValue()) {
        MappingNode i = mapping(n, "an api integration");
        for (NodeTuple t : i.getValue()) {
          if (!Set.of("name", "token_env").contains(text(t.getKeyNode()))) {
            throw error(
                t.getKeyNode(),
                "unknown key '"
                    + text(t.getKeyNode())
                    + "' in an api integration; allowed: name, token_env");
          }
        }
        try {
          integrations.add(
              new ApiSettings.Integration(
                  optionalText(value(i, "name")), optionalText(value(i, "token_env"))));
        } catch (IllegalArgumentException | NullPointerException e) {
          throw error(i, e.getMessage());
        }
      }
    }
    try {
      return new ApiSettings(
          integrations, integer(value(api, "requests_per_minute"), ApiSettings.NONE.perMinute()));
    } catch (IllegalArgumentException e) {
      throw error(api, e.getMessage());
    }
  }

  /** {@code retention: {days: 90, teams: {T123: 30}, channels: {"#hr": 7, C0123: 0}}}. */
  private RetentionSettings retention(MappingNode r) {
    if (r == null) {
      return RetentionSettings.FOREVER;
    }
    int days = integer(value(r, "days"), 0, "retention.days", 0, 36_500);
    return new RetentionSettings(
        days,
        daysByKey(value(r, "teams"), "retention.teams"),
        daysByKey(value(r, "channels"), "retention.channels"));
  }

  private Map<String, Integer> daysByKey(Node n, String key) {
    Map<String, Integer> out = new java.util.LinkedHashMap<>();
    if (n == null) {
      return out;
    }
    for (NodeTuple t : mapping(n, key).getValue()) {
      out.put(
          text(t.getKeyNode()),
          integer(t.getValueNode(), 0, key + "." + text(t.getKeyNode()), 0, 36_500));
    }
    return out;
  }

  /** The {@code install:} section: OAuth installation in several workspaces. */
  private InstallSettings install(MappingNode install) {
    if (install == null) {
      return InstallSettings.DEFAULTS;
    }
    Node redirect = value(install, "redirect_uri");
    if (redirect != null && !text(redirect).strip().matches("https?://.+")) {
      throw error(
          redirect,
          "install.redirect_uri must be the public URL of /slack/oauth_redirect, such as"
              + " https://sift.example.com/slack/oauth_redirect");
    }
    Node forget = value(install, "forget_after");
    return new InstallSettings(
        optionalText(redirect),
        optionalText(value(install, "scopes")),
        forget == null
            ? InstallSettings.DEFAULTS.forgetAfter()
            : duration(forget, "install.forget_after", Duration.ZERO, Duration.ofDays(3650)));
  }

  String optionalText(Node n) {
    return n == null ? null : text(n);
  }

  boolean optionalBool(Node n, boolean fallback) {
    return n == null ? fallback : bool(n);
  }

  private LiveSettings live(MappingNode slack, LiveSettings d) {
    if (slack == null) {
      return d;
    }
    Node reaction = value(slack, "reaction");
    Node note = value(slack, "thread_note");
    Node proxy = value(slack, "proxy");
    if (proxy != null) {
      try {
        EgressProxy.resolve(text(proxy), env -> null);
      } catch (IllegalArgumentException e) {
        throw error(proxy, "slack.proxy: " + e.getMessage());
      }
    }
    Node apiUrl = value(slack, "api_url");
    if (apiUrl != null && !text(apiUrl).strip().matches("https?://.+")) {
      throw error(apiUrl, "slack.api_url must be an http(s) URL such as https://slack.com/api/");
    }
    try {
      return new LiveSettings(
          strings(value(slack, "channels"), d.channels()),
          strings(value(slack, "bot_channels"), d.botChannels()),
          note == null ? d.threadNote() : bool(note),
          reaction == null ? d.reaction() : text(reaction),
          integer(value(slack, "workers"), d.workers(), "slack.workers", 1, 64),
          integer(
              value(slack, "queue_capacity"),
              d.queueCapacity(),
              "slack.queue_capacity",
              1,
              10_000_000),
          value(slack, "history_pace") == null
              ? d.historyPace()
              : duration(
                  value(slack, "history_pace"),
                  "slack.history_pace",
                  Duration.ZERO,
                  Duration.ofMinutes(1)),
          optionalText(value(slack, "api_url")),
          optionalText(value(slack, "proxy")),
          optionalText(value(slack, "admin_channel")),
          strings(value(slack, "allow_private_to"), d.allowPrivateTo()));
    } catch (IllegalArgumentException e) {
      throw error(slack, e.getMessage());
    }
  }

  private List<RoutingRule> rules(MappingNode routing) {
    Node rules = value(routing, "rules");
    if (rules == null) {
      return List.of();
    }
    if (!(rules instanceof SequenceNode seq)) {
      throw error(rules, "routing.rules must be a list of rules, each starting with '- '");
    }
    List<RoutingRule> out = new ArrayList<>();
    for (Node n : seq.getValue()) {
      MappingNode r = mapping(n, "a routing rule");
      check(r, "rule");
      Node regex = value(r, "regex");
      Node name = value(r, "name");
      Node to = value(r, "to");
      Node group = value(r, "group");
      List<Priority> priorities = new ArrayList<>();
      Node pNode = value(r, "priority");
      for (String p : strings(pNode, List.of())) {
        try {
          priorities.add(Priority.parse(p));
        } catch (IllegalArgumentException e) {
          throw error(pNode, e.getMessage());
        }
      }
      out.add(
          new RoutingRule(
              name == null ? "rule " + (out.size() + 1) : text(name),
              new HashSet<>(strings(value(r, "category"), List.of())),
              new HashSet<>(priorities),
              strings(value(r, "channel"), List.of()),
              strings(value(r, "keywords"), List.of()),
              regex == null ? null : pattern(regex),
              to == null ? null : text(to),
              strings(value(r, "assign"), List.of()),
              group == null ? null : text(group)));
    }
    return out;
  }

  private Pattern pattern(Node n) {
    try {
      return Pattern.compile(text(n));
    } catch (PatternSyntaxException e) {
      throw error(n, "not a valid regular expression: " + e.getMessage());
    }
  }

  boolean bool(Node n) {
    String t = text(n).trim().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> throw error(n, "expected true or false, got '" + text(n) + "'");
    };
  }

  void check(MappingNode map, String section) {
    knownKeys(map, KEYS.get(section), section);
  }

  MappingNode optionalMapping(MappingNode top, String key) {
    Node n = value(top, key);
    if (n == null) {
      return null;
    }
    MappingNode m = mapping(n, "'" + key + "'");
    check(m, key);
    return m;
  }

  /** Unknown keys are errors: a typo would otherwise fall back to a default unnoticed. */
  void knownKeys(MappingNode m, Set<String> allowed, String section) {
    for (NodeTuple t : m.getValue()) {
      String key = text(t.getKeyNode());
      if (!allowed.contains(key)) {
        throw error(
            t.getKeyNode(),
            "unknown key '"
                + key
                + "'"
                + (section.isEmpty() ? "" : " in '" + section + "'")
                + "; allowed: "
                + String.join(", ", new java.util.TreeSet<>(allowed)));
      }
    }
  }

  MappingNode mapping(Node n, String what) {
    if (n instanceof MappingNode m) {
      return m;
    }
    throw error(n, what + " must be a mapping of keys to values");
  }

  static Node value(MappingNode map, String key) {
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

  String text(Node n) {
    if (n instanceof ScalarNode s) {
      return s.getValue();
    }
    throw error(n, "expected a single value here");
  }

  List<String> strings(Node n, List<String> fallback) {
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

  int integer(Node n, int fallback) {
    if (n == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(text(n).trim());
    } catch (NumberFormatException e) {
      throw error(n, "expected a whole number, got '" + text(n) + "'");
    }
  }

  double number(Node n, double fallback) {
    if (n == null) {
      return fallback;
    }
    try {
      return Double.parseDouble(text(n).trim());
    } catch (NumberFormatException e) {
      throw error(n, "expected a number such as 0.6, got '" + text(n) + "'");
    }
  }

  /** A whole number within {@code min..max}; the error names the key and its range. */
  int integer(Node n, int fallback, String key, int min, int max) {
    int v = integer(n, fallback);
    if (n != null && (v < min || v > max)) {
      throw error(n, key + " must be within " + min + ".." + max + ", was " + text(n).trim());
    }
    return v;
  }

  /** A number within {@code min..max}; {@code hint} says what it means (e.g. a share). */
  double number(Node n, double fallback, String key, double min, double max, String hint) {
    double v = number(n, fallback);
    if (n != null && !(v >= min && v <= max)) {
      throw error(
          n,
          key
              + " must be within "
              + plain(min)
              + ".."
              + plain(max)
              + hint
              + ", was "
              + text(n).trim());
    }
    return v;
  }

  /** A duration within {@code min..max}. */
  Duration duration(Node n, String key, Duration min, Duration max) {
    Duration d = duration(n);
    if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
      throw error(
          n,
          key
              + " must be within "
              + Durations.format(min)
              + ".."
              + Durations.format(max)
              + ", was "
              + text(n).trim());
    }
    return d;
  }

  private static String plain(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }

  ZoneId zone(Node n, ZoneId fallback) {
    if (n == null) {
      return fallback;
    }
    try {
      return ZoneId.of(text(n).trim());
    } catch (DateTimeException e) {
      throw error(n, "unknown time zone '" + text(n) + "'; use a name such as Europe/London");
    }
  }

  Duration duration(Node n) {
    try {
      return Durations.parse(text(n));
    } catch (IllegalArgumentException e) {
      throw error(n, e.getMessage());
    }
  }

  ConfigException error(Node n, String problem) {
    String where = n == null ? "" : " line " + (n.getStartMark().getLine() + 1);
    return new ConfigException(
        source + where + ": " + problem.toLowerCase(Locale.ROOT).charAt(0) + problem.substring(1));
  }
}

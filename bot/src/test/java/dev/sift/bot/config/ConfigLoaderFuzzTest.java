package dev.sift.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.quicktheories.QuickTheory.qt;

import dev.sift.triage.fuzz.Rand;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Random sift.yml files built from the config's own keys, with values of the right and the wrong
 * type and range, dumped as YAML and sometimes corrupted or turned into alias bombs and deep
 * nesting: the loader returns a config or throws a {@link ConfigException} that names the file.
 */
class ConfigLoaderFuzzTest {
  private static final Map<String, List<String>> SCHEMA =
      Map.ofEntries(
          Map.entry(
              "",
              List.of(
                  "data_dir",
                  "workspace",
                  "taxonomy",
                  "priority",
                  "duplicates",
                  "slack",
                  "routing",
                  "llm",
                  "sla",
                  "digests")),
          Map.entry("workspace", List.of("domain", "time_zone")),
          Map.entry(
              "priority",
              List.of(
                  "vip_channels",
                  "vip_users",
                  "reporters_to_escalate",
                  "quiet_categories",
                  "help_channels")),
          Map.entry("duplicates", List.of("categories", "window", "min_similarity")),
          Map.entry(
              "slack",
              List.of(
                  "channels",
                  "bot_channels",
                  "thread_note",
                  "reaction",
                  "workers",
                  "queue_capacity",
                  "history_pace",
                  "api_url",
                  "proxy",
                  "admin_channel")),
          Map.entry("routing", List.of("rules")),
          Map.entry(
              "llm",
              List.of(
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
          Map.entry("price_per_million", List.of("input", "output")),
          Map.entry(
              "cascade",
              List.of(
                  "always",
                  "min_confidence",
                  "min_margin",
                  "high_stakes_channels",
                  "opt_out_channels",
                  "include_private",
                  "batch_size")),
          Map.entry(
              "rules",
              List.of(
                  "name",
                  "category",
                  "priority",
                  "channel",
                  "keywords",
                  "regex",
                  "to",
                  "assign",
                  "group")),
          Map.entry(
              "digests",
              List.of(
                  "name",
                  "cron",
                  "time_zone",
                  "channels",
                  "destination",
                  "window",
                  "skip_when_empty",
                  "llm_summary")),
          Map.entry(
              "sla",
              List.of(
                  "enabled",
                  "teams",
                  "P1",
                  "P2",
                  "P3",
                  "P4",
                  "escalate_to",
                  "repeat_every",
                  "max_repeats",
                  "business_hours",
                  "holidays")),
          Map.entry("P1", List.of("acknowledge", "resolve")),
          Map.entry("business_hours", List.of("time_zone", "days", "start", "end")),
          Map.entry("teams", List.of("rules", "channels", "P2", "escalate_to", "business_hours")));

  /** Sections that hold a list of mappings rather than one mapping. */
  private static final List<String> LISTS = List.of("rules", "digests");

  private static final List<String> SCALARS =
      List.of(
          "90m",
          "4h",
          "0s",
          "500ms",
          "2w",
          "-5m",
          "9999999999999999999d",
          "999999999999999d",
          "999999999999999w",
          "4 business hours",
          "99999999999999999 business days",
          "2 business weeks",
          "0",
          "1",
          "7",
          "-1",
          "0.7",
          "1e999",
          "NaN",
          "-0.0",
          "true",
          "no",
          "maybe",
          "Europe/London",
          "Mars/Olympus",
          "UTC+99",
          "#support",
          "support",
          "C0123ABCD",
          "@U123",
          "subteam:S1",
          "<@U1|x>",
          "<!subteam^S1|@t>",
          "0 9 * * 1-5",
          "*/0 * * * *",
          "61 25 32 13 8",
          "* * * * * * *",
          "mon-fri",
          "-",
          "mon-",
          "sun-mon",
          "mon-thu, sat",
          "09:00",
          "9:00",
          "25:00",
          "2026-12-25",
          "2026-02-30",
          "(",
          "[a-",
          "a**b",
          "(a+)+$",
          "openai",
          "ollama",
          "https://slack.com/api/",
          "ftp://x",
          "http://",
          "",
          "P1",
          "p9",
          "none",
          "~",
          "[]",
          "{}");

  private static final Gen<String> CONFIGS =
      Rand.gen(
          r -> {
            String yaml = dump(section(r, "", 0));
            if (r.chance(8)) {
              int at = r.below(yaml.length() + 1);
              yaml = yaml.substring(0, at) + r.junk(6) + yaml.substring(at);
            }
            return switch (r.below(40)) {
              case 0 -> bomb(1 + r.below(12));
              case 1 -> "priority:\n  vip_channels: " + "[".repeat(r.below(5_000)) + "a";
              case 2 -> "slack: {channels: [" + "x, ".repeat(r.below(20_000)) + "y]}";
              default -> yaml;
            };
          });

  @Test
  void should_load_any_file_or_name_its_problem() {
    AtomicInteger inputs = new AtomicInteger();
    assertTimeoutPreemptively(
        Duration.ofSeconds(90),
        () ->
            qt().withExamples(4_000)
                .forAll(CONFIGS)
                .checkAssert(
                    yaml -> {
                      inputs.incrementAndGet();
                      try {
                        assertThat(ConfigLoader.parse(yaml, "sift.yml", Path.of("/etc/sift")))
                            .isNotNull();
                      } catch (ConfigException e) {
                        assertThat(e.getMessage()).startsWith("sift.yml");
                      }
                    }));
    System.out.println("fuzz config loader: " + inputs + " inputs, 0 failures");
  }

  private static Map<String, Object> section(Rand r, String name, int depth) {
    Map<String, Object> out = new LinkedHashMap<>();
    List<String> keys = SCHEMA.getOrDefault(name, List.of());
    int n = r.below(keys.size() + 1);
    for (int i = 0; i < n; i++) {
      String key = r.chance(97) ? r.pick(keys) : dumpable(r.junk(6));
      out.put(key, value(r, key, depth + 1));
    }
    return out;
  }

  private static Object value(Rand r, String key, int depth) {
    if (SCHEMA.containsKey(key) && depth < 4 && r.chance(85)) {
      if (LISTS.contains(key)) {
        List<Object> items = new ArrayList<>();
        int n = r.below(3);
        for (int i = 0; i < n; i++) {
          items.add(section(r, key, depth));
        }
        return items;
      }
      if (key.equals("teams")) {
        return Map.of(r.pick(List.of("billing", "ops")), section(r, key, depth));
      }
      return section(r, key, depth);
    }
    return switch (r.below(10)) {
      case 0 -> List.of(scalar(r), scalar(r));
      case 1 -> Map.of(scalar(r), scalar(r));
      case 2 -> r.chance(50) ? r.below(100_000) - 50 : 1e300;
      default -> scalar(r);
    };
  }

  private static String scalar(Rand r) {
    return dumpable(r.wordOrJunk(SCALARS, 12));
  }

  /** SnakeYAML cannot write unpaired surrogates or most controls; raw junk is tried separately. */
  private static String dumpable(String s) {
    return s.replaceAll("[\\ud800-\\udfff\\p{Cc}&&[^\\n\\t]]", "?");
  }

  private static String dump(Map<String, Object> tree) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    return new Yaml(options).dump(tree);
  }

  /** Billion laughs: each level a list of nine aliases to the one before. */
  private static String bomb(int levels) {
    StringBuilder yaml = new StringBuilder("a0: &a0 [lol]\n");
    for (int i = 1; i <= levels; i++) {
      yaml.append("a").append(i).append(": &a").append(i).append(" [");
      yaml.append(String.join(", ", java.util.Collections.nCopies(9, "*a" + (i - 1))));
      yaml.append("]\n");
    }
    return yaml + "slack: {channels: *a" + levels + "}\n";
  }
}

package dev.sift.bot.config;

import dev.sift.triage.llm.CascadePolicy;
import java.time.Duration;
import java.util.List;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The reader of the {@code llm:} section of sift.yml, which becomes {@link LlmSettings}: the
 * provider and model, the key's environment variable, limits and prices, and the cascade's rules
 * for when the LLM is asked. Absent means no LLM: Sift runs on its embedded classifier alone.
 */
final class LlmLoader {
  private static final String DOLLARS = " (dollars per million tokens)";

  private final ConfigLoader c;

  LlmLoader(ConfigLoader c) {
    this.c = c;
  }

  /** The settings, or null when sift.yml has no {@code llm:} section. */
  LlmSettings load(MappingNode llm) {
    if (llm == null) {
      return null;
    }
    Node provider = ConfigLoader.value(llm, "provider");
    if (provider == null) {
      throw c.error(llm, "llm.provider is required: " + String.join(", ", LlmSettings.PROVIDERS));
    }
    MappingNode prices = c.optionalMapping(llm, "price_per_million");
    MappingNode cascade = c.optionalMapping(llm, "cascade");
    CascadePolicy d = CascadePolicy.DEFAULTS;
    Node baseUrl = ConfigLoader.value(llm, "base_url");
    Node model = ConfigLoader.value(llm, "model");
    Node keyEnv = ConfigLoader.value(llm, "api_key_env");
    Node timeout = ConfigLoader.value(llm, "timeout");
    Node schema = ConfigLoader.value(llm, "json_schema");
    String name = c.text(provider);
    try {
      CascadePolicy policy =
          new CascadePolicy(
              c.optionalBool(ConfigLoader.value(cascade, "always"), d.always()),
              c.number(
                  ConfigLoader.value(cascade, "min_confidence"),
                  d.minConfidence(),
                  "llm.cascade.min_confidence",
                  0,
                  1,
                  ConfigLoader.SHARE),
              c.number(
                  ConfigLoader.value(cascade, "min_margin"),
                  d.minMargin(),
                  "llm.cascade.min_margin",
                  0,
                  1,
                  ConfigLoader.SHARE),
              c.strings(
                  ConfigLoader.value(cascade, "high_stakes_channels"), d.highStakesChannels()),
              c.strings(ConfigLoader.value(cascade, "opt_out_channels"), d.optOutChannels()),
              c.optionalBool(ConfigLoader.value(cascade, "include_private"), d.includePrivate()),
              c.integer(
                  ConfigLoader.value(cascade, "batch_size"),
                  d.batchSize(),
                  "llm.cascade.batch_size",
                  1,
                  50));
      return new LlmSettings(
          name,
          baseUrl == null ? null : c.text(baseUrl),
          model == null ? null : c.text(model),
          keyEnv == null ? null : c.text(keyEnv),
          c.number(ConfigLoader.value(llm, "temperature"), 0.0, "llm.temperature", 0, 2, ""),
          timeout == null
              ? Duration.ofSeconds(20)
              : c.duration(timeout, "llm.timeout", Duration.ofSeconds(1), Duration.ofMinutes(10)),
          c.integer(ConfigLoader.value(llm, "max_attempts"), 3, "llm.max_attempts", 1, 10),
          schema == null ? name.startsWith("openai") : c.bool(schema),
          (long)
              c.number(
                  ConfigLoader.value(llm, "daily_token_budget"),
                  0,
                  "llm.daily_token_budget",
                  0,
                  1e12,
                  " (tokens a day; 0 means no limit)"),
          c.number(
              ConfigLoader.value(prices, "input"),
              0,
              "llm.price_per_million.input",
              0,
              1000,
              DOLLARS),
          c.number(
              ConfigLoader.value(prices, "output"),
              0,
              "llm.price_per_million.output",
              0,
              1000,
              DOLLARS),
          c.strings(ConfigLoader.value(llm, "teams"), List.of()),
          policy);
    } catch (IllegalArgumentException e) {
      throw c.error(llm, e.getMessage());
    }
  }
}

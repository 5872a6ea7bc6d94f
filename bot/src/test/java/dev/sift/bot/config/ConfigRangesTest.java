package dev.sift.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every number and duration in sift.yml is checked for range at start, and says its range. */
class ConfigRangesTest {
  private static final Path HERE = Path.of(".");

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "llm: {provider: ollama, cascade: {min_confidence: 60}}|llm.cascade.min_confidence|0..1",
        "llm: {provider: ollama, cascade: {min_margin: -0.1}}|llm.cascade.min_margin|0..1",
        "llm: {provider: ollama, cascade: {batch_size: 0}}|llm.cascade.batch_size|1..50",
        "llm: {provider: ollama, temperature: 7}|llm.temperature|0..2",
        "llm: {provider: ollama, timeout: 0s}|llm.timeout|1s..10m",
        "llm: {provider: ollama, max_attempts: 50}|llm.max_attempts|1..10",
        "llm: {provider: ollama, daily_token_budget: -5}|llm.daily_token_budget|0..",
        "llm: {provider: ollama, price_per_million: {input: -1}}|llm.price_per_million.input|0..1000",
        "slack: {workers: 0}|slack.workers|1..64",
        "slack: {queue_capacity: 0}|slack.queue_capacity|1..10000000",
        "slack: {history_pace: 2h}|slack.history_pace|0s..1m",
        "duplicates: {min_similarity: 80}|duplicates.min_similarity|0..1",
        "duplicates: {window: 90d}|duplicates.window|1m..30d",
        "priority: {reporters_to_escalate: 1}|priority.reporters_to_escalate|2..1000",
        "sla: {repeat_every: 0s}|sla.repeat_every|1m..30d",
        "sla: {max_repeats: 1000}|sla.max_repeats|0..100",
        "sla: {P1: {acknowledge: 400d}}|SLA target|1m..365d",
      })
  void should_refuse_a_value_out_of_range_naming_the_key_and_its_range(
      String yaml, String key, String range) {
    assertThatThrownBy(() -> ConfigLoader.parse(yaml, "sift.yml", HERE))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("sift.yml line 1")
        .hasMessageContaining(key)
        .hasMessageContaining(range);
  }

  @Test
  void should_say_that_a_share_is_not_a_percentage() {
    assertThatThrownBy(
            () ->
                ConfigLoader.parse(
                    "llm:\n  provider: ollama\n  cascade:\n    min_confidence: 60\n",
                    "sift.yml",
                    HERE))
        .hasMessageContaining("line 4")
        .hasMessageContaining("0.6 means 60%")
        .hasMessageContaining("was 60");
  }

  @Test
  void should_accept_the_edges_of_each_range() {
    SiftConfig c =
        ConfigLoader.parse(
            "slack: {workers: 64, history_pace: 0s}\n"
                + "llm: {provider: ollama, model: llama3, temperature: 0, cascade: {min_confidence: 1}}\n",
            "sift.yml",
            HERE);

    assertThat(c.live().workers()).isEqualTo(64);
    assertThat(c.live().historyPace()).isEqualTo(Duration.ZERO);
    assertThat(c.llm().cascade().minConfidence()).isEqualTo(1.0);
  }
}

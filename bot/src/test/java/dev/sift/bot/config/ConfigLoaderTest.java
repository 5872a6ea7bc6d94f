package dev.sift.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {
  private static final Path BASE = Path.of("/etc/sift");

  @Test
  void should_read_every_section_and_resolve_paths_against_the_file() {
    SiftConfig c =
        ConfigLoader.parse(
            "data_dir: data\nworkspace: {domain: acme.slack.com, time_zone: Europe/London}\n"
                + "taxonomy: tax.yml\npriority: {vip_channels: [client-*, exec], reporters_to_escalate: 4,"
                + " help_channels: [ubuntu]}\n"
                + "duplicates: {window: 90m, min_similarity: 0.7}\n",
            "sift.yml",
            BASE);

    assertThat(c.dataDir()).isEqualTo(BASE.resolve("data"));
    assertThat(c.workspaceDomain()).isEqualTo("acme");
    assertThat(c.taxonomyFile()).isEqualTo(BASE.resolve("tax.yml"));
    assertThat(c.priority().isVipChannel("exec")).isTrue();
    assertThat(c.priority().isHelpChannel("ubuntu")).isTrue();
    assertThat(c.priority().isHelpChannel("help")).isFalse(); // the list replaces the defaults
    assertThat(c.duplicates().window()).isEqualTo(Duration.ofMinutes(90));
  }

  @Test
  void should_name_the_line_of_a_typo_and_of_a_bad_value() {
    assertThatThrownBy(() -> ConfigLoader.parse("workspace:\n  domian: acme\n", "sift.yml", BASE))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("sift.yml line 2")
        .hasMessageContaining("unknown key 'domian'");
    assertThatThrownBy(() -> ConfigLoader.parse("duplicates:\n  window: soon\n", "sift.yml", BASE))
        .hasMessageContaining("line 2")
        .hasMessageContaining("30m, 4h, 7d or 2w");
  }

  @Test
  void should_mean_the_embedded_defaults_when_empty() {
    assertThat(ConfigLoader.parse("", "sift.yml", BASE)).isEqualTo(SiftConfig.defaults());
  }

  @Test
  void should_choose_the_embedding_model_and_list_the_shipped_ones_on_a_typo() {
    assertThat(ConfigLoader.parse("embedding: bge-small\n", "sift.yml", BASE).embedding())
        .isEqualTo(dev.sift.triage.embed.EmbeddingModel.BGE_SMALL);
    assertThat(SiftConfig.defaults().embedding())
        .isEqualTo(dev.sift.triage.embed.EmbeddingModel.MINILM);
    assertThatThrownBy(() -> ConfigLoader.parse("embedding: bge-large\n", "sift.yml", BASE))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("line 1")
        .hasMessageContaining("unknown embedding model 'bge-large'")
        .hasMessageContaining("minilm, bge-small");
  }
}

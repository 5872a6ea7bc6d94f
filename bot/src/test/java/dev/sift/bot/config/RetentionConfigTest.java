package dev.sift.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RetentionConfigTest {
  private static final Path BASE = Path.of("/etc/sift");

  @Test
  void should_read_retention_by_workspace_and_channel() {
    SiftConfig c =
        ConfigLoader.parse(
            "retention:\n  days: 90\n  teams: {T0ACME: 30}\n  channels: {\"#HR\": 7, C0LEGAL: 0}\n",
            "sift.yml",
            BASE);

    RetentionSettings r = c.retention();
    assertThat(r.daysFor("T0OTHER", "C0ENG", "eng")).isEqualTo(90);
    assertThat(r.daysFor("T0ACME", "C0ENG", "eng")).isEqualTo(30);
    assertThat(r.daysFor("T0ACME", "C0HR", "hr")).isEqualTo(7);
    assertThat(r.daysFor("T0ACME", "C0LEGAL", "legal")).isZero();
  }

  @Test
  void should_keep_forever_without_a_retention_section() {
    assertThat(ConfigLoader.parse("data_dir: d\n", "sift.yml", BASE).retention().any()).isFalse();
  }

  @Test
  void should_name_the_line_of_a_bad_retention() {
    assertThatThrownBy(() -> ConfigLoader.parse("retention:\n  days: -3\n", "sift.yml", BASE))
        .hasMessageContaining("line 2")
        .hasMessageContaining("retention.days");
    assertThatThrownBy(
            () ->
                ConfigLoader.parse(
                    "retention:\n  channels:\n    \"#hr\": soon\n", "sift.yml", BASE))
        .hasMessageContaining("line 3")
        .hasMessageContaining("whole number");
    assertThatThrownBy(() -> ConfigLoader.parse("retention:\n  dayz: 3\n", "sift.yml", BASE))
        .hasMessageContaining("unknown key 'dayz'");
  }
}

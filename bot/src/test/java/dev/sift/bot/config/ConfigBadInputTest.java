package dev.sift.bot.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Configs the fuzz test found crashing the loader (not a ConfigException), kept as regressions. */
class ConfigBadInputTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "sla: {P1: {acknowledge: 999999999999999d}}",
        "sla: {P1: {acknowledge: 99999999999999999 business days}}",
        "sla: {business_hours: {days: '-'}}",
        "sla: {business_hours: {days: 'mon-'}}",
        "duplicates: {window: 999999999999999w}",
        "slack: {history_pace: 99999999999999999999ms}",
        "a0: &a0 [lol]\na1: &a1 [*a0,*a0,*a0,*a0,*a0,*a0,*a0,*a0,*a0]\n"
            + "a2: &a2 [*a1,*a1,*a1,*a1,*a1,*a1,*a1,*a1,*a1]\n"
            + "a3: &a3 [*a2,*a2,*a2,*a2,*a2,*a2,*a2,*a2,*a2]\n"
            + "a4: &a4 [*a3,*a3,*a3,*a3,*a3,*a3,*a3,*a3,*a3]\n"
            + "a5: &a5 [*a4,*a4,*a4,*a4,*a4,*a4,*a4,*a4,*a4]\n"
            + "a6: &a6 [*a5,*a5,*a5,*a5,*a5,*a5,*a5,*a5,*a5]\n"
            + "slack: {channels: *a6}"
      })
  void should_refuse_with_a_config_exception_naming_the_file(String yaml) {
    assertThatThrownBy(() -> ConfigLoader.parse(yaml, "sift.yml", Path.of("/etc/sift")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("sift.yml");
  }
}

package dev.sift.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The {@code install:} section of sift.yml. */
class InstallConfigTest {
  private static final Path BASE = Path.of("/etc/sift");

  @Test
  void should_read_the_redirect_uri_scopes_and_grace_period() {
    SiftConfig c =
        ConfigLoader.parse(
            "install:\n  redirect_uri: https://sift.example.com/slack/oauth_redirect\n"
                + "  scopes: chat:write,commands\n  forget_after: 7d\n",
            "sift.yml",
            BASE);

    assertThat(c.install().redirectUri())
        .isEqualTo("https://sift.example.com/slack/oauth_redirect");
    assertThat(c.install().scopes()).isEqualTo("chat:write,commands");
    assertThat(c.install().forgetAfter()).isEqualTo(Duration.ofDays(7));
  }

  @Test
  void should_forget_a_workspace_thirty_days_after_it_leaves_by_default() {
    assertThat(SiftConfig.defaults().install().forgetAfter()).isEqualTo(Duration.ofDays(30));
  }

  @Test
  void should_name_the_line_of_a_bad_redirect_uri_or_grace_period() {
    assertThatThrownBy(
            () ->
                ConfigLoader.parse(
                    "install:\n  redirect_uri: sift.example.com\n", "sift.yml", BASE))
        .hasMessageContaining("line 2")
        .hasMessageContaining("/slack/oauth_redirect");
    assertThatThrownBy(
            () -> ConfigLoader.parse("install:\n  forget_after: a month\n", "sift.yml", BASE))
        .hasMessageContaining("line 2");
  }
}

package dev.sift.bot.install;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sift.bot.config.SiftConfig;
import dev.sift.bot.slack.FakeSlack;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sift run} installed by OAuth refuses to start without what it needs, and says what. */
class FrontDoorStartTest {
  @TempDir Path data;

  @Test
  void should_refuse_to_start_without_the_token_key_or_the_signing_secret() throws Exception {
    try (FakeSlack slack = new FakeSlack()) {
      SiftConfig config = SiftConfig.defaults().withDataDir(data);

      assertThatThrownBy(
              () ->
                  FrontDoor.open(
                      config, OAuthRig.SETTINGS, Map.of(), slack.config(), "127.0.0.1", 0, "s"))
          .isInstanceOf(InstallStoreException.class)
          .hasMessageContaining("SIFT_TOKEN_KEY is not set");
      assertThatThrownBy(
              () ->
                  FrontDoor.open(
                      config,
                      OAuthRig.SETTINGS,
                      Keys.env("dG9vIHNob3J0"),
                      slack.config(),
                      "127.0.0.1",
                      0,
                      "s"))
          .hasMessageContaining("must be 32 bytes");
      assertThatThrownBy(
              () ->
                  FrontDoor.open(
                      config,
                      OAuthRig.SETTINGS,
                      Keys.env(Keys.newKey()),
                      slack.config(),
                      "127.0.0.1",
                      0,
                      null))
          .hasMessageContaining("SLACK_SIGNING_SECRET");
    }
  }
}

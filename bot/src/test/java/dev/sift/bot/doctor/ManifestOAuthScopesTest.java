package dev.sift.bot.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.bot.install.OAuthSettings;
import org.junit.jupiter.api.Test;

/** An OAuth install asks for what the manifest asks for, so the two cannot drift apart. */
class ManifestOAuthScopesTest {
  @Test
  void should_ask_for_the_manifests_bot_scopes_when_installing_by_oauth() {
    assertThat(OAuthSettings.DEFAULT_SCOPES).isEqualTo(String.join(",", ManifestScopes.bundled()));
  }
}

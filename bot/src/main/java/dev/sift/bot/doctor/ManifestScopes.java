package dev.sift.bot.doctor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * The bot scopes {@code manifest.yml} asks for: the list the token's scopes are checked against.
 */
final class ManifestScopes {
  private ManifestScopes() {}

  /** The scopes in the manifest bundled with Sift, in its order. */
  static List<String> bundled() {
    try (InputStream in = ManifestScopes.class.getResourceAsStream("/manifest.yml")) {
      if (in == null) {
        throw new IllegalStateException("manifest.yml is missing from Sift's jar");
      }
      return read(new Yaml().load(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled manifest.yml", e);
    }
  }

  @SuppressWarnings("unchecked")
  static List<String> read(Object manifest) {
    Object scopes =
        ((Map<String, Object>)
                ((Map<String, Object>) ((Map<String, Object>) manifest).get("oauth_config"))
                    .get("scopes"))
            .get("bot");
    return ((List<Object>) scopes).stream().map(String::valueOf).toList();
  }
}

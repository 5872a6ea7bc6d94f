package dev.sift.bot.api;

import java.util.List;
import java.util.Objects;

/**
 * The {@code api:} section of sift.yml: who may call Sift's HTTP API.
 *
 * @param integrations each caller, with the environment variable holding its bearer token
 * @param perMinute requests one integration may make a minute before it gets 429
 */
public record ApiSettings(List<Integration> integrations, int perMinute) {
  public static final ApiSettings NONE = new ApiSettings(List.of(), 60);

  /** One caller: {@code name} is what the audit log and the card say did it. */
  public record Integration(String name, String tokenEnv) {
    public Integration {
      Objects.requireNonNull(name, "an integration needs a name");
      Objects.requireNonNull(tokenEnv, "integration '" + name + "' needs token_env");
      if (!name.matches("[a-z0-9][a-z0-9_-]{0,62}")) {
        throw new IllegalArgumentException(
            "an integration's name is lower-case letters, digits, - and _: '" + name + "'");
      }
    }
  }

  public ApiSettings {
    integrations = List.copyOf(integrations);
    if (perMinute < 1 || perMinute > 100_000) {
      throw new IllegalArgumentException(
          "api.requests_per_minute must be between 1 and 100000, not " + perMinute);
    }
    if (integrations.stream().map(Integration::name).distinct().count() < integrations.size()) {
      throw new IllegalArgumentException("two api integrations have the same name");
    }
  }
}

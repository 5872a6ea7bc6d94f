package dev.sift.bot.install;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** Test keys, environments and installations. */
final class Keys {
  private static final SecureRandom RANDOM = new SecureRandom();

  static String newKey() {
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    return Base64.getEncoder().encodeToString(raw);
  }

  static Map<String, String> env(String key) {
    Map<String, String> env = new HashMap<>();
    env.put(TokenKey.ENV, key);
    return env;
  }

  static Map<String, String> env(String key, String previous) {
    Map<String, String> env = env(key);
    env.put(TokenKey.PREVIOUS_ENV, previous);
    return env;
  }

  static Installation team(String teamId, String token) {
    return new Installation(
        null,
        null,
        teamId,
        "Team " + teamId,
        false,
        "A0SIFT",
        "B" + teamId,
        "U" + teamId,
        "chat:write,channels:history",
        token,
        null,
        null,
        Instant.parse("2026-03-01T10:00:00Z"));
  }

  static Installation org(String enterpriseId, String token) {
    return new Installation(
        enterpriseId,
        "Northwind Group",
        null,
        null,
        true,
        "A0SIFT",
        "B" + enterpriseId,
        "U" + enterpriseId,
        "chat:write",
        token,
        "xoxe-1-refresh-" + enterpriseId,
        Instant.parse("2026-03-01T22:00:00Z"),
        Instant.parse("2026-03-01T10:00:00Z"));
  }

  private Keys() {}
}

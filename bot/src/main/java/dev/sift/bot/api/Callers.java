package dev.sift.bot.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Who is calling: the integration whose token the request bears. Tokens are compared as SHA-256
 * digests with {@link MessageDigest#isEqual}, so neither a token's content nor its length shows in
 * the time a check takes; every integration is checked, a match or not.
 */
final class Callers {
  /** Shorter tokens are guessable: refused at start. */
  static final int MIN_TOKEN_LENGTH = 24;

  private final Map<String, byte[]> digests = new LinkedHashMap<>();

  /**
   * @throws IllegalArgumentException naming the integration whose token is missing or short
   */
  Callers(ApiSettings settings, Function<String, String> env) {
    for (ApiSettings.Integration i : settings.integrations()) {
      String token = env.apply(i.tokenEnv());
      if (token == null || token.strip().length() < MIN_TOKEN_LENGTH) {
        throw new IllegalArgumentException(
            "api integration '"
                + i.name()
                + "': set "
                + i.tokenEnv()
                + " to a random token of at least "
                + MIN_TOKEN_LENGTH
                + " characters (e.g. `openssl rand -hex 32`)");
      }
      digests.put(i.name(), sha256(token.strip()));
    }
  }

  boolean isEmpty() {
    return digests.isEmpty();
  }

  /** The integration an {@code Authorization} header names, if its token is one of theirs. */
  Optional<String> who(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    byte[] offered = sha256(authorization.substring(7).strip());
    String match = null;
    for (Map.Entry<String, byte[]> e : digests.entrySet()) {
      if (MessageDigest.isEqual(offered, e.getValue()) && match == null) {
        match = e.getKey();
      }
    }
    return Optional.ofNullable(match);
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}

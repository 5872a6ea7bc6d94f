package dev.sift.bot.install;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * A 256-bit AES key that seals installation records, read from the environment as base64. Its id (a
 * hash of the key, not the key) is written beside each record, so a record sealed with another key
 * is told apart from a record that was altered.
 */
public final class TokenKey {
  /** The key that seals records. */
  public static final String ENV = "SIFT_TOKEN_KEY";

  /** The key being rotated away from: records sealed with it are still read. */
  public static final String PREVIOUS_ENV = "SIFT_TOKEN_KEY_PREVIOUS";

  private final SecretKey key;
  private final String id;

  TokenKey(byte[] raw) {
    if (raw.length != 32) {
      throw new InstallStoreException(
          "the token key must be 32 bytes (256 bits), base64-encoded; this one is "
              + raw.length
              + " bytes. Make one with: openssl rand -base64 32");
    }
    this.key = new SecretKeySpec(raw, "AES");
    this.id = idOf(raw);
  }

  /** The key in {@code variable}; an error that says how to make one when it is unset or bad. */
  public static TokenKey fromEnv(Map<String, String> env, String variable) {
    String value = env.get(variable);
    if (value == null || value.isBlank()) {
      throw new InstallStoreException(
          variable
              + " is not set: installations are stored with their tokens encrypted and need a"
              + " 256-bit key. Make one with: openssl rand -base64 32");
    }
    return parse(value, variable);
  }

  /** The key in {@code variable}, or null when it is unset. */
  public static TokenKey optionalFromEnv(Map<String, String> env, String variable) {
    String value = env.get(variable);
    return value == null || value.isBlank() ? null : parse(value, variable);
  }

  static TokenKey parse(String base64, String variable) {
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new InstallStoreException(
          variable + " is not base64. Make a key with: openssl rand -base64 32");
    }
    try {
      return new TokenKey(raw);
    } catch (InstallStoreException e) {
      throw new InstallStoreException(variable + ": " + e.getMessage());
    }
  }

  SecretKey secret() {
    return key;
  }

  /** A short public name of the key: the first bytes of its SHA-256, safe to write and show. */
  public String id() {
    return id;
  }

  private static String idOf(byte[] raw) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update("sift-token-key:".getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest(raw), 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return "TokenKey[" + id + "]";
  }
}

package dev.sift.bot.sinks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a Jira webhook registered with a secret: {@code X-Hub-Signature: sha256=<hex
 * HMAC-SHA256 of the raw body>} (the WebSub form), checked over the bytes as they arrived and
 * compared in constant time.
 */
final class JiraHookSignature {
  static final String HEADER = "X-Hub-Signature";

  enum Verdict {
    GENUINE,
    MISSING,
    MALFORMED,
    FORGED
  }

  private final SecretKeySpec key;

  JiraHookSignature(String secret) {
    if (secret == null || secret.isBlank()) {
      throw new IllegalArgumentException("a secret is required to check Jira's webhooks");
    }
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  Verdict check(String header, byte[] body) {
    if (header == null || header.isBlank()) {
      return Verdict.MISSING;
    }
    String signed = header.strip();
    if (!signed.matches("sha256=[0-9a-fA-F]{64}")) {
      return Verdict.MALFORMED;
    }
    byte[] expected = sign(body).getBytes(StandardCharsets.US_ASCII);
    byte[] given =
        ("sha256=" + signed.substring(7).toLowerCase(java.util.Locale.ROOT))
            .getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, given) ? Verdict.GENUINE : Verdict.FORGED;
  }

  /** What Jira sends for this body; tests sign with it too. */
  String sign(byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this Java", e);
    }
  }
}

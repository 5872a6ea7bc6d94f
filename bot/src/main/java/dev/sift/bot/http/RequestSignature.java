package dev.sift.bot.http;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's request signing (v0), checked stricter than Bolt checks it: over the raw bytes as they
 * arrived (not a string decoded and encoded again), compared in constant time, with the timestamp
 * no more than five minutes off either way, and each signature accepted once, so a request caught
 * on the wire cannot be sent again within the window. A signature counts as used only once its
 * request was handled; a request Sift failed on can still be retried by Slack.
 */
public final class RequestSignature {
  /** How far a request's timestamp may be from now, either way (Slack's own advice). */
  static final Duration WINDOW = Duration.ofMinutes(5);

  /** Signatures remembered at most: a flood of valid requests cannot grow the memory unbounded. */
  private static final int MAX_REMEMBERED = 200_000;

  /** What the check found. */
  public enum Verdict {
    GENUINE,
    MISSING,
    MALFORMED,
    STALE,
    FORGED,
    REPLAYED
  }

  private final SecretKeySpec key;
  private final Clock clock;
  private final Map<String, Long> used = new ConcurrentHashMap<>();

  public RequestSignature(String signingSecret, Clock clock) {
    if (signingSecret == null || signingSecret.isBlank()) {
      throw new IllegalArgumentException("a signing secret is required to check Slack's requests");
    }
    this.key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    this.clock = clock;
  }

  /** Checks the {@code X-Slack-Request-Timestamp} and {@code X-Slack-Signature} of a body. */
  public Verdict check(String timestamp, String signature, byte[] body) {
    if (timestamp == null || signature == null) {
      return Verdict.MISSING;
    }
    if (!timestamp.matches("\\d{1,12}") || !signature.matches("v0=[0-9a-f]{64}")) {
      return Verdict.MALFORMED;
    }
    long sentAt = Long.parseLong(timestamp);
    long now = clock.instant().getEpochSecond();
    if (Math.abs(now - sentAt) > WINDOW.toSeconds()) {
      return Verdict.STALE;
    }
    byte[] expected =
        ("v0=" + HexFormat.of().formatHex(mac(timestamp, body)))
            .getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
      return Verdict.FORGED;
    }
    return used.containsKey(signature) ? Verdict.REPLAYED : Verdict.GENUINE;
  }

  /** Records a genuine request's signature as used, once Sift has handled the request. */
  public void handled(String timestamp, String signature) {
    long now = clock.instant().getEpochSecond();
    if (used.size() >= MAX_REMEMBERED) {
      used.values().removeIf(sentAt -> now - sentAt > WINDOW.toSeconds());
    }
    if (used.size() < MAX_REMEMBERED) {
      used.put(signature, Long.parseLong(timestamp));
    }
  }

  private byte[] mac(String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.US_ASCII));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this Java", e);
    }
  }
}

package dev.sift.bot.sinks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a webhook the way Slack signs its own requests, so a receiver can reuse the same check:
 * {@code X-Sift-Signature: v0=hex(HMAC-SHA256(secret, "v0:" + timestamp + ":" + body))} with the
 * timestamp in {@code X-Sift-Request-Timestamp} (Unix seconds); a receiver rejects a timestamp more
 * than five minutes away.
 */
public final class WebhookSigner {
  public static final String SIGNATURE = "X-Sift-Signature";
  public static final String TIMESTAMP = "X-Sift-Request-Timestamp";

  private final byte[] secret;

  public WebhookSigner(String secret) {
    if (secret == null || secret.isBlank()) {
      throw new IllegalArgumentException("a webhook sink needs a signing secret");
    }
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
  }

  public String sign(long timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      byte[] digest =
          mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
      return "v0=" + HexFormat.of().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is missing from this JVM", e);
    }
  }
}

package dev.sift.bot.sinks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A receiver's check of a Sift webhook, written from the README's description of the scheme (which
 * is Slack's "verifying requests" scheme with Sift's header names), not from {@link WebhookSigner}:
 * base string {@code v0:<timestamp>:<raw body>}, HMAC-SHA256 with the shared secret, hex, prefixed
 * {@code v0=}, compared in constant time; timestamps more than five minutes from now rejected.
 */
final class SpecVerifier {
  private final String secret;

  SpecVerifier(String secret) {
    this.secret = secret;
  }

  boolean accepts(String timestampHeader, String signatureHeader, byte[] rawBody, long nowSeconds)
      throws Exception {
    if (timestampHeader == null || signatureHeader == null) {
      return false;
    }
    long ts = Long.parseLong(timestampHeader);
    if (Math.abs(nowSeconds - ts) > 300) {
      return false;
    }
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    mac.update(("v0:" + timestampHeader + ":").getBytes(StandardCharsets.UTF_8));
    byte[] digest = mac.doFinal(rawBody);
    StringBuilder hex = new StringBuilder("v0=");
    for (byte b : digest) {
      hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
    }
    return MessageDigest.isEqual(
        hex.toString().getBytes(StandardCharsets.US_ASCII),
        signatureHeader.getBytes(StandardCharsets.US_ASCII));
  }
}

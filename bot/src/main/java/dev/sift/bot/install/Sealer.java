package dev.sift.bot.install;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals and opens records with AES-256-GCM: a fresh random 12-byte nonce per record (never reused
 * with one key), a 128-bit tag, and the record's name as associated data, so a record copied over
 * another's file is refused too. A sealed record reads {@code sift1.<key id>.<base64 nonce ‖
 * ciphertext ‖ tag>}.
 */
final class Sealer {
  private static final String PREFIX = "sift1";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final TokenKey current;
  private final TokenKey previous;

  /**
   * @param previous the key being rotated away from, or null: records sealed with it are opened (so
   *     nothing is lost if a rotation stops half-way), new records use {@code current}
   */
  Sealer(TokenKey current, TokenKey previous) {
    this.current = current;
    this.previous = previous;
  }

  TokenKey current() {
    return current;
  }

  String seal(byte[] plain, String name) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
      gcm.init(Cipher.ENCRYPT_MODE, current.secret(), new GCMParameterSpec(TAG_BITS, nonce));
      gcm.updateAAD(name.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = gcm.doFinal(plain);
      byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
      return PREFIX + "." + current.id() + "." + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available: " + e.getMessage(), e);
    }
  }

  /** The id of the key that sealed {@code record}. */
  static String keyIdOf(String record, String name) {
    String[] parts = record.strip().split("\\.", 3);
    if (parts.length != 3 || !PREFIX.equals(parts[0])) {
      throw new InstallStoreException(
          "the installation record "
              + name
              + " is not a sealed Sift record (damaged, or not written by Sift); delete it and"
              + " install Sift in that workspace again");
    }
    return parts[1];
  }

  byte[] open(String record, String name) {
    String keyId = keyIdOf(record, name);
    TokenKey key =
        keyId.equals(current.id())
            ? current
            : previous != null && keyId.equals(previous.id()) ? previous : null;
    if (key == null) {
      throw new InstallStoreException(
          "the installation record "
              + name
              + " was encrypted with key "
              + keyId
              + ", but "
              + TokenKey.ENV
              + " is key "
              + current.id()
              + (previous == null
                  ? ""
                  : " and " + TokenKey.PREVIOUS_ENV + " is key " + previous.id())
              + ": set the key it was written with (during a rotation, as "
              + TokenKey.PREVIOUS_ENV
              + ")");
    }
    byte[] all;
    try {
      all = Base64.getDecoder().decode(record.strip().split("\\.", 3)[2]);
    } catch (IllegalArgumentException e) {
      throw altered(name, e);
    }
    if (all.length < NONCE_BYTES + TAG_BITS / 8) {
      throw altered(name, null);
    }
    try {
      Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
      gcm.init(
          Cipher.DECRYPT_MODE, key.secret(), new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
      gcm.updateAAD(name.getBytes(StandardCharsets.UTF_8));
      return gcm.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
    } catch (AEADBadTagException e) {
      throw altered(name, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available: " + e.getMessage(), e);
    }
  }

  private static InstallStoreException altered(String name, Exception cause) {
    return new InstallStoreException(
        "the installation record "
            + name
            + " fails its integrity check: it was altered or damaged on disk (or copied from"
            + " another record). Its tokens cannot be trusted; delete it and install Sift in that"
            + " workspace again",
        cause);
  }
}

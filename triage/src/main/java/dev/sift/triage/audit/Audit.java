package dev.sift.triage.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Where Sift records what was done and by whom: admin actions (watch, reassign, correct, purge,
 * install) and every LLM call. Entries are append-only; they never carry message text, only ids,
 * counts and hashes.
 */
@FunctionalInterface
public interface Audit {
  /** The actor of work nobody asked for in person: schedules, retention, the LLM cascade. */
  String SYSTEM = "system";

  /** Records nothing: offline tools and tests that do not audit. */
  Audit NONE = (actor, action, target, details) -> {};

  /**
   * Records one action.
   *
   * @param actor the Slack user id who asked, or {@link #SYSTEM}
   * @param action what was done, e.g. {@code reassign}, {@code purge}, {@code llm.call}
   * @param target what it was done to (an item id, a channel id, a team id), or null
   * @param details small facts about it (counts, ids, a hash); never message text
   */
  void record(String actor, String action, String target, Map<String, ?> details);

  /** The SHA-256 of a text, in hex: lets an auditor match a prompt without storing it. */
  static String sha256(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}

package dev.sift.triage.eval;

import dev.sift.triage.verdict.Priority;
import java.util.Objects;

/**
 * One labelled row of {@code sift eval} data. Every label is optional, but a row carries at least
 * one.
 *
 * @param text the message text
 * @param category the gold category, or null
 * @param priority the gold priority, or null
 * @param group the gold duplicate group: rows with the same id report the same problem; null for a
 *     row that is nobody's duplicate
 * @param channel the channel name the row was posted in, or null
 * @param user who posted it, or null (each row then counts as a different person)
 */
public record EvalRow(
    String text, String category, Priority priority, String group, String channel, String user) {
  public EvalRow {
    Objects.requireNonNull(text, "text");
    if (category == null && priority == null && group == null) {
      throw new IllegalArgumentException("a row needs a category, a priority or a group");
    }
  }
}

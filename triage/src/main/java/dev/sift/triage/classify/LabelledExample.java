package dev.sift.triage.classify;

import java.util.Objects;

/**
 * A text with the category a human says it belongs to: a taxonomy example or a correction.
 *
 * @param sourceChannel the channel a correction's message came from, or null for examples that came
 *     from no channel (the taxonomy's): an LLM is shown a correction only if its channel may be
 *     sent
 */
public record LabelledExample(String text, String category, String sourceChannel) {
  public LabelledExample {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(category, "category");
  }

  public LabelledExample(String text, String category) {
    this(text, category, null);
  }
}

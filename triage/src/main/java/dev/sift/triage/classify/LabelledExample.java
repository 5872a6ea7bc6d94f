package dev.sift.triage.classify;

import java.util.Objects;

/** A text with the category a human says it belongs to: a taxonomy example or a correction. */
public record LabelledExample(String text, String category) {
  public LabelledExample {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(category, "category");
  }
}

package dev.sift.triage.taxonomy;

import dev.sift.triage.verdict.Priority;
import java.util.List;
import java.util.Objects;

/**
 * One category of the taxonomy: what belongs in it, how urgent it is by default, and the labelled
 * examples the embedded classifier learns from.
 */
public record Category(
    String name, String description, Priority defaultPriority, List<String> examples) {

  public Category {
    Objects.requireNonNull(name, "name");
    // Commas separate values in queries (category:bug,incident); spaces would need quoting.
    if (name.isBlank() || !name.matches("[^,\\s]+")) {
      throw new IllegalArgumentException(
          "category name '" + name + "' must be one word without spaces or commas");
    }
    description = description == null ? "" : description;
    Objects.requireNonNull(defaultPriority, "defaultPriority");
    examples = List.copyOf(examples);
  }
}

package dev.sift.triage.taxonomy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The categories messages are sorted into, in the order the user wrote them. */
public final class Taxonomy {
  /** The category trivial messages (joins, "thanks", emoji) fall into when the taxonomy has it. */
  public static final String SOCIAL = "social";

  private final Map<String, Category> byName = new LinkedHashMap<>();

  public Taxonomy(List<Category> categories) {
    if (categories.size() < 2) {
      throw new IllegalArgumentException("a taxonomy needs at least two categories");
    }
    for (Category c : categories) {
      if (byName.putIfAbsent(c.name(), c) != null) {
        throw new IllegalArgumentException("category '" + c.name() + "' is defined twice");
      }
    }
  }

  /** The categories in their defined order. */
  public List<Category> categories() {
    return List.copyOf(byName.values());
  }

  /** Category names in their defined order. */
  public List<String> names() {
    return List.copyOf(byName.keySet());
  }

  public Optional<Category> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** The named category; the error lists the ones that exist. */
  public Category get(String name) {
    Category c = byName.get(name);
    if (c == null) {
      throw new IllegalArgumentException(
          "unknown category '" + name + "': the taxonomy has " + String.join(", ", names()));
    }
    return c;
  }

  public boolean contains(String name) {
    return byName.containsKey(name);
  }

  /** The built-in taxonomy shipped with Sift. */
  public static Taxonomy defaults() {
    return TaxonomyLoader.loadDefault();
  }
}

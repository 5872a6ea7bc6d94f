package dev.sift.triage.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sift.triage.verdict.Priority;
import org.junit.jupiter.api.Test;

class TaxonomyLoaderTest {

  @Test
  void should_ship_six_default_categories_with_at_least_fifteen_examples_each() {
    Taxonomy taxonomy = Taxonomy.defaults();

    assertThat(taxonomy.names())
        .containsExactly("incident", "bug", "request", "question", "announcement", "social");
    assertThat(taxonomy.categories())
        .allSatisfy(c -> assertThat(c.examples()).hasSizeGreaterThanOrEqualTo(15));
    assertThat(taxonomy.get("incident").defaultPriority()).isEqualTo(Priority.P2);
  }

  @Test
  void should_read_a_user_taxonomy_without_priorities() {
    Taxonomy t =
        TaxonomyLoader.parse(
            "categories:\n"
                + "  - name: request\n    description: asks\n    examples: [\"please send it\"]\n"
                + "  - name: other\n    examples: [\"nice weather\"]\n",
            "t.yml");

    assertThat(t.get("request").defaultPriority()).isEqualTo(Priority.P3);
    assertThat(t.get("other").defaultPriority()).isEqualTo(Priority.P4);
  }

  @Test
  void should_name_the_line_of_broken_yaml() {
    assertThatThrownBy(() -> TaxonomyLoader.parse("categories:\n  - name: [oops\n", "t.yml"))
        .isInstanceOf(TaxonomyException.class)
        .hasMessageContaining("t.yml line 3");
  }

  @Test
  void should_name_the_line_of_an_unknown_key_and_list_the_allowed_ones() {
    String yaml = "categories:\n  - name: a\n    examples: [x]\n  - name: b\n    exemples: [y]\n";

    assertThatThrownBy(() -> TaxonomyLoader.parse(yaml, "t.yml"))
        .hasMessageContaining("t.yml line 5")
        .hasMessageContaining("unknown key 'exemples'")
        .hasMessageContaining("examples");
  }

  @Test
  void should_reject_a_bad_priority_and_a_duplicate_category() {
    assertThatThrownBy(
            () ->
                TaxonomyLoader.parse(
                    "categories:\n  - {name: a, priority: P9, examples: [x]}\n"
                        + "  - {name: b, examples: [y]}\n",
                    "t.yml"))
        .hasMessageContaining("line 2")
        .hasMessageContaining("P9");
    assertThatThrownBy(
            () ->
                TaxonomyLoader.parse(
                    "categories:\n  - {name: a, examples: [x]}\n  - {name: a, examples: [y]}\n",
                    "t.yml"))
        .hasMessageContaining("'a' is defined twice");
  }
}

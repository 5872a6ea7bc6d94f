package dev.sift.triage.taxonomy;

import dev.sift.triage.verdict.Priority;
import dev.sift.triage.yaml.YamlTree;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a taxonomy YAML file ({@code categories: [{name, description, priority, examples}]}). Works
 * on SnakeYAML's node tree rather than plain maps so every error can name its line.
 */
public final class TaxonomyLoader {
  private static final String DEFAULT_RESOURCE = "/dev/sift/triage/taxonomy/default-taxonomy.yml";
  private static final Set<String> KEYS = Set.of("name", "description", "priority", "examples");

  /**
   * Default priorities for the built-in category names, used when a user file omits {@code
   * priority}; any other category defaults to P4.
   */
  private static final Map<String, Priority> KNOWN_PRIORITIES =
      Map.of("incident", Priority.P2, "bug", Priority.P3, "request", Priority.P3);

  private TaxonomyLoader() {}

  /** Loads a user's taxonomy file; errors name the file and line. */
  public static Taxonomy load(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new TaxonomyException("cannot read taxonomy file " + file + ": " + e.getMessage(), e);
    }
  }

  static Taxonomy loadDefault() {
    try (InputStream in = TaxonomyLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "default taxonomy");
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the default taxonomy", e);
    }
  }

  /** Parses taxonomy YAML; {@code source} names it in errors. */
  public static Taxonomy parse(String yaml, String source) {
    Node root = YamlTree.compose(yaml, source, TaxonomyException::new);
    if (!(root instanceof MappingNode map)) {
      throw new TaxonomyException(source + ": expected a mapping with a 'categories' list");
    }
    Node categories = value(map, "categories");
    if (!(categories instanceof SequenceNode list) || list.getValue().isEmpty()) {
      throw error(
          source, categories == null ? root : categories, "'categories' must be a non-empty list");
    }
    List<Category> parsed = new ArrayList<>();
    for (Node entry : list.getValue()) {
      parsed.add(category(source, entry));
    }
    try {
      return new Taxonomy(parsed);
    } catch (IllegalArgumentException e) {
      throw new TaxonomyException(source + ": " + e.getMessage(), e);
    }
  }

  private static Category category(String source, Node entry) {
    if (!(entry instanceof MappingNode map)) {
      throw error(source, entry, "each category must be a mapping with name and examples");
    }
    for (NodeTuple t : map.getValue()) {
      String key = scalar(source, t.getKeyNode());
      if (!KEYS.contains(key)) {
        throw error(
            source,
            t.getKeyNode(),
            "unknown key '" + key + "'; allowed: " + String.join(", ", KEYS));
      }
    }
    Node nameNode = value(map, "name");
    if (nameNode == null) {
      throw error(source, entry, "a category needs a 'name'");
    }
    String name = scalar(source, nameNode).trim();
    Node descriptionNode = value(map, "description");
    String description = descriptionNode == null ? "" : scalar(source, descriptionNode);
    Node priorityNode = value(map, "priority");
    Priority priority;
    try {
      priority =
          priorityNode == null
              ? KNOWN_PRIORITIES.getOrDefault(name, Priority.P4)
              : Priority.parse(scalar(source, priorityNode));
    } catch (IllegalArgumentException e) {
      throw error(source, priorityNode, e.getMessage());
    }
    Node examplesNode = value(map, "examples");
    if (!(examplesNode instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
      throw error(
          source,
          examplesNode == null ? entry : examplesNode,
          "category '" + name + "' needs a non-empty 'examples' list");
    }
    List<String> examples = new ArrayList<>();
    for (Node example : seq.getValue()) {
      String text = scalar(source, example).strip();
      if (text.isEmpty()) {
        throw error(source, example, "an example of '" + name + "' is empty");
      }
      examples.add(text);
    }
    try {
      return new Category(name, description, priority, examples);
    } catch (IllegalArgumentException e) {
      throw error(source, nameNode, e.getMessage());
    }
  }

  private static Node value(MappingNode map, String key) {
    for (NodeTuple t : map.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode s && s.getValue().equals(key)) {
        return t.getValueNode();
      }
    }
    return null;
  }

  private static String scalar(String source, Node node) {
    if (node instanceof ScalarNode s) {
      return s.getValue();
    }
    throw error(source, node, "expected a plain value here");
  }

  private static TaxonomyException error(String source, Node node, String problem) {
    return new TaxonomyException(
        source + " line " + (node.getStartMark().getLine() + 1) + ": " + problem);
  }
}

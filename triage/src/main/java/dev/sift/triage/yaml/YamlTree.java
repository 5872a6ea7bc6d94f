package dev.sift.triage.yaml;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.function.BiFunction;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * YAML read as SnakeYAML's node tree rather than as maps, so the config and taxonomy loaders can
 * name the line of every error they find; a file that is no YAML at all gets its line too.
 */
public final class YamlTree {
  private YamlTree() {}

  /**
   * The root node of a document, or null for an empty one.
   *
   * @param source names the document in errors ("sift.yml")
   * @param error makes the loader's own exception from a message and a cause
   */
  public static <E extends RuntimeException> Node compose(
      String yaml, String source, BiFunction<String, Throwable, E> error) {
    try (Reader reader = new StringReader(yaml)) {
      return new Yaml(new LoaderOptions()).compose(reader);
    } catch (MarkedYAMLException e) {
      throw error.apply(
          source
              + " line "
              + (e.getProblemMark().getLine() + 1)
              + ": not valid YAML ("
              + e.getProblem()
              + ")",
          e);
    } catch (YAMLException | IOException e) {
      throw error.apply(source + ": not valid YAML (" + e.getMessage() + ")", e);
    }
  }
}

package dev.sift.triage.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sift.triage.classify.LabelledExample;
import dev.sift.triage.taxonomy.Taxonomy;
import dev.sift.triage.verdict.Priority;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads labelled data for {@code sift eval}: one JSON object a line with {@code text} and any of
 * {@code category}, {@code priority} ({@code "P1"}..{@code "P4"}) and {@code group} (a duplicate
 * group id), optionally {@code channel} and {@code user}; other fields are ignored. Errors name the
 * file and line.
 */
public final class EvalData {
  private static final ObjectMapper JSON = new ObjectMapper();

  private EvalData() {}

  /** The rows that carry a category, as examples to classify. */
  public static List<LabelledExample> read(Path file, Taxonomy taxonomy) {
    List<LabelledExample> examples = new ArrayList<>();
    for (EvalRow row : readRows(file, taxonomy)) {
      if (row.category() != null) {
        examples.add(new LabelledExample(row.text(), row.category()));
      }
    }
    if (examples.isEmpty()) {
      throw new IllegalArgumentException(file + " holds no rows with a \"category\"");
    }
    return examples;
  }

  /** Every row with all its labels, in file order. */
  public static List<EvalRow> readRows(Path file, Taxonomy taxonomy) {
    List<EvalRow> rows = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        rows.add(row(file, number, line, taxonomy));
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
    }
    if (rows.isEmpty()) {
      throw new IllegalArgumentException(file + " holds no labelled rows");
    }
    return rows;
  }

  private static EvalRow row(Path file, int number, String line, Taxonomy taxonomy) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          file + " line " + number + ": not a JSON object (" + e.getOriginalMessage() + ")");
    }
    String where = file + " line " + number + ": ";
    JsonNode text = node.get("text");
    String category = string(node, "category", where);
    String priority = string(node, "priority", where);
    String group = node.hasNonNull("group") ? node.get("group").asText() : null;
    if (text == null
        || !text.isTextual()
        || (category == null && priority == null && group == null)) {
      throw new IllegalArgumentException(
          where + "needs string fields \"text\" and \"category\" (or \"priority\" or \"group\")");
    }
    if (category != null && !taxonomy.contains(category)) {
      throw new IllegalArgumentException(
          where
              + "unknown category '"
              + category
              + "'; the taxonomy has "
              + String.join(", ", taxonomy.names())
              + " (pass the matching --taxonomy)");
    }
    Priority p;
    try {
      p = priority == null ? null : Priority.parse(priority);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + e.getMessage(), e);
    }
    return new EvalRow(
        text.asText(),
        category,
        p,
        group,
        string(node, "channel", where),
        string(node, "user", where));
  }

  private static String string(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new IllegalArgumentException(where + "\"" + field + "\" must be a string");
    }
    return value.asText();
  }
}

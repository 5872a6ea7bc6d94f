package dev.sift.triage.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sift.triage.classify.LabelledExample;
import dev.sift.triage.taxonomy.Taxonomy;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads labelled data for {@code sift eval}: one JSON object a line with {@code text} and {@code
 * category}; other fields are ignored. Errors name the file and line.
 */
public final class EvalData {
  private static final ObjectMapper JSON = new ObjectMapper();

  private EvalData() {}

  public static List<LabelledExample> read(Path file, Taxonomy taxonomy) {
    List<LabelledExample> rows = new ArrayList<>();
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

  private static LabelledExample row(Path file, int number, String line, Taxonomy taxonomy) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          file + " line " + number + ": not a JSON object (" + e.getOriginalMessage() + ")");
    }
    JsonNode text = node.get("text");
    JsonNode category = node.get("category");
    if (text == null || !text.isTextual() || category == null || !category.isTextual()) {
      throw new IllegalArgumentException(
          file + " line " + number + ": needs string fields \"text\" and \"category\"");
    }
    if (!taxonomy.contains(category.asText())) {
      throw new IllegalArgumentException(
          file
              + " line "
              + number
              + ": unknown category '"
              + category.asText()
              + "'; the taxonomy has "
              + String.join(", ", taxonomy.names())
              + " (pass the matching --taxonomy)");
    }
    return new LabelledExample(text.asText(), category.asText());
  }
}

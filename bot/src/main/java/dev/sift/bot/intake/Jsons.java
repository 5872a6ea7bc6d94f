package dev.sift.bot.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Reads Slack's JSON once, into Jackson's tree, the one JSON model the intake uses. */
final class Jsons {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Jsons() {}

  /** The tree of a JSON text, or null when it is not JSON. */
  static JsonNode read(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      return null;
    }
  }
}

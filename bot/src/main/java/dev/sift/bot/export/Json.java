package dev.sift.bot.export;

import com.fasterxml.jackson.databind.JsonNode;

/** Small readers for Slack's JSON, where a field may be absent, null, or an empty string. */
final class Json {
  private Json() {}

  /** The field's text, or null when it is absent, null, not a string, or blank. */
  static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    if (value == null || !value.isTextual() || value.textValue().isBlank()) {
      return null;
    }
    return value.textValue();
  }

  /** The text of the first of the fields that has one, or null. */
  static String firstText(JsonNode node, String... fields) {
    for (String field : fields) {
      String text = text(node, field);
      if (text != null) {
        return text;
      }
    }
    return null;
  }
}

package dev.sift.bot.slack.view;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.slack.api.util.json.GsonFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Views as Slack receives them: serialized by the SDK's own Gson, then read back, so tests assert
 * on the JSON a user's client renders rather than on builder internals.
 */
final class SlackJson {
  private static final Gson GSON = GsonFactory.createSnakeCase();

  private SlackJson() {}

  static JsonElement tree(Object blocksOrView) {
    return GSON.toJsonTree(blocksOrView);
  }

  /** Every text a user would read, in order, one per line. */
  static String visible(Object blocksOrView) {
    List<String> texts = new ArrayList<>();
    collect(tree(blocksOrView), "text", texts);
    return String.join("\n", texts);
  }

  /** The interactive elements (anything with an action id), in order. */
  static List<JsonObject> elements(Object blocksOrView) {
    List<JsonObject> found = new ArrayList<>();
    walk(tree(blocksOrView), found);
    return found;
  }

  static List<String> actionIds(Object blocksOrView) {
    return elements(blocksOrView).stream().map(e -> e.get("action_id").getAsString()).toList();
  }

  static JsonObject element(Object blocksOrView, String actionId) {
    return elements(blocksOrView).stream()
        .filter(e -> e.get("action_id").getAsString().equals(actionId))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no element with action_id " + actionId));
  }

  /** Every string value under {@code key}, at any depth. */
  static void collect(JsonElement e, String key, List<String> out) {
    if (e.isJsonArray()) {
      for (JsonElement child : e.getAsJsonArray()) {
        collect(child, key, out);
      }
    } else if (e.isJsonObject()) {
      for (var entry : e.getAsJsonObject().entrySet()) {
        JsonElement v = entry.getValue();
        if (entry.getKey().equals(key) && v.isJsonPrimitive()) {
          out.add(v.getAsString());
        } else {
          collect(v, key, out);
        }
      }
    }
  }

  private static void walk(JsonElement e, List<JsonObject> found) {
    if (e.isJsonArray()) {
      JsonArray array = e.getAsJsonArray();
      array.forEach(child -> walk(child, found));
    } else if (e.isJsonObject()) {
      JsonObject o = e.getAsJsonObject();
      if (o.has("action_id")) {
        found.add(o);
      }
      o.entrySet().forEach(entry -> walk(entry.getValue(), found));
    }
  }
}

package dev.sift.bot.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The people and bots of an export's {@code users.json}: display names, bot flags, workspace. */
final class ExportUsers implements People {
  private final Map<String, String> names = new HashMap<>();
  private final Set<String> bots = new HashSet<>();
  private String teamId;

  /** Reads a {@code users.json} array. */
  static ExportUsers from(JsonNode usersJson) {
    ExportUsers users = new ExportUsers();
    for (JsonNode user : usersJson) {
      String id = Json.text(user, "id");
      if (id == null) {
        continue;
      }
      String name = nameOf(user);
      if (name != null) {
        users.names.put(id, name);
      }
      if (user.path("is_bot").asBoolean(false)) {
        users.bots.add(id);
      }
      if (users.teamId == null) {
        users.teamId = Json.firstText(user, "team_id", "team");
      }
    }
    return users;
  }

  /**
   * The name people see: the display name they chose, else their real name, else the account name.
   * Slack leaves unset names as empty strings, so blanks count as absent.
   */
  static String nameOf(JsonNode user) {
    JsonNode profile = user.path("profile");
    String name = Json.text(profile, "display_name");
    if (name == null) {
      name = Json.text(profile, "real_name");
    }
    if (name == null) {
      name = Json.text(user, "real_name");
    }
    return name != null ? name : Json.text(user, "name");
  }

  /** The name of a user id, or null when users.json does not know it. */
  @Override
  public String name(String userId) {
    return userId == null ? null : names.get(userId);
  }

  @Override
  public boolean isBot(String userId) {
    return userId != null && bots.contains(userId);
  }

  /** The workspace id the first user that carries one names, or null. */
  String teamId() {
    return teamId;
  }
}

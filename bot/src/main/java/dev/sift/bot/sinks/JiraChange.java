package dev.sift.bot.sinks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Optional;

/**
 * What a Jira {@code jira:issue_updated} webhook says happened that a card shows: the issue was
 * resolved (its changelog sets a resolution, or moves its status into the done category), or it was
 * assigned to someone else. Anything else Jira tells (comments, edits, other events) is none.
 *
 * @param key the issue's key
 * @param resolved whether it was resolved
 * @param assignee who it is now assigned to (display name), or null when unassigned or unchanged
 * @param assigned whether its assignee changed
 * @param by who did it in Jira (display name)
 * @param account their Jira account id (Cloud) or user name (Data Center), for the audit log
 */
record JiraChange(
    String key, boolean resolved, boolean assigned, String assignee, String by, String account) {

  static Optional<JiraChange> of(JsonNode hook) {
    if (!"jira:issue_updated".equals(hook.path("webhookEvent").asText())) {
      return Optional.empty();
    }
    JsonNode issue = hook.path("issue");
    String key = issue.path("key").asText(null);
    if (key == null || !key.matches(JiraClient.KEY)) {
      return Optional.empty();
    }
    boolean resolved = false;
    boolean assigned = false;
    String assignee = null;
    for (JsonNode item : hook.path("changelog").path("items")) {
      String field =
          item.path("field").asText(item.path("fieldId").asText("")).toLowerCase(Locale.ROOT);
      switch (field) {
        case "resolution" -> resolved |= !item.path("to").asText("").isEmpty();
        case "status" ->
            resolved |=
                "done"
                    .equals(
                        issue
                            .path("fields")
                            .path("status")
                            .path("statusCategory")
                            .path("key")
                            .asText());
        case "assignee" -> {
          assigned = true;
          assignee =
              issue
                  .path("fields")
                  .path("assignee")
                  .path("displayName")
                  .asText(item.path("toString").asText(null));
        }
        default -> {}
      }
    }
    if (!resolved && !assigned) {
      return Optional.empty();
    }
    JsonNode user = hook.path("user");
    return Optional.of(
        new JiraChange(
            key,
            resolved,
            assigned,
            assignee,
            user.path("displayName").asText("someone"),
            user.path("accountId").asText(user.path("name").asText(null))));
  }

  /** What the card says: "resolved in Jira by Ana", "assigned in Jira to Omar". */
  String note() {
    if (resolved) {
      return "resolved in Jira by " + by;
    }
    return assignee == null ? "unassigned in Jira by " + by : "assigned in Jira to " + assignee;
  }
}

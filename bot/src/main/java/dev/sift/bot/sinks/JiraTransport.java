package dev.sift.bot.sinks;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Jira project as a sink: an item's first event creates its issue (the key kept in the sink's
 * folder and handed to {@link IssueLinked} for the card), later updates become comments saying what
 * changed, and a resolve a comment. Moving the issue through its workflow is left to Jira's people
 * and automation: transitions differ per workflow and none is configured.
 */
final class JiraTransport implements Transport {
  private static final Logger log = LoggerFactory.getLogger(JiraTransport.class);
  private static final String RESOLVED = SiftEvent.Type.ITEM_RESOLVED.cloudEventType();
  private static final java.util.Set<String> ITEM_EVENTS =
      java.util.Set.of(
          SiftEvent.Type.ITEM_OPENED.cloudEventType(),
          SiftEvent.Type.ITEM_UPDATED.cloudEventType(),
          RESOLVED);

  /** Longest {@code Retry-After} honoured; a longer one is Jira asking for a human's attention. */
  private static final Duration LONGEST_PAUSE = Duration.ofMinutes(5);

  private final String sink;
  private final SinkSettings.Jira jira;
  private final JiraClient client;
  private final JiraIssues issues;
  private final IssueLinked linked;

  JiraTransport(
      String sink,
      SinkSettings.Jira jira,
      JiraClient client,
      JiraIssues issues,
      IssueLinked linked) {
    this.sink = sink;
    this.jira = jira;
    this.client = client;
    this.issues = issues;
    this.linked = linked;
  }

  @Override
  public Result send(Outgoing event) {
    if (!ITEM_EVENTS.contains(event.type())) {
      return Result.delivered("not an item event: Jira takes item events only");
    }
    JsonNode data = event.data();
    String itemId = data.path("item_id").asText(event.subject());
    if (itemId == null || itemId.isBlank()) {
      return Result.refused("the event names no item");
    }
    try {
      JiraIssues.Issue issue = issues.get(itemId);
      if (issue == null) {
        Result opened = open(itemId, data);
        if (opened.outcome() != Outcome.DELIVERED || !event.type().equals(RESOLVED)) {
          return opened;
        }
        issue = issues.get(itemId);
      }
      String comment =
          event.type().equals(RESOLVED)
              ? JiraIssueText.resolved(data)
              : JiraIssueText.changes(issue, data);
      if (comment == null) {
        return Result.delivered("nothing " + issue.key() + " shows changed");
      }
      JiraClient.Answer a = client.comment(issue.key(), comment);
      if (!a.ok()) {
        return failed(a, "commenting on " + issue.key());
      }
      issues.put(itemId, JiraIssueText.state(issue.key(), data));
      return Result.delivered("commented on " + issue.key());
    } catch (IOException e) {
      return Result.tryAgain(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /**
   * Creates the item's issue, unless an earlier request whose answer was lost already did: the
   * per-item label finds it then.
   */
  private Result open(String itemId, JsonNode data) throws IOException {
    String label = JiraIssueText.itemLabel(itemId);
    if (issues.tried(itemId)) {
      JiraClient.Answer found =
          client.search("project = \"" + jql(jira.project()) + "\" AND labels = \"" + label + "\"");
      if (!found.ok()) {
        return failed(found, "looking for an issue created before");
      }
      String key = found.body().path("issues").path(0).path("key").asText(null);
      if (key != null) {
        return linked(itemId, key, data, "found " + key + ", created before its answer was lost");
      }
    }
    issues.trying(itemId);
    JiraClient.Answer created = client.create(JiraIssueText.fields(data, jira, label));
    if (!created.ok()) {
      return failed(created, "creating the issue");
    }
    String key = created.body().path("key").asText(null);
    if (key == null) {
      return Result.tryAgain("Jira created an issue but sent no key (HTTP " + created.code() + ")");
    }
    return linked(itemId, key, data, "created " + key);
  }

  private Result linked(String itemId, String key, JsonNode data, String detail) {
    if (!key.matches(JiraClient.KEY)) {
      return Result.refused("Jira answered with an issue key that is not one: " + key);
    }
    issues.put(itemId, JiraIssueText.state(key, data));
    URI browse = client.browse(key);
    try {
      linked.linked(itemId, key, browse);
    } catch (RuntimeException e) {
      // The issue exists and its key is kept; only the card lacks the link.
      log.warn("sink '{}': {} not shown on the card of {}: {}", sink, key, itemId, e.toString());
    }
    return Result.delivered(detail);
  }

  /** 429, 5xx and timeouts pass; bad credentials wait for the operator; Jira's 400s are final. */
  private static Result failed(JiraClient.Answer a, String doing) {
    int code = a.code();
    String detail = doing + ": " + a.errors();
    if (code == 401 || code == 403) {
      return Result.tryAgain(detail + " (check user and the token in secret_env)");
    }
    if (code == 408 || code == 429 || code / 100 == 5) {
      Duration pause = a.retryAfter().compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : a.retryAfter();
      return Result.tryAgain(detail, pause);
    }
    return Result.refused(detail);
  }

  /** A JQL string literal's content. */
  private static String jql(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}

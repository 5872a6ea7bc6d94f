package dev.sift.triage.item;

import java.util.Objects;

/**
 * The item's issue in another tracker (a Jira issue a sink created for it), kept with the task so
 * the card links to it and what the tracker said about it last survives a restart.
 *
 * @param tracker what people call the tracker on the card, e.g. {@code Jira}
 * @param key the issue's key there, e.g. {@code OPS-123}
 * @param url where a person opens it
 * @param note what happened to it there last, e.g. "resolved in Jira by Ana", or null
 */
public record LinkedIssue(String tracker, String key, String url, String note) {
  public LinkedIssue {
    Objects.requireNonNull(tracker, "tracker");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(url, "url");
  }

  public LinkedIssue withNote(String newNote) {
    return new LinkedIssue(tracker, key, url, newNote);
  }
}

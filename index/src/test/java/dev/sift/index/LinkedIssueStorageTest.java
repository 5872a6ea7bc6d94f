package dev.sift.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.triage.item.LinkedIssue;
import dev.sift.triage.item.Task;
import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.verdict.Priority;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The item's Jira issue lives in its document, so a restart still links the card to it; documents
 * written before issues were linked load with none.
 */
class LinkedIssueStorageTest {

  @Test
  void should_keep_the_linked_issue_and_its_note_across_a_restart(@TempDir Path dir) {
    LinkedIssue issue =
        new LinkedIssue(
            "Jira", "OPS-12", "https://jira.example.com/browse/OPS-12", "resolved in Jira by Ana");
    TriagedMessage item =
        item("1772632654.000100")
            .withTask(new Task("U1", "C9", "1772632655.000100").withIssue(issue));
    try (MessageIndex index = MessageIndex.open(dir)) {
      index.upsert(item);
      index.commit();
    }
    try (MessageIndex index = MessageIndex.open(dir)) {
      assertThat(index.find(item.key())).get().extracting(t -> t.task().issue()).isEqualTo(issue);
    }
  }

  @Test
  void should_load_an_item_stored_before_issues_were_linked_with_none() {
    try (MessageIndex index = MessageIndex.inMemory()) {
      TriagedMessage old = item("1772632656.000100").withTask(new Task("U1", "C9", "1.2"));
      index.upsert(old);
      assertThat(index.find(old.key())).get().extracting(t -> t.task().issue()).isNull();
    }
  }

  private static TriagedMessage item(String ts) {
    return MessageIndexTest.item(
        "C1", "support", ts, "ann", "portal down", "incident", Priority.P1, null);
  }
}

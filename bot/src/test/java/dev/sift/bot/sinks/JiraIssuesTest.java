package dev.sift.bot.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The item-to-issue map survives a restart and sees what another writer added. */
class JiraIssuesTest {
  @TempDir Path dir;

  @Test
  void should_remember_issues_and_tries_across_instances() {
    JiraIssues issues = JiraIssues.in(dir);
    issues.trying("C1/1.1");
    assertThat(issues.tried("C1/1.1")).isTrue();
    JiraIssues other = JiraIssues.in(dir);
    assertThat(other.tried("C1/1.1")).isTrue();

    other.put("C1/1.1", new JiraIssues.Issue("OPS-1", "P1", "open", null, 1));

    assertThat(issues.get("C1/1.1").key()).isEqualTo("OPS-1");
    assertThat(issues.itemOf("OPS-1")).contains("C1/1.1");
    assertThat(JiraIssues.in(dir).tried("C1/1.1")).isFalse();
  }
}

package dev.sift.bot.slack;

import static dev.sift.bot.slack.Envelopes.eventCallback;
import static dev.sift.bot.slack.Envelopes.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.message.Message;
import dev.sift.triage.message.MessageKey;
import dev.sift.triage.verdict.Priority;
import dev.sift.triage.verdict.Verdict;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One index holds the messages of every workspace Sift serves; a person sees only their own
 * workspace's in {@code /triage search} and {@code /triage queue}, even where channel ids are the
 * same.
 */
class WorkspaceIsolationTest {
  private static final String SUPPORT = "C0SUPPORT";
  private static final String OTHER_TEAM = "T0OTHER";

  @TempDir Path data;
  private LiveRig rig;

  @BeforeEach
  void start() throws Exception {
    rig =
        new LiveRig(new FakeSlack().channel(SUPPORT, "support", false).user("U0ISA", "Isa"), data)
            .start();
    rig.send(
        eventCallback(
            "Ev01",
            message(
                SUPPORT,
                "U0ISA",
                "1772700100.000100",
                null,
                "the client portal returns 502 on login")));
    rig.awaitStored(new MessageKey(FakeSlack.TEAM, SUPPORT, "1772700100.000100"));
    // Another workspace's urgent message, in a channel with the same id and one of its own.
    rig.sift().index().upsert(otherTeams(SUPPORT, "1772700200.000100"));
    rig.sift().index().upsert(otherTeams("C0THEIRS", "1772700300.000100"));
    rig.sift().index().refresh();
  }

  @AfterEach
  void stop() throws Exception {
    rig.close();
  }

  @Test
  void should_never_show_another_workspaces_messages_in_search() throws Exception {
    String answer = rig.command("search portal", "U0ISA", SUPPORT);

    assertThat(answer)
        .contains("502")
        .doesNotContain("acquisition")
        .doesNotContain("Project Falcon");
  }

  @Test
  void should_never_show_another_workspaces_items_in_the_queue() throws Exception {
    String answer = rig.command("queue", "U0ISA", SUPPORT);

    assertThat(answer).doesNotContain("Project Falcon");
  }

  private static TriagedMessage otherTeams(String channel, String ts) {
    Message m =
        new Message(
            OTHER_TEAM,
            channel,
            "support",
            ts,
            null,
            "U0EVE",
            "Eve",
            "Project Falcon portal outage: acquisition data room is down, 502 for the board",
            null,
            false,
            false,
            List.of(),
            List.of());
    return TriagedMessage.newItem(
        m,
        new Verdict("incident", Priority.P1, 0.95, 0.6, List.of("outage"), Verdict.EMBEDDED),
        null);
  }
}

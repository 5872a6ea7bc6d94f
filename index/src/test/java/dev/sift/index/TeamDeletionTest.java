package dev.sift.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.message.Message;
import dev.sift.triage.verdict.Priority;
import dev.sift.triage.verdict.Verdict;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A workspace's messages deleted together, the other workspaces' kept. */
class TeamDeletionTest {
  @Test
  void should_delete_every_message_of_one_workspace_and_no_other() {
    try (MessageIndex index = MessageIndex.inMemory()) {
      TriagedMessage north = item("T0NORTH", "C1", "1772632654.000100", "portal is down");
      TriagedMessage north2 = item("T0NORTH", "C2", "1772632655.000100", "portal still down");
      TriagedMessage south = item("T0SOUTH", "C9", "1772632656.000100", "portal is down here too");
      index.upsert(north);
      index.refresh();
      index.upsert(north2); // not yet searchable when the deletion comes
      index.upsert(south);

      index.deleteTeam("T0NORTH");

      assertThat(index.find(north.key())).isEmpty();
      assertThat(index.find(north2.key())).isEmpty();
      assertThat(index.find(south.key())).isPresent();
      assertThat(
              new MessageSearch(index)
                  .search(new SearchRequest("portal", null, null, 10, ZoneId.of("UTC"))))
          .extracting(h -> h.message().message().team())
          .containsOnly("T0SOUTH");
    }
  }

  private static TriagedMessage item(String team, String channel, String ts, String text) {
    Message m =
        new Message(
            team, channel, "general", ts, null, "U1", "ann", text, null, false, false, List.of(),
            List.of());
    return TriagedMessage.newItem(
        m,
        new Verdict("incident", Priority.P1, 0.9, 0.5, List.of("incident"), Verdict.EMBEDDED),
        MessageIndexTest.v(1, 0));
  }
}

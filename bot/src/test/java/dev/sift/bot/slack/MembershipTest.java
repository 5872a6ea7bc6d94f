package dev.sift.bot.slack;

import static dev.sift.bot.slack.Envelopes.eventCallback;
import static dev.sift.bot.slack.Envelopes.message;
import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import dev.sift.triage.message.MessageKey;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may see what changes as Slack changes: someone who leaves a private channel stops seeing its
 * messages at once; a channel made private or renamed counts as such within a minute.
 */
class MembershipTest {
  private static final String LEADS = "G0LEADS";

  @TempDir Path data;
  private FakeSlack slack;
  private LiveRig rig;

  @BeforeEach
  void start() throws Exception {
    slack =
        new FakeSlack()
            .channel(LEADS, "leadership", true)
            .channel("C0SUPPORT", "support", false)
            .member(LEADS, "U0PRIYA");
    rig = new LiveRig(slack, data);
  }

  @AfterEach
  void stop() throws Exception {
    rig.close();
  }

  @Test
  void should_hide_a_private_channels_messages_from_someone_the_moment_they_leave_it()
      throws Exception {
    rig.start();
    rig.send(
        eventCallback(
            "Ev1",
            message(LEADS, "U0ANA", "1772700100.000100", null, "salary bands for 2027 are final")));
    rig.awaitStored(new MessageKey(FakeSlack.TEAM, LEADS, "1772700100.000100"));
    assertThat(search("salary bands")).as("a member sees it").contains("for 2027 are final");

    slack.removeMember(LEADS, "U0PRIYA");
    String left = rig.send(eventCallback("Ev2", Envelopes.memberLeft(LEADS, "U0PRIYA")));
    assertThat(slack.awaitAck(left, LiveRig.WAIT)).isTrue();

    assertThat(search("salary bands"))
        .as("no longer a member: within the minute the cache would have kept it")
        .doesNotContain("for 2027 are final");
  }

  @Test
  void should_treat_a_channel_made_private_or_renamed_as_such_within_a_minute() throws Exception {
    AtomicLong now = new AtomicLong();
    SlackApi api = new SlackApi(Slack.getInstance(slack.config()).methods("xoxb-test"));
    Directory directory = new Directory(api, id -> Optional.empty(), now::get);
    List<String> renamed = new ArrayList<>();
    directory.onNamed(
        (id, name) -> {
          if (id.equals("C0SUPPORT")) {
            renamed.add(id + "=" + name);
          }
        });

    assertThat(directory.channel("C0SUPPORT").isPrivate()).isFalse();
    slack.channel("C0SUPPORT", "support-private", true);
    now.addAndGet(Duration.ofSeconds(30).toNanos());
    assertThat(directory.channel("C0SUPPORT").isPrivate()).as("believed for a while").isFalse();

    now.addAndGet(Duration.ofSeconds(31).toNanos());
    Directory.Channel later = directory.channel("C0SUPPORT");

    assertThat(later.isPrivate()).isTrue();
    assertThat(later.name()).isEqualTo("support-private");
    assertThat(slack.calls("conversations.list"))
        .as("one listing a minute refreshes every channel")
        .hasSize(2);
    assertThat(renamed).containsExactly("C0SUPPORT=support", "C0SUPPORT=support-private");
  }

  private String search(String words) throws InterruptedException {
    return rig.command("search " + words, "U0PRIYA", "C0SUPPORT");
  }
}

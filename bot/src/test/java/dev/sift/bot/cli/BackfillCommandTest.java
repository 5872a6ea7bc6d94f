package dev.sift.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.SlackConfig;
import dev.sift.bot.Sift;
import dev.sift.bot.config.SiftConfig;
import dev.sift.bot.slack.LiveApp;
import dev.sift.bot.slack.SlackEmulator;
import dev.sift.index.MessageIndex;
import dev.sift.triage.message.MessageKey;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BackfillCommandTest {
  @TempDir Path data;

  @Test
  void should_read_a_channels_history_into_the_index_and_resume_when_run_again() throws Exception {
    try (SlackEmulator slack = new SlackEmulator(3L, 0, 0)) {
      slack.channel("C0NEW", "client-globex");
      List<String> posted = new ArrayList<>();
      String parent = slack.post("C0NEW", "U0P1", "the export to Globex failed again", null);
      posted.add(parent);
      posted.add(slack.post("C0NEW", "U0P2", "looking at it now", parent));
      posted.add(slack.post("C0NEW", "U0P3", "can we move the Thursday call to 3pm?", null));
      String edited = slack.post("C0NEW", "U0P1", "invoices are late", null);
      slack.edit("C0NEW", edited, "invoices for November are late");
      posted.add(edited);
      String since = LocalDate.now(ZoneOffset.UTC).minusDays(2).toString();

      Run first = backfill(slack, "--channel", "#client-globex", "--since", since);
      assertThat(first.code()).as(first.err()).isZero();
      assertThat(first.out()).contains("Backfilled #client-globex", "4 messages");
      assertThat(Files.exists(data.resolve("backfill-C0NEW.json"))).isTrue();
      try (MessageIndex index = MessageIndex.open(data.resolve("index"))) {
        for (String ts : posted) {
          assertThat(index.find(new MessageKey("T12345678", "C0NEW", ts))).as(ts).isPresent();
        }
        assertThat(index.find(new MessageKey("T12345678", "C0NEW", edited)))
            .get()
            .satisfies(
                t -> assertThat(t.message().text()).isEqualTo("invoices for November are late"));
      }

      Run again = backfill(slack, "--channel", "client-globex", "--since", since);
      assertThat(again.code()).as(again.err()).isZero();
      assertThat(again.out()).contains("Resuming #client-globex");
    }
  }

  @Test
  void should_post_no_task_cards_for_backfilled_history_when_sift_runs_next() throws Exception {
    try (SlackEmulator slack = new SlackEmulator(5L, 0, 0)) {
      slack.channel("C0NEW", "client-globex");
      slack.clockAt(Instant.now().minus(Duration.ofHours(3)));
      String outage = slack.post("C0NEW", "U0P1", "the Globex portal is down for everyone", null);
      String since = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
      Run run = backfill(slack, "--channel", "client-globex", "--since", since);
      assertThat(run.code()).as(run.err()).isZero();

      SlackConfig api = new SlackConfig();
      api.setMethodsEndpointUrlPrefix(slack.apiUrl());
      api.setStatsEnabled(false);
      try (Sift sift = new Sift(SiftConfig.defaults().withDataDir(data))) {
        assertThat(sift.index().find(new MessageKey("T12345678", "C0NEW", outage))).isPresent();
        LiveApp app =
            LiveApp.start(sift, new LiveApp.Options("xoxb-test", "xapp-test", null, 0, api));
        Thread.sleep(3_000); // the card sweep runs at start; the catch-up too
        assertThat(app.awaitIdle(30, TimeUnit.SECONDS)).isTrue();
        assertThat(slack.cardPosts()).as("no card for the backfilled outage").isEmpty();

        // Someone reports it again now: that is news, and the item gets its card.
        slack.post("C0NEW", "U0P2", "the Globex portal is down for us too", null);
        for (int i = 0; i < 200 && slack.cardPosts().isEmpty(); i++) {
          Thread.sleep(50);
        }
        app.close();
        assertThat(slack.cardPosts()).hasSize(1);
        assertThat(slack.cardPosts().get(0).path("text").asText()).contains("portal is down");
      }
    }
  }

  @Test
  void should_say_to_invite_sift_when_it_is_not_in_the_channel() throws Exception {
    try (SlackEmulator slack = new SlackEmulator(4L, 0, 0)) {
      slack.channel("C0OPS", "ops");
      Run run = backfill(slack, "--channel", "#nowhere", "--since", "2026-01-01");
      assertThat(run.code()).isNotZero();
      assertThat(run.err()).contains("not in a channel called '#nowhere'", "/invite @Sift");
    }
  }

  private record Run(int code, String out, String err) {}

  private Run backfill(SlackEmulator slack, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = SiftCommand.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    BackfillCommand command = cli.getSubcommands().get("backfill").getCommand();
    Map<String, String> env =
        Map.of("SLACK_BOT_TOKEN", "xoxb-test", "SLACK_API_URL", slack.apiUrl());
    command.env = env::get;
    List<String> all = new ArrayList<>(List.of("backfill", "--data", data.toString()));
    all.addAll(List.of(args));
    int code = cli.execute(all.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }
}

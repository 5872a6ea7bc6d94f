package dev.sift.bot.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.bot.cli.SiftCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code sift sinks replay} as an operator runs it: dead letters go to the sink again, what it
 * still refuses stays, the exit status says whether any are left; a wrong sink name is a clear
 * error.
 */
class SinksCliTest {
  // Any variable set wherever the tests run serves as the shared secret: sift.yml names it.
  private static final String SECRET_ENV = "PATH";

  @TempDir Path dir;
  private Receiver receiver;
  private Path config;

  @BeforeEach
  void start() throws Exception {
    receiver = new Receiver(System.getenv(SECRET_ENV));
    config = dir.resolve("sift.yml");
    Files.writeString(
        config,
        """
        data_dir: ./data
        sinks:
          - name: tickets
            type: webhook
            url: %s
            secret_env: %s
        """
            .formatted(receiver.url(), SECRET_ENV));
  }

  @AfterEach
  void stop() {
    receiver.close();
  }

  @Test
  void should_send_dead_letters_again_and_keep_what_still_fails() throws Exception {
    SetAside letters =
        new SetAside(Sinks.folder(dir.resolve("data"), "tickets").resolve(Sinks.DEAD_LETTERS));
    for (String id : new String[] {"E1", "E2", "E3"}) {
      letters.add(
          new SetAside.Letter(
              id,
              EventEnvelope.json(
                  WebhookSinkTest.event(id, "C0SUPPORT", "support", false), settings()),
              "HTTP 400",
              Instant.parse("2026-03-05T09:00:00Z")));
    }
    receiver.answer(200, 422, 200);

    String[] out = new String[1];
    int exit = run(out, "sinks", "replay", "--config", config.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(out[0]).contains("tickets: 2 delivered, 1 still set aside").contains("E2: HTTP 422");
    assertThat(receiver.takenIds()).containsExactly("E1", "E3");
    assertThat(letters.all()).extracting(SetAside.Letter::id).containsExactly("E2");

    assertThat(run(out, "sinks", "replay", "--config", config.toString())).isZero();
    assertThat(letters.all()).isEmpty();
    assertThat(run(out, "sinks", "replay", "--sink", "nope", "--config", config.toString()))
        .isNotZero();
    assertThat(out[0]).contains("no sink named 'nope'").contains("tickets");
  }

  @Test
  void should_send_a_replays_item_events_only_when_asked() throws Exception {
    Path sample = Path.of("..", "samples", "northwind-week.zip");
    String[] out = new String[1];

    assertThat(run(out, "replay", sample.toString(), "--config", config.toString())).isZero();
    assertThat(receiver.taken).as("without --sinks, no webhook fires").isEmpty();

    assertThat(
            run(
                out,
                "replay",
                sample.toString(),
                "--sinks",
                "--config",
                config.toString(),
                "--data",
                dir.resolve("fresh").toString()))
        .isZero();
    assertThat(out[0]).containsPattern("Sink tickets: [1-9][0-9]* events sent");
    assertThat(receiver.taken)
        .extracting(e -> e.path("type").asText())
        .contains("dev.sift.item.opened.v1");
    assertThat(receiver.forged).isEmpty();
    assertThat(receiver.taken).extracting(e -> e.path("id").asText()).doesNotHaveDuplicates();
  }

  private SinkSettings settings() {
    return dev.sift.bot.config.ConfigLoader.load(config).sinks().get(0);
  }

  private static int run(String[] out, String... args) {
    StringWriter text = new StringWriter();
    CommandLine cli = SiftCommand.commandLine();
    cli.setOut(new PrintWriter(text, true));
    cli.setErr(new PrintWriter(text, true));
    int exit = cli.execute(args);
    out[0] = text.toString();
    return exit;
  }
}

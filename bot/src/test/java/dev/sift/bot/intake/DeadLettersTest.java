package dev.sift.bot.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeadLettersTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  @Test
  void should_keep_failed_events_with_their_error_and_give_them_back_once() throws Exception {
    DeadLetters letters = new DeadLetters(dir.resolve("failed-events.jsonl"));
    SlackEvent edit =
        new SlackEvent(
            SlackEvent.Kind.EDITED,
            "Ev1",
            "C0OPS",
            "channel",
            "1700000000.000100",
            JSON.readTree("{\"ts\":\"1700000000.000100\",\"text\":\"the VPN is down\"}"),
            "the VPN is slow");
    assertThat(letters.keep(edit, new IllegalStateException("index closed"))).isTrue();
    Files.writeString(letters.file(), "not json\n", java.nio.file.StandardOpenOption.APPEND);

    assertThat(Files.readString(letters.file())).contains("index closed").contains("C0OPS");
    List<SlackEvent> back = letters.takeAll();
    assertThat(back).hasSize(1);
    assertThat(back.get(0).kind()).isEqualTo(SlackEvent.Kind.EDITED);
    assertThat(back.get(0).message().path("text").asText()).isEqualTo("the VPN is down");
    assertThat(letters.takeAll()).as("taken out of the file").isEmpty();
    assertThat(Files.readString(letters.file()))
        .as("an unreadable line stays")
        .isEqualTo("not json\n");
  }
}

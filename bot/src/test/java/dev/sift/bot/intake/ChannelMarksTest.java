package dev.sift.bot.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ChannelMarksTest {
  @Test
  void a_channel_is_marked_just_before_its_oldest_message_still_waiting() {
    ChannelMarks marks = new ChannelMarks();
    marks.taken("C1", "1764752400.000100");
    marks.taken("C1", "1764752401.000100");
    marks.finished("C1", "1764752401.000100");
    assertThat(marks.checkpoints()).isEqualTo(Map.of("C1", "1764752400.000099"));

    marks.finished("C1", "1764752400.000100");
    assertThat(marks.checkpoints()).isEqualTo(Map.of("C1", "1764752401.000100"));
  }

  @Test
  void a_channel_with_messages_waiting_and_none_finished_is_marked_too() {
    // A replica that dies now must tell the others to read this channel from here.
    ChannelMarks marks = new ChannelMarks();
    marks.taken("C2", "1764752500.000200");
    assertThat(marks.checkpoints()).isEqualTo(Map.of("C2", "1764752500.000199"));
  }
}

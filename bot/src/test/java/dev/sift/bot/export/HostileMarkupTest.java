package dev.sift.bot.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Markup the event parser fuzz test found crashing the mapper, kept as regressions. */
class HostileMarkupTest {
  @Test
  void should_show_a_date_beyond_any_instant_as_typed() throws Exception {
    assertThat(
            SlackText.mrkdwn("due <!date^99999999999999999^{date}>", id -> null, id -> null).text())
        .isEqualTo("due 99999999999999999");
  }

  @Test
  void should_show_a_rich_text_date_beyond_any_instant_as_its_number() throws Exception {
    JsonNode blocks =
        new ObjectMapper()
            .readTree(
                "[{\"type\":\"rich_text\",\"elements\":[{\"type\":\"rich_text_section\","
                    + "\"elements\":[{\"type\":\"date\",\"timestamp\":-99999999999999999}]}]}]");
    assertThat(SlackText.blocks(blocks, id -> null, id -> null).text())
        .isEqualTo("-99999999999999999");
  }
}

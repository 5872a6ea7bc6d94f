package dev.sift.bot.slack.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.triage.verdict.Priority;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MrkdwnTest {

  @Test
  void should_neutralise_mentions_and_links_when_user_text_has_angle_brackets() {
    String escaped =
        Mrkdwn.escape("<!channel> <!here> <@U123> <!subteam^S1> <https://x.io|y> & co");

    assertThat(escaped)
        .isEqualTo(
            "&lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt; &lt;!subteam^S1&gt;"
                + " &lt;https://x.io|y&gt; &amp; co")
        .doesNotContain("<", ">");
  }

  @Test
  void should_escape_ampersand_first_when_text_already_looks_escaped() {
    assertThat(Mrkdwn.escape("&lt;")).isEqualTo("&amp;lt;");
  }

  @Test
  void should_leave_text_alone_when_it_fits() {
    assertThat(Mrkdwn.clip("short text", 10)).isEqualTo("short text");
  }

  @Test
  void should_cut_at_a_word_and_add_ellipsis_when_text_is_too_long() {
    String clipped = Mrkdwn.clip("the quick brown fox jumps over", 18);

    assertThat(clipped).isEqualTo("the quick brown…").hasSizeLessThanOrEqualTo(18);
  }

  @Test
  void should_cut_mid_word_when_no_space_is_near() {
    String clipped = Mrkdwn.clip("a" + "b".repeat(40), 10);

    assertThat(clipped).hasSize(10).endsWith("…");
  }

  @Test
  void should_not_split_an_entity_when_clipping_escaped_text() {
    String clipped = Mrkdwn.clip(Mrkdwn.escape("xxxxxxx<yyyy"), 10);

    assertThat(clipped).isEqualTo("xxxxxxx…");
  }

  @Test
  void should_not_split_a_link_when_clipping_mrkdwn() {
    String clipped = Mrkdwn.clip("see <https://example.com/very/long|the docs>", 20);

    assertThat(clipped).isEqualTo("see…");
  }

  @Test
  void should_not_split_an_emoji_when_clipping() {
    String clipped = Mrkdwn.clip("abcdefgh\uD83D\uDE00xyz", 10);

    assertThat(clipped).isEqualTo("abcdefgh…");
  }

  @Test
  void should_collapse_whitespace_when_one_line() {
    assertThat(Mrkdwn.oneLine("  line one\n\n  line\ttwo  ", 100)).isEqualTo("line one line two");
  }

  @ParameterizedTest
  @CsvSource({
    "P1, :red_circle:",
    "P2, :large_orange_circle:",
    "P3, :large_yellow_circle:",
    "P4, :white_circle:"
  })
  void should_colour_each_priority(Priority priority, String emoji) {
    assertThat(Mrkdwn.priorityEmoji(priority)).isEqualTo(emoji);
  }

  @Test
  void should_format_dates_for_each_reader_with_utc_fallback() {
    assertThat(Mrkdwn.date(Items.POSTED))
        .isEqualTo("<!date^1700000000^{date_short_pretty} {time}|2023-11-14 22:13 UTC>");
  }

  @Test
  void should_say_age_coarsely() {
    assertThat(Mrkdwn.ago(Items.POSTED, Items.POSTED.plusSeconds(30))).isEqualTo("just now");
    assertThat(Mrkdwn.ago(Items.POSTED, Items.POSTED.plus(Duration.ofMinutes(5))))
        .isEqualTo("5m ago");
    assertThat(Mrkdwn.ago(Items.POSTED, Items.POSTED.plus(Duration.ofMinutes(200))))
        .isEqualTo("3h ago");
    assertThat(Mrkdwn.ago(Items.POSTED, Items.POSTED.plus(Duration.ofDays(4)))).isEqualTo("4d ago");
  }

  @Test
  void should_not_let_a_url_close_the_link_early_when_it_has_special_characters() {
    assertThat(Mrkdwn.link("https://x.io/a?b=1&c=|>", "label"))
        .isEqualTo("<https://x.io/a?b=1&amp;c=%7C%3E|label>");
  }
}

package dev.sift.bot.export;

import static dev.sift.bot.export.ExportFixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Slack's markup, rendered to plain text: each mrkdwn form, then rich text blocks. */
class SlackTextTest {
  private static final Function<String, String> USERS = Map.of("U123", "Display Name")::get;
  private static final Function<String, String> CHANNELS = Map.of("C123", "general")::get;

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiterString = " -> ",
      quoteCharacter = '"',
      textBlock =
          """
          <@U123> ping                                 -> @Display Name ping
          <@U999> ping                                 -> @U999 ping
          <@U123|bob> ping                             -> @bob ping
          in <#C123|general>                           -> in #general
          in <#C123>                                   -> in #general
          in <#C999>                                   -> in #C999
          <!here> now                                  -> @here now
          <!here|here> now                             -> @here now
          <!channel> now                               -> @channel now
          <!everyone> now                              -> @everyone now
          <!subteam^S123|@team> now                    -> @team now
          due <!date^1392734382^{date_num}|2014-02-18> -> due 2014-02-18
          see <https://x.io/a|the docs>                -> see the docs (https://x.io/a)
          see <https://x.io/a>                         -> see https://x.io/a
          see <http://x.io|x.io>                       -> see http://x.io
          mail <mailto:a@b.c|a@b.c>                    -> mail a@b.c
          a &lt;b&gt; &amp;&amp; c                     -> a <b> && c
          "&amp;lt; is an entity"                      -> "&lt; is an entity"
          """)
  void should_render_mrkdwn(String mrkdwn, String expected) {
    assertThat(SlackText.mrkdwn(mrkdwn, USERS, CHANNELS).text()).isEqualTo(expected);
  }

  @Test
  void should_collect_only_http_links_in_order() {
    // when
    SlackText.Rendered rendered =
        SlackText.mrkdwn(
            "<https://a.io/x?p=1&amp;q=2|a> <mailto:a@b.c> <http://b.io> <slack://open>",
            USERS,
            CHANNELS);

    // then
    assertThat(rendered.links()).containsExactly("https://a.io/x?p=1&q=2", "http://b.io");
    assertThat(rendered.text()).startsWith("a (https://a.io/x?p=1&q=2) a@b.c http://b.io");
  }

  @Test
  void should_render_rich_text_inline_elements_lists_and_quotes() throws Exception {
    // given
    JsonNode blocks = new ObjectMapper().readTree(fixture("blocks/inline-elements.json").toFile());

    // when
    SlackText.Rendered rendered = SlackText.blocks(blocks, USERS, CHANNELS);

    // then
    assertThat(rendered.text())
        .isEqualTo(
            """
            @here @Display Name and @S123: deploy in #general failed :fire: see build 42 \
            (https://ci.example.com/42) and https://status.example.com since Jul 3, 2024
            3. roll back
            4. tell @channel
            > first line
            > second line\
            """);
    assertThat(rendered.links())
        .containsExactly("https://ci.example.com/42", "https://status.example.com");
  }

  @Test
  void should_prefer_rich_text_blocks_only_when_there_are_some() throws Exception {
    // given
    ObjectMapper json = new ObjectMapper();
    JsonNode richText = json.readTree(fixture("blocks/inline-elements.json").toFile());
    JsonNode noBlocks = json.createArrayNode();

    // when / then
    assertThat(SlackText.hasRichText(richText)).isTrue();
    assertThat(SlackText.hasRichText(noBlocks)).isFalse();
    assertThat(SlackText.hasRichText(null)).isFalse();
  }
}

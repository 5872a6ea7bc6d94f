package dev.sift.bot.export;

import static dev.sift.bot.export.ExportFixtures.MODERN_DIR;
import static dev.sift.bot.export.ExportFixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.triage.message.Message;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reads Zulip's Slack importer fixtures, arranged as an unzipped export (see its NOTICE). */
class SlackExportModernTest {
  private final List<ExportWarning> warnings = new ArrayList<>();
  private List<Message> messages;
  private String workspaceId;

  @BeforeEach
  void readExport() throws Exception {
    try (SlackExport export = SlackExport.open(fixture(MODERN_DIR))) {
      messages = export.messages(warnings::add);
      workspaceId = export.workspaceId();
    }
  }

  @Test
  void should_read_every_channel_folder_without_warnings() {
    assertThat(warnings).isEmpty();
    assertThat(messages).hasSize(16);
    assertThat(messages)
        .extracting(Message::channelName)
        .containsOnly("random", "general", "general1", "feedback");
  }

  @Test
  void should_take_the_workspace_id_from_the_first_message_that_names_one() {
    // users.json names no team, so the team field of the messages decides
    assertThat(workspaceId).isEqualTo("T06NRA6HM3P");
    assertThat(messages).allSatisfy(m -> assertThat(m.team()).isEqualTo("T06NRA6HM3P"));
  }

  @Test
  void should_give_replies_the_thread_ts_of_their_parent() {
    // when
    Message parent = byText("message body text");
    Message reply = byText("random");

    // then
    assertThat(parent.threadTs()).isEqualTo(parent.ts());
    assertThat(parent.isReply()).isFalse();
    assertThat(reply.threadTs()).isEqualTo("1434139102.000002");
    assertThat(reply.isReply()).isTrue();
    assertThat(reply.threadKey()).isEqualTo(parent.key());
  }

  @Test
  void should_keep_thread_broadcasts_in_their_thread() {
    // when
    Message broadcast = byText("everyone should see this");

    // then
    assertThat(broadcast.subtype()).isEqualTo("thread_broadcast");
    assertThat(broadcast.channelName()).isEqualTo("general1");
    assertThat(broadcast.threadTs()).isEqualTo("1434139102.000002");
    assertThat(broadcast.userName()).isEqualTo("Jon");
  }

  @Test
  void should_render_user_mentions_as_names() {
    // when
    Message mention = byTs("1772112471.400529");
    Message joined = byTs("1434139102.000002", "random");

    // then: U074VRHQ11T is in no users.json, so its id stays
    assertThat(mention.text()).isEqualTo("@Peter test user mention @U074VRHQ11T");
    assertThat(mention.userName()).isEqualTo("Peter");
    assertThat(joined.text()).isEqualTo("@John has joined the channel");
    assertThat(joined.subtype()).isEqualTo("channel_join");
  }

  @Test
  void should_render_lists_as_bullet_lines() {
    assertThat(byTs("1772029387.573109").text())
        .isEqualTo(
            """
            unordered list with subitems:
            • main item 1
                1. nested item 1
                2. nested item 2
                3. nested item 3
            • main item 2
                1. nested item 1\
            """);
  }

  @Test
  void should_keep_code_block_content_unescaped() {
    assertThat(byTs("1772029642.852459").text())
        .isEqualTo(
            """
            ```
            # I'm a code block!

            def convert_slack_formatting(text: str) -> str:
                return text
            ```\
            """);
  }

  @Test
  void should_render_quotes_with_a_marker_on_every_line() {
    assertThat(byTs("1772029790.709499").text())
        .isEqualTo(
            """
            > Hello there, I am a rich text section block!
            > Hello there, I am a rich text section block!
            > Hello there, I am a rich text section block!\
            """);
  }

  @Test
  void should_render_the_text_of_section_header_and_table_blocks_too() {
    // when
    Message message = byTs("1776874317.427959");

    // then
    assertThat(message.text())
        .contains("Hello there, I am a basic rich text block!")
        .contains("and this is a link (https://google.com)")
        .contains("This is a header block")
        .contains("Header 1 | Header 2\nDatum 1 | Datum 2");
    assertThat(message.links()).containsExactly("https://google.com");
  }

  @Test
  void should_fall_back_to_ids_for_authors_missing_from_users_json() {
    // when
    Message message = byText("edfadfa");

    // then
    assertThat(message.userId()).isEqualTo("U6006P1CN");
    assertThat(message.userName()).isNull();
    assertThat(message.channelId()).isEqualTo("C061A0WJG");
  }

  private Message byText(String text) {
    return messages.stream().filter(m -> m.text().equals(text)).findFirst().orElseThrow();
  }

  private Message byTs(String ts) {
    return messages.stream().filter(m -> m.ts().equals(ts)).findFirst().orElseThrow();
  }

  private Message byTs(String ts, String channelName) {
    return messages.stream()
        .filter(m -> m.ts().equals(ts) && m.channelName().equals(channelName))
        .findFirst()
        .orElseThrow();
  }
}

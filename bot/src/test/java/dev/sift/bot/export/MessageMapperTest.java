package dev.sift.bot.export;

import static dev.sift.bot.export.ExportFixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sift.triage.message.Message;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How one exported message becomes a {@link Message}: authors, bots, attachments, files. */
class MessageMapperTest {
  private static final ExportChannel OPS = new ExportChannel("C0OPS", "ops", false);

  private ExportUsers users;
  private JsonNode cases;
  private MessageMapper mapper;

  @BeforeEach
  void setUp() throws Exception {
    ObjectMapper json = new ObjectMapper();
    users = ExportUsers.from(json.readTree(fixture("messages/users.json").toFile()));
    cases = json.readTree(fixture("messages/mapper-cases.json").toFile());
    mapper = new MessageMapper("T0SIFT", users, Map.of("C0OPS", "ops")::get);
  }

  @Test
  void should_prefer_display_name_then_real_name_then_account_name() {
    assertThat(users.name("U01ADA")).isEqualTo("ada.l");
    assertThat(users.name("U02GRACE")).isEqualTo("Grace Hopper");
    assertThat(users.name("U03ALAN")).isEqualTo("Alan Turing");
    assertThat(users.name("U04EDSGER")).isEqualTo("edsger");
    assertThat(users.name("U0GUEST")).isNull();
    assertThat(users.teamId()).isEqualTo("T0SIFT");
  }

  @Test
  void should_append_pretext_title_text_and_fields_of_bot_attachments_or_their_fallback() {
    // when
    Message alert = mapper.map(cases.get(0), OPS);

    // then
    assertThat(alert.text())
        .isEqualTo(
            """
            Alert from #ops
            [FIRING] HighErrorRate
            error rate > 5% on api (https://api.example.com)
            Severity: critical
            runbook: https://wiki.example.com/rb
            2 more alerts firing\
            """);
    assertThat(alert.links())
        .containsExactly(
            "https://alerts.example.com/1",
            "https://api.example.com",
            "https://wiki.example.com/rb");
    assertThat(alert.bot()).isTrue();
    assertThat(alert.userId()).isEqualTo("B0ALERTS");
    assertThat(alert.userName()).isEqualTo("alertmanager");
    assertThat(alert.channelName()).isEqualTo("ops");
  }

  @Test
  void should_say_which_files_were_shared_when_there_is_no_text() {
    // when
    Message upload = mapper.map(cases.get(1), OPS);

    // then
    assertThat(upload.files()).containsExactly("q3-report.pdf", "screenshot");
    assertThat(upload.text()).isEqualTo("shared a file: q3-report.pdf, screenshot");
    assertThat(upload.edited()).isTrue();
    assertThat(upload.editedTs()).isEqualTo("1700000099.000000");
    assertThat(upload.userName()).isEqualTo("ada.l");
    assertThat(upload.subtype()).isNull();
  }

  @Test
  void should_keep_a_message_whose_edit_time_is_blank_or_malformed_as_edited_of_unknown_time()
      throws Exception {
    // Slack's own message_changed sample carries "edited": {"user": "", "ts": ""}.
    for (String editedTs : new String[] {"\"\"", "\"yesterday\"", "42", "null"}) {
      JsonNode json =
          new ObjectMapper()
              .readTree(
                  "{\"type\":\"message\",\"ts\":\"1700000001.000100\",\"user\":\"U01ADA\","
                      + "\"text\":\"the VPN is down\",\"edited\":{\"user\":\"U01ADA\",\"ts\":"
                      + editedTs
                      + "}}");

      Message message = mapper.map(json, OPS);

      assertThat(message.text()).isEqualTo("the VPN is down");
      assertThat(message.edited()).isTrue();
      assertThat(message.editedTs()).as(editedTs).isNull();
    }
  }

  @Test
  void should_name_an_author_missing_from_users_json_by_the_message_profile() {
    Message message = mapper.map(cases.get(2), OPS);

    assertThat(message.userName()).isEqualTo("Barbara Liskov");
    assertThat(message.bot()).isFalse();
    assertThat(message.edited()).isFalse();
  }

  @Test
  void should_mark_posts_of_bot_users_as_bot() {
    Message message = mapper.map(cases.get(3), OPS);

    assertThat(message.bot()).isTrue();
    assertThat(message.userName()).isEqualTo("Deploy Bot");
    assertThat(message.text()).isEqualTo("deployed abc (https://git.example.com/c/abc) to prod");
  }

  @Test
  void should_leave_link_previews_out_of_people_messages() {
    Message message = mapper.map(cases.get(4), OPS);

    assertThat(message.text()).isEqualTo("look https://news.example.com/a");
    assertThat(message.links()).containsExactly("https://news.example.com/a");
  }
}

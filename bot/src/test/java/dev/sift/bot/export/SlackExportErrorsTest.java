package dev.sift.bot.export;

import static dev.sift.bot.export.ExportFixtures.MODERN_DIR;
import static dev.sift.bot.export.ExportFixtures.copyTree;
import static dev.sift.bot.export.ExportFixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sift.triage.message.Message;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the reader does with exports that are partly or wholly broken. */
class SlackExportErrorsTest {
  private static final int MODERN_MESSAGES = 16;

  @TempDir Path tmp;
  private final List<ExportWarning> warnings = new ArrayList<>();

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          not-json.json           | is not valid JSON                                | 0
          not-an-array.json       | is not a JSON array of messages; skipped it      | 0
          message-without-ts.json | message 1 has no ts; skipped it                  | 1
          bad-ts.json             | message 1 has a bad ts 'yesterday'; skipped it   | 1
          """)
  void should_warn_once_naming_a_malformed_day_file_and_read_the_rest(
      String brokenDay, String reason, int goodMessagesInIt) throws Exception {
    // given
    Path export = copyTree(fixture(MODERN_DIR), tmp.resolve("export"));
    Files.copy(fixture("broken/" + brokenDay), export.resolve("general/2015-06-13.json"));

    // when
    List<Message> messages = read(export);

    // then
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0).file()).isEqualTo("general/2015-06-13.json");
    assertThat(warnings.get(0).reason()).startsWith(reason);
    assertThat(messages).hasSize(MODERN_MESSAGES + goodMessagesInIt);
  }

  @Test
  void should_warn_about_a_folder_that_channels_json_does_not_list() throws Exception {
    // given
    Path export = copyTree(fixture(MODERN_DIR), tmp.resolve("export"));
    Files.createDirectory(export.resolve("unlisted"));
    Files.copy(
        export.resolve("random/2017-06-25.json"), export.resolve("unlisted/2017-06-25.json"));

    // when
    List<Message> messages = read(export);

    // then
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0).file()).isEqualTo("unlisted/");
    assertThat(messages).hasSize(MODERN_MESSAGES);
  }

  @Test
  void should_reject_a_directory_without_channels_json() {
    // given: a folder of loose files, no export
    Path notAnExport = fixture("broken");

    // when / then
    assertThatThrownBy(() -> SlackExport.open(notAnExport))
        .isInstanceOf(ExportException.class)
        .hasMessage(
            notAnExport + " is not a Slack workspace export: no channels.json at its top level");
  }

  @Test
  void should_reject_a_missing_path() {
    // given
    Path missing = tmp.resolve("no-such-export.zip");

    // when / then
    assertThatThrownBy(() -> SlackExport.open(missing))
        .isInstanceOf(ExportException.class)
        .hasMessage(missing + " does not exist");
  }

  @Test
  void should_reject_a_corrupt_zip_naming_the_file() {
    // given
    Path truncated = fixture("broken/truncated.zip");

    // when / then
    assertThatThrownBy(() -> SlackExport.open(truncated))
        .isInstanceOf(ExportException.class)
        .hasMessageStartingWith(truncated + " is not a readable zip file");
  }

  @Test
  void should_reject_a_zip_without_channels_json() throws Exception {
    // given: a valid zip of the broken/ folder, which holds no channels.json
    Path zip = ExportFixtures.zipUnderFolder(fixture("broken"), "loose", tmp.resolve("loose.zip"));

    // when / then
    assertThatThrownBy(() -> SlackExport.open(zip))
        .isInstanceOf(ExportException.class)
        .hasMessageContaining("no channels.json");
  }

  private List<Message> read(Path export) throws Exception {
    try (SlackExport slackExport = SlackExport.open(export)) {
      return slackExport.messages(warnings::add);
    }
  }
}

package dev.sift.bot.export;

import static dev.sift.bot.export.ExportFixtures.CLASSIC_ZIP;
import static dev.sift.bot.export.ExportFixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.triage.message.Message;
import dev.sift.triage.message.SlackTs;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads the real 2016 export of slack-export-viewer's tests: two channels, 158 messages. */
class SlackExportClassicTest {
  private final List<ExportWarning> warnings = new ArrayList<>();

  @Test
  void should_read_classic_export_zip_with_bot_messages() throws Exception {
    // given
    Path zip = fixture(CLASSIC_ZIP);

    // when
    List<Message> messages;
    try (SlackExport export = SlackExport.open(zip)) {
      messages = export.messages(warnings::add);

      // then
      assertThat(export.workspaceId()).isEqualTo("T0BMHLSRH");
      assertThat(export.channels())
          .containsExactly(
              new ExportChannel("C0JGLMMNX", "enrique", false),
              new ExportChannel("C0JL6CGQ2", "traveling-sailor", false));
    }
    assertThat(warnings).isEmpty();
    assertThat(messages).hasSize(158);
    assertThat(messages).filteredOn(m -> "bot_message".equals(m.subtype())).hasSize(94);
    assertThat(messages).allSatisfy(m -> assertThat(m.team()).isEqualTo("T0BMHLSRH"));
    assertThat(messages).allSatisfy(m -> assertThat(m.threadTs()).isNull());
  }

  @Test
  void should_sort_every_message_by_ts_across_channels() throws Exception {
    // given
    List<Message> messages = read(fixture(CLASSIC_ZIP));

    // when
    List<Long> micros = messages.stream().map(m -> SlackTs.micros(m.ts())).toList();

    // then
    assertThat(micros).isSorted();
    assertThat(messages.get(0).channelName()).isEqualTo("enrique");
    assertThat(messages).extracting(Message::channelName).contains("traveling-sailor");
  }

  @Test
  void should_render_mentions_with_user_names() throws Exception {
    // when
    Message message = byTs(read(fixture(CLASSIC_ZIP)), "1452837352.000006");

    // then
    assertThat(message.text())
        .isEqualTo(
            "@abilinski: Created an issue for a setup.py so that it can be installed to a"
                + " standard place");
    assertThat(message.userId()).isEqualTo("U0BMQB6JE");
    assertThat(message.userName()).isEqualTo("hamza");
    assertThat(message.bot()).isFalse();
  }

  @Test
  void should_append_attachment_text_of_bot_messages() throws Exception {
    // when
    Message message = byTs(read(fixture(CLASSIC_ZIP)), "1458980525.000012");

    // then
    String commit =
        "https://github.com/mesos-magellan/enrique/commit/ea65bf41d4293ba8e694cf64eb193e0d8b266e8f";
    assertThat(message.bot()).isTrue();
    assertThat(message.subtype()).isEqualTo("bot_message");
    assertThat(message.userId()).isEqualTo("B0JL6RASU");
    assertThat(message.text())
        .isEqualTo(
            "[enrique:master] 1 new commit by Hamza Faran:\n"
                + "ea65bf4 ("
                + commit
                + "): Fix dependency to pyrallelsa - Hamza Faran");
    assertThat(message.links()).containsExactly(commit);
  }

  @Test
  void should_name_the_shared_file() throws Exception {
    // when
    Message message = byTs(read(fixture(CLASSIC_ZIP)), "1459052866.000012");

    // then
    assertThat(message.subtype()).isEqualTo("file_share");
    assertThat(message.files()).containsExactly("100_cities.js");
    assertThat(message.userName()).isEqualTo("doubledeez");
    assertThat(message.text()).startsWith("@doubledeez uploaded a file: 100 cities (https://");
  }

  @Test
  void should_read_the_unzipped_export_under_a_top_folder(@TempDir Path tmp) throws Exception {
    // given: the same export unzipped, then zipped again under one top folder
    Path dir = unzip(fixture(CLASSIC_ZIP), Files.createDirectory(tmp.resolve("unzipped")));
    Path zip = ExportFixtures.zipUnderFolder(dir, "mesos-magellan", tmp.resolve("nested.zip"));

    // when
    List<Message> fromDirectory = read(dir);
    List<Message> fromNestedZip = read(zip);

    // then
    assertThat(fromDirectory).hasSize(158).isEqualTo(read(fixture(CLASSIC_ZIP)));
    assertThat(fromNestedZip).isEqualTo(fromDirectory);
  }

  private List<Message> read(Path path) throws Exception {
    try (SlackExport export = SlackExport.open(path)) {
      return export.messages(warnings::add);
    }
  }

  private static Message byTs(List<Message> messages, String ts) {
    return messages.stream().filter(m -> m.ts().equals(ts)).findFirst().orElseThrow();
  }

  private static Path unzip(Path zip, Path dir) throws Exception {
    try (InputStream in = Files.newInputStream(zip);
        ZipInputStream zipIn = new ZipInputStream(in)) {
      for (var entry = zipIn.getNextEntry(); entry != null; entry = zipIn.getNextEntry()) {
        Path target = dir.resolve(entry.getName()).normalize();
        if (entry.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(zipIn, target);
        }
      }
    }
    return dir;
  }
}

package dev.sift.bot.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile exports: zip bombs, traversal in entry names, symbolic links out of the export. */
class SlackExportBadInputTest {
  private static final String CHANNELS = "[{\"id\":\"C1\",\"name\":\"general\"}]";
  private static final String DAY =
      "[{\"type\":\"message\",\"ts\":\"1452837352.000006\",\"user\":\"U1\",\"text\":\"hi\"}]";

  @TempDir Path tmp;
  private final List<ExportWarning> warnings = new ArrayList<>();

  @Test
  void should_refuse_a_users_json_that_unpacks_past_the_limit() throws IOException {
    // given: 100 MB of spaces, a hundred KB zipped
    Path zip = bomb(" ".repeat(1 << 16), 100L << 20);

    // when / then
    assertThatThrownBy(() -> SlackExport.open(zip))
        .isInstanceOf(ExportException.class)
        .hasMessageContaining("users.json unpacks to more than 64 MB")
        .hasMessageContaining("zip bomb");
  }

  @Test
  void should_refuse_a_users_json_of_more_tokens_than_the_heap_takes() throws IOException {
    // given: 60 MB of tiny objects (under the byte limit), which as a tree would fill the heap
    Path zip = bomb("{},".repeat(1 << 16), 60L << 20);

    // when / then
    assertThatThrownBy(() -> SlackExport.open(zip))
        .isInstanceOf(ExportException.class)
        .hasMessageContaining("users.json could not be read")
        .hasMessageContaining("Token count");
  }

  /** An export whose users.json is a JSON array of {@code chunk} repeated to {@code size}. */
  private Path bomb(String chunk, long size) throws IOException {
    Path zip = tmp.resolve("bomb.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      add(out, "channels.json", CHANNELS);
      out.putNextEntry(new ZipEntry("users.json"));
      out.write('[');
      byte[] bytes = chunk.getBytes(StandardCharsets.US_ASCII);
      for (long written = 0; written < size; written += bytes.length) {
        out.write(bytes);
      }
      out.write("{}]".getBytes(StandardCharsets.US_ASCII));
      out.closeEntry();
    }
    return zip;
  }

  @Test
  void should_skip_a_day_file_past_the_limit_and_read_the_rest() throws IOException {
    Path zip =
        zip(
            "channels.json", CHANNELS,
            "general/2016-01-14.json", DAY,
            "general/2016-01-15.json", "[" + " ".repeat(10_000) + "]");

    try (SlackExport export = SlackExport.open(zip, 4_096)) {
      assertThat(export.messages(warnings::add)).hasSize(1);
    }
    assertThat(warnings)
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.file()).isEqualTo("general/2016-01-15.json");
              assertThat(w.reason()).contains("zip bomb");
            });
  }

  @Test
  void should_read_nothing_from_entries_named_outside_the_export() throws IOException {
    Path zip =
        zip(
            "channels.json", CHANNELS,
            "../general/2016-01-14.json", DAY,
            "/general/2016-01-14.json", DAY,
            "general/../../2016-01-14.json", DAY);

    try (SlackExport export = SlackExport.open(zip)) {
      assertThat(export.messages(warnings::add)).isEmpty();
    }
    assertThat(tmp.getParent().resolve("general")).doesNotExist();
  }

  @Test
  void should_not_follow_a_symbolic_link_out_of_an_unzipped_export() throws IOException {
    // given: a day file that is a link to a file elsewhere
    Path outside = Files.writeString(tmp.resolve("secret.json"), DAY);
    Path export = Files.createDirectories(tmp.resolve("export"));
    Files.writeString(export.resolve("channels.json"), CHANNELS);
    Files.createDirectories(export.resolve("general"));
    Files.createSymbolicLink(export.resolve("general/2016-01-14.json"), outside);

    try (SlackExport slack = SlackExport.open(export)) {
      assertThat(slack.messages(warnings::add)).isEmpty();
    }
  }

  private Path zip(String... namesAndContents) throws IOException {
    Path zip = tmp.resolve("export.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      for (int i = 0; i < namesAndContents.length; i += 2) {
        add(out, namesAndContents[i], namesAndContents[i + 1]);
      }
    }
    return zip;
  }

  private static void add(ZipOutputStream out, String name, String content) throws IOException {
    out.putNextEntry(new ZipEntry(name));
    OutputStream body = out;
    body.write(content.getBytes(StandardCharsets.UTF_8));
    out.closeEntry();
  }
}

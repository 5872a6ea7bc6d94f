package dev.sift.bot.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.triage.fuzz.Rand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;

/**
 * Random zip archives shaped like Slack exports (channels.json, users.json, day files), with
 * traversal and absolute entry names, zip bombs (files that unpack past the limit), wrong encodings
 * (UTF-16, Latin-1, invalid UTF-8, BOMs) and corrupted bytes: the reader reads what it can, warns
 * about the rest, or refuses the whole export with an {@link ExportException}.
 */
class SlackExportFuzzTest {
  /** The per-file limit in this test, so a bomb needs kilobytes rather than gigabytes. */
  private static final long LIMIT = 64 * 1024;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static final List<String> CHANNEL_NAMES =
      List.of("general", "random", "../etc", "/abs", "a/b", "", "日本", "__MACOSX", "..");

  private static final List<String> ENTRY_NAMES =
      List.of(
          "../../etc/passwd",
          "/etc/passwd",
          "general/../../x.json",
          "C:\\windows\\x.json",
          "general/2020-01-01.json/../x.json",
          "__MACOSX/channels.json",
          "general/",
          "./channels.json",
          "general//2020-01-01.json",
          "random/2020-13-45.json",
          "x".repeat(1000));

  private static final List<String> TIMESTAMPS =
      List.of("1452837352.000006", "1452837353.000100", "1e999999999", "", "yesterday");

  private static final List<String> TEXTS =
      List.of("deploy failed", "<@U1> look", "<!date^99999999999999999>", "&amp;", "é", "");

  private static final List<Charset> ENCODINGS =
      List.of(
          StandardCharsets.UTF_8,
          StandardCharsets.UTF_16LE,
          StandardCharsets.UTF_16BE,
          StandardCharsets.UTF_16,
          StandardCharsets.ISO_8859_1,
          Charset.forName("UTF-32"));

  private record Archive(byte[] zip, String description) {
    @Override
    public String toString() {
      return description;
    }
  }

  private static final Gen<Archive> ARCHIVES =
      Rand.gen(
          r -> {
            Map<String, byte[]> entries = new LinkedHashMap<>();
            String top = r.chance(20) ? "export/" : "";
            List<String> channels = new ArrayList<>();
            if (r.chance(90)) {
              ArrayNode list = NODES.arrayNode();
              int n = r.below(4);
              for (int i = 0; i < n; i++) {
                String name = r.pick(CHANNEL_NAMES);
                channels.add(name);
                list.add(NODES.objectNode().put("id", "C" + i).put("name", name));
              }
              entries.put(top + "channels.json", content(r, list.toString()));
            }
            if (r.chance(50)) {
              ArrayNode users = NODES.arrayNode();
              users.add(NODES.objectNode().put("id", "U1").put("team_id", "T1").put("name", "ann"));
              entries.put(top + "users.json", content(r, users.toString()));
            }
            int days = r.below(5);
            for (int i = 0; i < days && !channels.isEmpty(); i++) {
              String file = r.pick(channels) + "/2020-01-0" + (1 + r.below(9)) + ".json";
              entries.put(top + file, content(r, messages(r).toString()));
            }
            int odd = r.below(3);
            for (int i = 0; i < odd; i++) {
              entries.put(r.pick(ENTRY_NAMES), content(r, messages(r).toString()));
            }
            byte[] zip = zip(entries, r.chance(30));
            if (r.chance(5) && zip.length > 0) {
              zip[r.below(zip.length)] ^= (byte) (1 + r.below(255));
            }
            if (r.chance(3)) {
              zip = java.util.Arrays.copyOf(zip, r.below(zip.length + 1));
            }
            return new Archive(zip, entries.keySet().toString());
          });

  @TempDir Path tmp;

  @Test
  void should_read_any_archive_or_refuse_it_with_a_reason() {
    AtomicInteger inputs = new AtomicInteger();
    assertTimeoutPreemptively(
        Duration.ofSeconds(90),
        () ->
            qt().withExamples(2_000)
                .forAll(ARCHIVES)
                .checkAssert(
                    archive -> {
                      int n = inputs.incrementAndGet();
                      Path file = tmp.resolve("export-" + n + ".zip");
                      write(file, archive.zip());
                      try (SlackExport export = SlackExport.open(file, LIMIT)) {
                        List<ExportWarning> warnings = new ArrayList<>();
                        assertThat(export.workspaceId()).isNotBlank();
                        assertThat(export.messages(warnings::add)).isNotNull();
                        warnings.forEach(w -> assertThat(w.reason()).isNotBlank());
                      } catch (ExportException e) {
                        assertThat(e.getMessage()).contains(file.toString());
                      } finally {
                        delete(file);
                      }
                    }));
    System.out.println("fuzz export reader: " + inputs + " inputs, 0 failures");
  }

  /** The text in a random encoding, sometimes a bomb, invalid UTF-8 or plain junk. */
  private static byte[] content(Rand r, String json) {
    return switch (r.below(12)) {
      case 0 ->
          ("[" + " ".repeat((int) LIMIT + r.below(100_000)) + "]")
              .getBytes(StandardCharsets.US_ASCII);
      case 1 -> new byte[] {(byte) 0xC3, (byte) 0x28, '[', ']', (byte) 0xFF};
      case 2 -> r.junk(200).getBytes(StandardCharsets.UTF_8);
      case 3 -> ("\uFEFF" + json).getBytes(StandardCharsets.UTF_8);
      case 4, 5 -> json.getBytes(r.pick(ENCODINGS));
      case 6 -> ("[\"" + "a".repeat((int) LIMIT / 2) + "\"]").getBytes(StandardCharsets.UTF_8);
      default -> json.getBytes(StandardCharsets.UTF_8);
    };
  }

  private static ArrayNode messages(Rand r) {
    ArrayNode day = NODES.arrayNode();
    int n = r.below(5);
    for (int i = 0; i < n; i++) {
      ObjectNode m = NODES.objectNode();
      m.put("type", "message");
      m.put("ts", r.pick(TIMESTAMPS));
      if (r.chance(70)) {
        m.put("user", r.pick(List.of("U1", "U2", "")));
      }
      m.put("text", r.wordOrJunk(TEXTS, 30));
      if (r.chance(20)) {
        m.put("thread_ts", r.pick(TIMESTAMPS));
      }
      if (r.chance(10)) {
        m.set("ts", NODES.numberNode(1452837352.5));
      }
      if (r.chance(10)) {
        m.putArray("files").addObject().put("name", r.junk(10));
      }
      day.add(r.chance(95) ? m : NODES.textNode("not a message"));
    }
    return day;
  }

  private static byte[] zip(Map<String, byte[]> entries, boolean stored) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        ZipEntry entry = new ZipEntry(e.getKey());
        if (stored) {
          entry.setMethod(ZipEntry.STORED);
          entry.setSize(e.getValue().length);
          java.util.zip.CRC32 crc = new java.util.zip.CRC32();
          crc.update(e.getValue());
          entry.setCrc(crc.getValue());
        }
        zip.putNextEntry(entry);
        zip.write(e.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void write(Path file, byte[] bytes) {
    try {
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

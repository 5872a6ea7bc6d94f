package dev.sift.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code sift --help}: every command listed with a whole sentence, none cut off. */
class SiftHelpTest {
  @Test
  void should_list_every_command_with_a_summary_that_ends_its_sentence() {
    StringWriter out = new StringWriter();
    CommandLine cli = SiftCommand.commandLine();
    cli.setOut(new PrintWriter(out, true));

    assertThat(cli.execute("--help")).isZero();

    List<String> summaries = new ArrayList<>();
    boolean inCommands = false;
    for (String line : out.toString().lines().toList()) {
      if (line.startsWith("Commands:")) {
        inCommands = true;
      } else if (inCommands && line.matches("^  \\S.*")) {
        summaries.add(line.strip());
      } else if (inCommands && line.matches("^ {4,}\\S.*") && !summaries.isEmpty()) {
        int last = summaries.size() - 1;
        summaries.set(last, summaries.get(last) + " " + line.strip());
      }
    }
    assertThat(summaries)
        .extracting(s -> s.split("\\s+")[0])
        .contains("run", "doctor", "backfill", "replay", "search", "digest", "eval", "bench");
    assertThat(summaries).allSatisfy(s -> assertThat(s).endsWith("."));
  }
}

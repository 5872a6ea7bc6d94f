package dev.sift.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sift run} as a process, against a fake Slack that refuses the token: what it prints. */
class RunLogsTest {
  private static final String TOKEN = "xoxb-1234-5678-SECRETVALUE";

  @TempDir Path work;

  @Test
  void should_exit_with_one_clear_line_naming_the_token_without_printing_it_or_library_noise()
      throws Exception {
    try (FakeSlack slack = new FakeSlack()) {
      slack.fail("auth.test", "invalid_auth", null);
      Path config = work.resolve("sift.yml");
      Files.writeString(config, "data_dir: ./data\n");
      ProcessBuilder pb =
          new ProcessBuilder(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-cp",
              System.getProperty("java.class.path"),
              "dev.sift.bot.cli.SiftCommand",
              "run",
              "--config",
              config.toString(),
              "--port",
              "0");
      pb.environment().put("SLACK_BOT_TOKEN", TOKEN);
      pb.environment().put("SLACK_APP_TOKEN", "xapp-1-A0-SECRETAPP");
      pb.environment().put("SLACK_API_URL", slack.config().getMethodsEndpointUrlPrefix());
      // A proxy with user and password, which the fake Slack's host bypasses: Sift logs a line
      // about it, and neither password may appear.
      pb.environment().put("HTTPS_PROXY", "http://sift:PROXYPASSWORD@proxy.invalid:3128");
      pb.environment().put("NO_PROXY", "localhost,127.0.0.1");
      pb.redirectErrorStream(true);
      Path log = work.resolve("run.log");
      pb.redirectOutput(log.toFile());
      Process p = pb.start();
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("sift run exits").isTrue();

      String out = Files.readString(log, StandardCharsets.UTF_8);
      assertThat(p.exitValue()).as(out).isEqualTo(2);
      assertThat(out).contains("invalid_auth").contains("check SLACK_BOT_TOKEN");
      assertThat(out)
          .doesNotContain("SECRETVALUE")
          .doesNotContain("SECRETAPP")
          .doesNotContain("PROXYPASSWORD");
      assertThat(out).doesNotContain("CUDA").doesNotContain("\tat ");
      List<String> logLines =
          out.lines().filter(l -> l.contains(" INFO ") || l.contains(" WARN ")).toList();
      assertThat(logLines).as(out).isNotEmpty();
      assertThat(logLines)
          .allSatisfy(l -> assertThat(l).matches("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d.*"));
    }
  }
}

package dev.sift.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
      Run run = runAgainst(slack);

      assertThat(run.exit()).as(run.out()).isEqualTo(2);
      assertThat(run.out()).contains("invalid_auth").contains("check SLACK_BOT_TOKEN");
      assertNoSecrets(run.out());
      assertThat(run.out()).doesNotContain("CUDA").doesNotContain("\tat ");
      List<String> logLines =
          run.out().lines().filter(l -> l.contains(" INFO ") || l.contains(" WARN ")).toList();
      assertThat(logLines).as(run.out()).isNotEmpty();
      assertThat(logLines)
          .allSatisfy(l -> assertThat(l).matches("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d.*"));
      // The start was audited with the config's hash, though Slack then refused the token.
      assertThat(
              dev.sift.bot.audit.AuditEntry.read(
                  work.resolve("data").resolve("audit.jsonl"),
                  e -> e.action().equals("config.loaded")))
          .singleElement()
          .satisfies(
              e ->
                  assertThat(e.details().path("sha256").asText())
                      .isEqualTo(
                          dev.sift.triage.audit.Audit.sha256(
                              Files.readString(work.resolve("sift.yml")))));
    }
  }

  @Test
  void should_write_every_line_as_a_json_object_for_log_shippers_when_asked() throws Exception {
    try (FakeSlack slack = new FakeSlack()) {
      slack.fail("auth.test", "invalid_auth", null);
      Run run = runAgainst(slack, "--log-format", "json");

      assertThat(run.exit()).as(run.out()).isEqualTo(2);
      assertNoSecrets(run.out());
      List<String> lines = run.out().lines().filter(l -> !l.isBlank()).toList();
      assertThat(lines).as(run.out()).isNotEmpty();
      ObjectMapper json = new ObjectMapper();
      for (String line : lines) {
        JsonNode entry = json.readTree(line);
        assertThat(entry.path("timestamp").isNumber()).as(line).isTrue();
        assertThat(entry.path("level").asText()).as(line).isIn("INFO", "WARN", "ERROR");
        assertThat(entry.path("formattedMessage").asText()).as(line).isNotBlank();
      }
      assertThat(lines)
          .anySatisfy(
              l ->
                  assertThat(json.readTree(l).path("formattedMessage").asText())
                      .contains("invalid_auth")
                      .contains("check SLACK_BOT_TOKEN"));
    }
  }

  private record Run(int exit, String out) {}

  private Run runAgainst(FakeSlack slack, String... extraArgs) throws Exception {
    Path config = work.resolve("sift.yml");
    Files.writeString(config, "data_dir: ./data\n");
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.sift.bot.cli.SiftCommand",
                "run",
                "--config",
                config.toString(),
                "--port",
                "0"));
    command.addAll(List.of(extraArgs));
    ProcessBuilder pb = new ProcessBuilder(command);
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
    return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  private static void assertNoSecrets(String out) {
    assertThat(out)
        .doesNotContain("SECRETVALUE")
        .doesNotContain("SECRETAPP")
        .doesNotContain("PROXYPASSWORD");
  }
}

package dev.sift.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.bot.slack.FakeSlack;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code sift doctor} against a fake Slack: one line a check, the fix in words, the exit code. */
class DoctorCommandTest {
  private static final String ALL_BUT_USERGROUPS =
      "channels:history,groups:history,channels:read,groups:read,channels:join,chat:write,"
          + "reactions:write,reactions:read,users:read,im:write,im:history,commands,"
          + "app_mentions:read";

  @TempDir Path work;

  @Test
  void should_name_the_missing_scope_and_the_channel_sift_is_not_in_and_exit_non_zero()
      throws Exception {
    try (FakeSlack slack =
        new FakeSlack()
            .channel("C0SUPPORT", "support", false)
            .channel("C0OPS", "ops-triage", false)
            .botNotIn("C0OPS")
            .scopes(ALL_BUT_USERGROUPS)) {
      Path config =
          write(
              """
              routing:
                rules:
                  - name: client incidents
                    priority: [p1]
                    to: "#ops-triage"
              slack:
                admin_channel: sift-admins
              """);

      Run run = doctor(slack, config, Map.of("SLACK_APP_TOKEN", "xapp-1-test"));

      assertThat(run.code()).as(run.out()).isEqualTo(1);
      assertThat(run.line("scopes"))
          .startsWith("FAIL")
          .contains("usergroups:read")
          .doesNotContain("chat:write")
          .contains("Fix:")
          .contains("reinstall");
      assertThat(run.line("#ops-triage"))
          .startsWith("FAIL")
          .contains("routing rule 'client incidents'")
          .contains("/invite @Sift in #ops-triage");
      assertThat(run.line("#sift-admins"))
          .startsWith("FAIL")
          .contains("admin alerts")
          .contains("no such channel");
      assertThat(run.line("bot token")).startsWith("ok").contains("@sift");
      assertThat(run.line("connection")).startsWith("ok").contains("Socket Mode");
      assertThat(run.line("monitored")).startsWith("ok").contains("#support");
      assertThat(run.line("data dir")).startsWith("ok");
      assertThat(run.line("index")).startsWith("ok");
      assertThat(run.out()).contains("3 checks fail");
    }
  }

  @Test
  void should_pass_when_every_check_does() throws Exception {
    try (FakeSlack slack = new FakeSlack().channel("C0OPS", "ops-triage", false)) {
      Path config = write("routing:\n  rules:\n    - {name: all, to: '#ops-triage'}\n");

      Run run = doctor(slack, config, Map.of("SLACK_SIGNING_SECRET", "shh"));

      assertThat(run.code()).as(run.out()).isZero();
      assertThat(run.out()).doesNotContain("FAIL").contains("Sift is ready to run.");
      assertThat(run.line("scopes")).contains("all 14 scopes");
      assertThat(run.line("connection")).contains("HTTP mode");
    }
  }

  @Test
  void should_fail_the_data_dir_when_a_file_stands_where_its_folder_should_be() throws Exception {
    try (FakeSlack slack = new FakeSlack()) {
      Files.writeString(work.resolve("data"), "not a folder");

      Run run = doctor(slack, write("{}\n"), Map.of("SLACK_APP_TOKEN", "xapp-1-test"));

      assertThat(run.code()).isEqualTo(1);
      assertThat(run.line("data dir")).startsWith("FAIL").contains("not a folder").contains("Fix:");
    }
  }

  @Test
  void should_say_when_slack_refuses_the_token_and_stop_there() throws Exception {
    try (FakeSlack slack = new FakeSlack()) {
      slack.fail("auth.test", "invalid_auth", null);

      Run run = doctor(slack, write("{}\n"), Map.of("SLACK_APP_TOKEN", "xapp-1-test"));

      assertThat(run.code()).isEqualTo(1);
      assertThat(run.line("bot token"))
          .startsWith("FAIL")
          .contains("invalid_auth")
          .contains("Bot User OAuth Token")
          .doesNotContain("xoxb-doctor");
      assertThat(run.out()).doesNotContain("scopes:");
    }
  }

  @Test
  void should_report_a_broken_config_as_one_failing_line() throws Exception {
    try (FakeSlack slack = new FakeSlack()) {
      Run run =
          doctor(
              slack,
              write("llm: {provider: openai, model: x, cascade: {min_confidence: 60}}\n"),
              Map.of());

      assertThat(run.code()).isEqualTo(1);
      assertThat(run.out().lines().toList()).hasSize(1);
      assertThat(run.line("config")).startsWith("FAIL").contains("min_confidence");
    }
  }

  private Path write(String yaml) throws Exception {
    Path config = work.resolve("sift.yml");
    Files.writeString(config, yaml);
    return config;
  }

  private record Run(int code, String out) {
    String line(String check) {
      return out.lines()
          .filter(
              l -> l.matches("^(ok|warn|FAIL) +" + java.util.regex.Pattern.quote(check) + ":.*"))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no line for " + check + " in:\n" + out));
    }
  }

  private Run doctor(FakeSlack slack, Path config, Map<String, String> extraEnv) {
    StringWriter out = new StringWriter();
    CommandLine cli = SiftCommand.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(out, true));
    DoctorCommand command = cli.getSubcommands().get("doctor").getCommand();
    Map<String, String> env = new HashMap<>(extraEnv);
    env.put("SLACK_BOT_TOKEN", "xoxb-doctor");
    env.put("SLACK_API_URL", slack.config().getMethodsEndpointUrlPrefix());
    command.env = env::get;
    int code =
        cli.execute(
            "doctor", "--config", config.toString(), "--data", work.resolve("data").toString());
    return new Run(code, out.toString());
  }
}

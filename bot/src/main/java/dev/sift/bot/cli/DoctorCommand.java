package dev.sift.bot.cli;

import com.slack.api.Slack;
import com.slack.api.util.http.SlackHttpClient;
import dev.sift.bot.Sift;
import dev.sift.bot.config.ConfigException;
import dev.sift.bot.config.SiftConfig;
import dev.sift.bot.doctor.Doctor;
import dev.sift.bot.doctor.Finding;
import dev.sift.bot.net.EgressProxy;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sift doctor}: is this installation ready to run, and if not, what to do. */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    header = "Check the config, Slack tokens, scopes, channels, LLM and data dir.",
    description = {
      "Checks what `sift run` needs, one line a check, each failure with the fix in words:",
      "the config and taxonomy, the data dir (writable, free space, index whole), the LLM",
      "provider (one tiny call when configured), SLACK_BOT_TOKEN (auth.test), each scope",
      "manifest.yml asks for, SLACK_APP_TOKEN or SLACK_SIGNING_SECRET, and that Sift is in",
      "every channel sift.yml names. Exit status 1 when a check fails. Safe while `sift run`",
      "runs: it posts nothing and changes nothing."
    })
final class DoctorCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  /** The environment (tokens, SLACK_API_URL, proxy settings); tests give their own. */
  Function<String, String> env = System::getenv;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    SiftConfig config;
    try {
      config = common.resolve();
    } catch (ConfigException | IllegalArgumentException e) {
      out.println(
          Finding.fail("config", e.getMessage() + ".", "correct the file as it says.").line());
      return 1;
    }
    out.println(Finding.ok("config", describe(common)).line());
    Optional<EgressProxy> proxy = EgressProxy.resolve(config.live().proxy(), env);
    OkHttpClient http = Sift.httpClient(proxy);
    try {
      String apiUrl = env.apply("SLACK_API_URL");
      if (apiUrl == null || apiUrl.isBlank()) {
        apiUrl = config.live().apiUrl();
      }
      var slackConfig = RunCommand.slackConfig(apiUrl, proxy.orElse(null));
      Slack slack = Slack.getInstance(slackConfig, new SlackHttpClient(http));
      List<Finding> found =
          new Doctor(config, http, slack, slackConfig.getMethodsEndpointUrlPrefix(), env).examine();
      found.forEach(f -> out.println(f.line()));
      long failed = found.stream().filter(f -> f.status() == Finding.Status.FAIL).count();
      out.println(
          failed == 0
              ? "Sift is ready to run."
              : failed + (failed == 1 ? " check fails" : " checks fail") + "; see Fix: above.");
      out.flush();
      return failed == 0 ? 0 : 1;
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  private static String describe(CommonOptions common) {
    String file = common.configFile().map(p -> p.toString()).orElse(null);
    return file == null ? "no sift.yml; the embedded defaults." : file + " reads cleanly.";
  }
}

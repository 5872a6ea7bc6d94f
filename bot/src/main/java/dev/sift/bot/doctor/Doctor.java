package dev.sift.bot.doctor;

import com.slack.api.Slack;
import dev.sift.bot.config.SiftConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import okhttp3.OkHttpClient;

/** Runs every check of {@code sift doctor}, local ones first, and says what it found. */
public final class Doctor {
  private final LocalChecks local;
  private final SlackChecks slack;

  /**
   * @param slack the SDK, configured for the Web API address Sift would use
   * @param where that address, for messages
   */
  public Doctor(
      SiftConfig config,
      OkHttpClient http,
      Slack slack,
      String where,
      Function<String, String> env) {
    this.local = new LocalChecks(config, http, env);
    this.slack = new SlackChecks(slack, where, env, config, ManifestScopes.bundled());
  }

  public List<Finding> examine() {
    List<Finding> found = new ArrayList<>(local.run());
    found.addAll(slack.run());
    return found;
  }
}

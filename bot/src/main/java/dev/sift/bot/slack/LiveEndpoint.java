package dev.sift.bot.slack;

import com.slack.api.bolt.App;
import dev.sift.bot.Sift;
import dev.sift.bot.api.ItemsApi;
import dev.sift.bot.health.Health;
import dev.sift.bot.health.Readings;
import dev.sift.bot.http.HttpEndpoint;
import dev.sift.bot.http.RequestSignature;
import dev.sift.bot.intake.CatchUps;
import dev.sift.bot.intake.IndexCommits;
import dev.sift.bot.intake.WorkQueue;
import dev.sift.bot.metrics.SiftMetrics;
import dev.sift.bot.sinks.JiraHook;
import dev.sift.bot.sinks.Sinks;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live app's HTTP port: health and metrics, Slack's requests in HTTP mode, the items API and
 * Jira's hook. It lives beside the app rather than in {@code http/}, which the sinks and API it
 * serves depend on.
 */
final class LiveEndpoint {
  // Logged under the app's name, as before this wiring left LiveApp.
  private static final Logger log = LoggerFactory.getLogger(LiveApp.class);

  private LiveEndpoint() {}

  /**
   * The health and metrics port (and, in HTTP mode, Slack's requests).
   *
   * @param app the Bolt app whose requests the port takes, or null when Slack's requests come
   *     another way (Socket Mode, or a hosted workspace's front door)
   * @param connected whether Slack can be reached, for the health
   * @param stopping whether the app is stopping, for the health
   */
  static HttpEndpoint open(
      LiveApp.Options options,
      App app,
      BooleanSupplier connected,
      BooleanSupplier stopping,
      Sift sift,
      CatchUps catchUps,
      WorkQueue queue,
      IndexCommits commits,
      Readings readings,
      Sinks sinks,
      SiftMetrics metrics)
      throws IOException {
    Health health =
        new Health(
            connected,
            () -> catchUps.last() != null,
            () -> sift.indexProblem() != null && catchUps.last() == null,
            queue::size,
            commits::age,
            sift::llmBreakerOpen,
            readings::details);
    readings.registerGauges();
    sinks.registerMetrics(metrics);
    return new HttpEndpoint(
        options.bind(),
        options.port(),
        app,
        app == null ? null : new RequestSignature(options.signingSecret(), Clock.systemUTC()),
        health,
        stopping,
        metrics::scrape);
  }

  /**
   * Adds the items API (unless a hosted workspace's front door has the port) and Jira's hook, which
   * takes the resolves and assignments of Jira sinks' issues.
   */
  static void serve(
      HttpEndpoint http,
      LiveApp.Options options,
      ItemsApi itemsApi,
      int integrations,
      Optional<JiraHook> jiraHook) {
    if (itemsApi.enabled() && options.hosted() == null) {
      http.serve(ItemsApi.PATH, itemsApi);
      log.info("HTTP API for {} integration(s) on {}", integrations, ItemsApi.PATH);
    }
    jiraHook.ifPresent(hook -> http.hook(JiraHook.PATH, hook)); // Jira's resolves and assigns
  }
}

package dev.sift.bot.slack;

import dev.sift.bot.alerts.SlackErrors;
import dev.sift.bot.metrics.SiftMetrics;
import java.time.Duration;

/**
 * Watches every Web API call: counted and timed for {@code /metrics}, and its errors kept for the
 * admin channel's alerts. It lives beside {@link SlackApi} rather than in {@code metrics/}, which
 * depends on nothing of Sift's.
 */
final class MeteredCalls implements SlackApi.Observer {
  private final SiftMetrics metrics;
  private final SlackErrors errors;

  MeteredCalls(SiftMetrics metrics, SlackErrors errors) {
    this.metrics = metrics;
    this.errors = errors;
  }

  @Override
  public void called(String method, String outcome) {
    metrics.slackCall(method, outcome);
    errors.called(method, outcome);
  }

  @Override
  public void rateLimited(String method, Duration wait) {
    metrics.rateLimited(method, wait);
  }
}

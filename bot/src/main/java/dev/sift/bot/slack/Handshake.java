package dev.sift.bot.slack;

import com.slack.api.methods.response.auth.AuthTestResponse;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sift's first call to Slack at start, {@code auth.test}: retried with back-off for as long as
 * Slack cannot be reached (a network error, a 5xx), and a clear error naming {@code
 * SLACK_BOT_TOKEN} only when Slack refuses the token itself.
 */
final class Handshake {
  private static final Logger log = LoggerFactory.getLogger(Handshake.class);

  private static final Duration FIRST_WAIT = Duration.ofSeconds(1);
  private static final Duration MAX_WAIT = Duration.ofSeconds(60);

  private final SlackApi api;
  private final String where;

  /**
   * @param where Slack's Web API address, for messages
   */
  Handshake(SlackApi api, String where) {
    this.api = api;
    this.where = where;
  }

  /** Who Sift is in which workspace; blocks until Slack answers or refuses the token. */
  AuthTestResponse authTest() {
    Duration wait = FIRST_WAIT;
    long start = System.nanoTime();
    int failures = 0;
    while (true) {
      try {
        AuthTestResponse self = api.call("auth.test", m -> m.authTest(r -> r));
        if (failures > 0) {
          log.info(
              "reached Slack after {} s and {} failed attempts",
              Duration.ofNanos(System.nanoTime() - start).toSeconds(),
              failures);
        }
        return self;
      } catch (SlackCallException e) {
        if (SlackCallException.REFUSED_TOKEN.contains(e.error())) {
          throw new IllegalArgumentException(
              "Slack refused the bot token ("
                  + e.error()
                  + "): check SLACK_BOT_TOKEN, the Bot User OAuth Token (xoxb-…) on the app's"
                  + " OAuth & Permissions page",
              e);
        }
        if (!transientError(e.error())) {
          throw new IllegalArgumentException(
              "Slack answered auth.test with " + e.error() + " at " + where, e);
        }
        failures++;
        if (failures == 1) {
          log.warn(
              "cannot reach Slack at {} ({}): {}, not the token; retrying with back-off up to"
                  + " every {} s",
              where,
              e.error(),
              e.error() != null && e.error().startsWith("network:")
                  ? "a network problem (DNS, firewall, proxy?)"
                  : "Slack is having trouble",
              MAX_WAIT.toSeconds());
        } else {
          log.debug("still cannot reach Slack ({}); next try in {} s", e.error(), wait.toSeconds());
        }
        sleep(wait);
        wait = wait.multipliedBy(2).compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait.multipliedBy(2);
      }
    }
  }

  /** A network error or Slack's own trouble (HTTP 5xx, {@code internal_error}, …): try later. */
  static boolean transientError(String error) {
    return error == null
        || error.startsWith("network:")
        || error.matches("HTTP 5\\d\\d")
        || Set.of("internal_error", "fatal_error", "service_unavailable", "request_timeout")
            .contains(error);
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("stopped while waiting for Slack", e);
    }
  }
}

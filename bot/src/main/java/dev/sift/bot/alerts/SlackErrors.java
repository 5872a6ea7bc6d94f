package dev.sift.bot.alerts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.Set;

/**
 * Slack answering the same error again and again, the kind an admin must fix (a scope, an
 * invitation, a routing destination): at least {@value #REPEATS} times within {@link #WINDOW}.
 */
public final class SlackErrors {
  /** Errors that do not go away by themselves. */
  static final Set<String> NEEDS_AN_ADMIN =
      Set.of(
          "missing_scope",
          "not_in_channel",
          "channel_not_found",
          "is_archived",
          "restricted_action",
          "not_authed",
          "invalid_auth",
          "account_inactive",
          "token_revoked",
          "no_permission");

  static final int REPEATS = 3;
  static final Duration WINDOW = Duration.ofMinutes(10);

  private record Seen(String method, String error, Instant at) {}

  private final Clock clock;
  private final Deque<Seen> seen = new ArrayDeque<>();

  public SlackErrors(Clock clock) {
    this.clock = clock;
  }

  /** A call's outcome, from {@link dev.sift.bot.slack.SlackApi.Observer}. */
  public synchronized void called(String method, String outcome) {
    if (NEEDS_AN_ADMIN.contains(outcome)) {
      seen.addLast(new Seen(method, outcome, clock.instant()));
      while (seen.size() > 100) {
        seen.removeFirst();
      }
    }
  }

  /** The error Slack keeps answering, in words, or empty. */
  public synchronized Optional<String> problem() {
    Instant from = clock.instant().minus(WINDOW);
    while (!seen.isEmpty() && seen.peekFirst().at().isBefore(from)) {
      seen.removeFirst();
    }
    for (Seen s : seen) {
      long same =
          seen.stream()
              .filter(o -> o.method().equals(s.method()) && o.error().equals(s.error()))
              .count();
      if (same >= REPEATS) {
        return Optional.of(
            "Slack keeps answering "
                + s.method()
                + " with `"
                + s.error()
                + "` ("
                + same
                + " times in "
                + WINDOW.toMinutes()
                + " min): "
                + fix(s.error()));
      }
    }
    return Optional.empty();
  }

  private static String fix(String error) {
    return switch (error) {
      case "missing_scope" -> "add the scope to the app (manifest.yml) and reinstall it";
      case "not_in_channel" -> "invite the bot with /invite @Sift";
      case "channel_not_found" -> "check the channel in sift.yml (routing `to:`, digests)";
      case "is_archived" -> "a destination channel is archived; pick another in sift.yml";
      default -> "check the app's installation and SLACK_BOT_TOKEN";
    };
  }
}

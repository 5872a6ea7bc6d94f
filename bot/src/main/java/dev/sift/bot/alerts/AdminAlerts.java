package dev.sift.bot.alerts;

import dev.sift.bot.slack.SlackApi;
import dev.sift.bot.slack.SlackCallException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the admin channel when a {@link Condition} has been wrong for longer than its grace, once
 * per outage, and once more when it recovers. A post Slack refuses is tried again on the next tick
 * (and logged), so an outage of Slack itself is still reported when Slack comes back.
 */
public final class AdminAlerts {
  private static final Logger log = LoggerFactory.getLogger(AdminAlerts.class);

  private final SlackApi slack;
  private final String channel;
  private final Clock clock;
  private final List<Condition> conditions;
  private final Map<String, State> states = new HashMap<>();

  private static final class State {
    Instant since;
    boolean told;
  }

  /**
   * @param channel the admin channel (an id, or a name with '#')
   */
  public AdminAlerts(SlackApi slack, String channel, Clock clock, List<Condition> conditions) {
    this.slack = slack;
    this.channel = channel;
    this.clock = clock;
    this.conditions = List.copyOf(conditions);
  }

  /** Checks every condition; posts what has started or stopped being wrong. */
  public synchronized void tick() {
    Instant now = clock.instant();
    for (Condition c : conditions) {
      State s = states.computeIfAbsent(c.name(), n -> new State());
      Optional<String> problem;
      try {
        problem = c.problem().get();
      } catch (RuntimeException e) {
        problem = Optional.of("cannot check " + c.name() + ": " + e);
      }
      if (problem.isPresent()) {
        if (s.since == null) {
          s.since = now;
        }
        if (!s.told && !Duration.between(s.since, now).minus(c.grace()).isNegative()) {
          s.told =
              post(
                  ":rotating_light: Sift: "
                      + problem.get()
                      + " (for "
                      + minutes(Duration.between(s.since, now))
                      + "). I'll post here again when it recovers.");
        }
      } else if (s.since != null) {
        if (!s.told
            || post(
                ":white_check_mark: Sift: "
                    + c.name()
                    + " recovered after "
                    + minutes(Duration.between(s.since, now))
                    + ".")) {
          s.since = null;
          s.told = false;
        }
      }
    }
  }

  private boolean post(String text) {
    try {
      slack.post(
          channel, "chat.postMessage", m -> m.chatPostMessage(r -> r.channel(channel).text(text)));
      return true;
    } catch (SlackCallException e) {
      log.warn("cannot post an admin alert to {} ({}); trying again shortly", channel, e.error());
      return false;
    }
  }

  private static String minutes(Duration d) {
    long m = d.toMinutes();
    return m < 1 ? d.toSeconds() + " s" : m + " min";
  }
}

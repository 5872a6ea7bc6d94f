package dev.sift.triage.priority;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.Locale;
import java.util.Optional;

/**
 * A monitoring alert read from the head of a message: its state and what it is about, in the shapes
 * the common tools post to Slack.
 *
 * <ul>
 *   <li>bracketed states: {@code [Firing]}, {@code [FIRING:2]} and {@code [RESOLVED]}
 *       (Alertmanager, Grafana 8+), {@code [Alerting]}, {@code [OK]}, {@code [No Data]} (older
 *       Grafana), {@code [Triggered]}, {@code [Warning]}, {@code [Recovered]}, {@code [Info]}
 *   <li>{@code State: subject} (Datadog "Triggered:", "Recovered:", Sentry metric alerts
 *       "Critical:", "Resolved:")
 *   <li>{@code State #1234 subject} (PagerDuty "Triggered #42", "Acknowledged #42", "Resolved #42")
 *   <li>{@code State - subject} (Statuspage "Resolved - ...", "Scheduled - ...")
 * </ul>
 *
 * Only the first three non-empty lines are read, after any leading emoji, so a person mentioning
 * "[Recovered]" mid-sentence is not an alert.
 *
 * @param state what the alert says is happening
 * @param marker the state exactly as written, e.g. {@code [Recovered]}, for reasons
 * @param subject what the alert is about, e.g. {@code auth-service: more than 5 pod restarts in
 *     5m}; the same for an alert's firing and its recovery, so the two can be paired
 */
public record Alert(State state, String marker, String subject) {

  /** An alert's state, reduced to what matters for triage. */
  public enum State {
    /** Something is wrong now: firing, triggered, alerting, critical. */
    FIRING,
    /** Close to a threshold: warning, warn. */
    WARNING,
    /** Someone has taken it: acknowledged. */
    ACKNOWLEDGED,
    /** Over: recovered, resolved, OK, completed. */
    RECOVERED,
    /** A notice, no problem: info, scheduled, maintenance, no data. */
    INFO
  }

  private static final String STATES =
      "firing(?::\\d+)?|triggered|re-?triggered|alerting|alert|critical|error|warning|warn"
          + "|acknowledged|recovered|recovery|resolved|ok|completed|info|information|notice"
          + "|scheduled|maintenance|no ?data";
  // Without brackets only the words tools lead with, so a person's "OK - will do" is no alert.
  private static final String BARE_STATES =
      "triggered|re-?triggered|critical|warning|warn|acknowledged|recovered|resolved|completed"
          + "|scheduled|no data";
  private static final Pattern BRACKETED =
      Pattern.compile(
          "^(?:\\s*:[a-z0-9_+-]+:)*\\s*\\[(" + STATES + ")\\]\\s*(.*)$", Pattern.CASE_INSENSITIVE);
  private static final Pattern BARE =
      Pattern.compile(
          "^(?:\\s*:[a-z0-9_+-]+:)*\\s*(" + BARE_STATES + ")(\\s*:\\s+|\\s+-\\s+|\\s+#\\d)(.*)$",
          Pattern.CASE_INSENSITIVE);

  /** The alert a message's text carries at its head, if any. */
  public static Optional<Alert> in(String text) {
    if (text == null) {
      return Optional.empty();
    }
    int lines = 0;
    for (String line : text.split("\n", 12)) {
      if (line.isBlank()) {
        continue;
      }
      Matcher m = BRACKETED.matcher(line);
      if (m.matches()) {
        String word = m.group(1);
        return Optional.of(new Alert(state(word), "[" + word + "]", m.group(2).strip()));
      }
      m = BARE.matcher(line);
      if (m.matches()) {
        String separator = m.group(2).strip();
        String subject = (separator.startsWith("#") ? separator : "") + m.group(3);
        return Optional.of(new Alert(state(m.group(1)), m.group(1), subject.strip()));
      }
      if (++lines == 3) {
        break;
      }
    }
    return Optional.empty();
  }

  private static State state(String word) {
    String w = word.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    return switch (w) {
      case "warning", "warn" -> State.WARNING;
      case "acknowledged" -> State.ACKNOWLEDGED;
      case "recovered", "recovery", "resolved", "ok", "completed" -> State.RECOVERED;
      case "info", "information", "notice", "scheduled", "maintenance", "nodata" -> State.INFO;
      default -> State.FIRING;
    };
  }
}

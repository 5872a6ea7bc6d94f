package dev.sift.triage.sla;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The backup a breached SLA is escalated to: a person, a user group (each member is mentioned) or a
 * channel (a message with a link to the card is posted there).
 *
 * @param kind which of the three
 * @param id a user id ({@code U…}), a user group id ({@code S…}) or a channel name or id
 */
public record Escalation(Kind kind, String id) {
  /** What an escalation target is. */
  public enum Kind {
    USER,
    GROUP,
    CHANNEL
  }

  private static final Pattern USER = Pattern.compile("[UW][A-Z0-9]{2,}");
  private static final Pattern GROUP = Pattern.compile("S[A-Z0-9]{2,}");
  private static final Pattern CHANNEL = Pattern.compile("[a-z0-9][a-z0-9._-]{0,79}|[CG][A-Z0-9]+");

  public Escalation {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    Pattern form =
        switch (kind) {
          case USER -> USER;
          case GROUP -> GROUP;
          case CHANNEL -> CHANNEL;
        };
    if (!form.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "'" + id + "' is not a " + kind.name().toLowerCase(Locale.ROOT) + " id or name");
    }
  }

  /**
   * Reads {@code #oncall} or {@code #C0123} (a channel), {@code @U0123ABC} (a person, by member id)
   * or {@code subteam:S0123ABC} (a user group).
   */
  public static Escalation parse(String text) {
    String t = text == null ? "" : text.trim();
    if (t.startsWith("#")) {
      return new Escalation(Kind.CHANNEL, t.substring(1));
    }
    if (t.startsWith("@") && USER.matcher(t.substring(1)).matches()) {
      return new Escalation(Kind.USER, t.substring(1));
    }
    if (t.startsWith("subteam:")) {
      return new Escalation(Kind.GROUP, t.substring("subteam:".length()));
    }
    throw new IllegalArgumentException(
        "escalate_to '"
            + text
            + "' must be a channel (\"#oncall\"), a person by member id (\"@U0123ABC\": profile,"
            + " ⋮, Copy member ID) or a user group (\"subteam:S0123ABC\")");
  }
}

package dev.sift.triage.sla;

import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The {@code sla:} section of sift.yml: the default policy and the teams that differ from it.
 *
 * @param enabled false to send no reminders at all
 * @param defaults the policy of every card no team claims
 * @param teams teams with their own policy; the first that owns a card wins
 */
public record SlaSettings(boolean enabled, SlaPolicy defaults, List<SlaTeam> teams) {
  public SlaSettings {
    Objects.requireNonNull(defaults, "defaults");
    teams = List.copyOf(teams);
  }

  /** The built-in SLAs ({@link SlaPolicy#defaults}), switched on. */
  public static SlaSettings defaults(ZoneId zone) {
    return new SlaSettings(true, SlaPolicy.defaults(zone), List.of());
  }

  /** The policy for a card routed by {@code rule} and in or from {@code channels}. */
  public SlaPolicy policyFor(String rule, Collection<String> channels) {
    for (SlaTeam team : teams) {
      if (team.owns(rule, channels)) {
        return team.policy();
      }
    }
    return defaults;
  }
}

package dev.sift.triage.sla;

import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A team with SLAs of its own: cards routed by one of its routing rules, or in or from one of its
 * channels, are held to its policy instead of the default one.
 *
 * @param name the team's name in sift.yml, for logs
 * @param rules routing rule names whose cards are the team's
 * @param channels channel names (without '#') or ids whose cards or messages are the team's
 * @param policy the team's SLAs: the defaults with the team's overrides
 */
public record SlaTeam(String name, Set<String> rules, Set<String> channels, SlaPolicy policy) {
  public SlaTeam {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(policy, "policy");
    rules = Set.copyOf(rules);
    channels = channels.stream().map(SlaTeam::key).collect(Collectors.toUnmodifiableSet());
    if (rules.isEmpty() && channels.isEmpty()) {
      throw new IllegalArgumentException(
          "team '" + name + "' must list the routing rules or channels whose cards are its own");
    }
  }

  /** True when a card routed by {@code rule}, in or from one of {@code channels}, is the team's. */
  public boolean owns(String rule, Collection<String> channelNamesOrIds) {
    return (rule != null && rules.contains(rule))
        || channelNamesOrIds.stream()
            .filter(Objects::nonNull)
            .map(SlaTeam::key)
            .anyMatch(channels::contains);
  }

  private static String key(String channel) {
    return channel.replaceFirst("^#", "").toLowerCase(Locale.ROOT);
  }
}

package dev.sift.triage.priority;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Who and where matters more, from the {@code priority} section of {@code sift.yml}.
 *
 * @param vipChannels channel names (without '#'); a trailing '*' matches a prefix, e.g. {@code
 *     client-*}
 * @param vipUsers user names or ids whose messages matter more (clients, executives)
 * @param reportersToEscalate distinct reporters of one problem at which its priority rises
 * @param helpChannels channel names (patterns as for {@code vipChannels}) where people bring their
 *     own trouble: one person's crash there is a question to answer, not an incident, so a lone
 *     report is at most P2 with outage, security or data-loss words and at most P3 without
 */
public record PriorityPolicy(
    List<String> vipChannels,
    Set<String> vipUsers,
    int reportersToEscalate,
    List<String> helpChannels) {

  /** Channel names that say "ask here": {@code help}, {@code *-help}, {@code ask-*}, ... */
  public static final List<String> HELP_CHANNELS =
      List.of("help", "help-*", "*-help", "ask-*", "questions", "*-questions", "beginners");

  public static final PriorityPolicy DEFAULTS =
      new PriorityPolicy(List.of("client-*"), Set.of(), 3, HELP_CHANNELS);

  /** A policy with the default help channels. */
  public PriorityPolicy(List<String> vipChannels, Set<String> vipUsers, int reportersToEscalate) {
    this(vipChannels, vipUsers, reportersToEscalate, HELP_CHANNELS);
  }

  public PriorityPolicy {
    vipChannels = List.copyOf(vipChannels);
    helpChannels = List.copyOf(helpChannels);
    vipUsers = Set.copyOf(vipUsers);
    if (reportersToEscalate < 2) {
      throw new IllegalArgumentException(
          "priority.reporters_to_escalate must be 2 or more, was " + reportersToEscalate);
    }
  }

  public boolean isVipChannel(String channelName) {
    return matches(vipChannels, channelName);
  }

  /** Whether people bring their own trouble to this channel ({@code help}, {@code ask-*}, ...). */
  public boolean isHelpChannel(String channelName) {
    return matches(helpChannels, channelName);
  }

  private static boolean matches(List<String> patterns, String channelName) {
    if (channelName == null) {
      return false;
    }
    String name = channelName.toLowerCase(Locale.ROOT);
    for (String pattern : patterns) {
      String p = pattern.toLowerCase(Locale.ROOT).replaceFirst("^#", "");
      boolean match =
          p.endsWith("*")
              ? name.startsWith(p.substring(0, p.length() - 1))
              : p.startsWith("*") ? name.endsWith(p.substring(1)) : name.equals(p);
      if (match) {
        return true;
      }
    }
    return false;
  }

  public boolean isVipUser(String userId, String userName) {
    return (userId != null && vipUsers.contains(userId))
        || (userName != null && vipUsers.contains(userName));
  }
}

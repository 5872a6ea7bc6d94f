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
 */
public record PriorityPolicy(
    List<String> vipChannels, Set<String> vipUsers, int reportersToEscalate) {

  public static final PriorityPolicy DEFAULTS =
      new PriorityPolicy(List.of("client-*"), Set.of(), 3);

  public PriorityPolicy {
    vipChannels = List.copyOf(vipChannels);
    vipUsers = Set.copyOf(vipUsers);
    if (reportersToEscalate < 2) {
      throw new IllegalArgumentException(
          "priority.reporters_to_escalate must be 2 or more, was " + reportersToEscalate);
    }
  }

  public boolean isVipChannel(String channelName) {
    String name = channelName.toLowerCase(Locale.ROOT);
    for (String pattern : vipChannels) {
      String p = pattern.toLowerCase(Locale.ROOT).replaceFirst("^#", "");
      if (p.endsWith("*") ? name.startsWith(p.substring(0, p.length() - 1)) : name.equals(p)) {
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

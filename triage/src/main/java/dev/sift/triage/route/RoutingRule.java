package dev.sift.triage.route;

import com.google.re2j.Pattern;
import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.verdict.Priority;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One rule of {@code routing.rules} in sift.yml: which items it takes, where their task cards go
 * and who may own them. Every condition left empty matches anything; all given conditions must
 * hold.
 *
 * @param name a label for logs and the card ("incidents to on-call")
 * @param categories the item's category is one of these
 * @param priorities the item's priority is one of these
 * @param channels the source channel's name or id is one of these; {@code client-*} matches a
 *     prefix
 * @param keywords the text contains one of these words or phrases, ignoring case
 * @param pattern the text matches this regular expression (RE2: linear time on any input)
 * @param destination the channel (id or name) to post the card in, or null for a threaded reply
 *     under the source message
 * @param assignees user ids to assign in turn, or empty
 * @param userGroup a user group id whose members are assigned in turn, or null
 */
public record RoutingRule(
    String name,
    Set<String> categories,
    Set<Priority> priorities,
    List<String> channels,
    List<String> keywords,
    Pattern pattern,
    String destination,
    List<String> assignees,
    String userGroup) {

  public RoutingRule {
    Objects.requireNonNull(name, "name");
    categories = Set.copyOf(categories);
    priorities = Set.copyOf(priorities);
    channels = channels.stream().map(RoutingRule::channelKey).toList();
    keywords = keywords.stream().map(k -> k.toLowerCase(Locale.ROOT)).toList();
    destination = destination == null ? null : destination.replaceFirst("^#", "");
    assignees = List.copyOf(assignees);
  }

  /** True when this rule takes the item. */
  public boolean matches(TriagedMessage item) {
    String text = item.message().text();
    return (categories.isEmpty() || categories.contains(item.verdict().category()))
        && (priorities.isEmpty() || priorities.contains(item.verdict().priority()))
        && (channels.isEmpty() || channelMatches(item))
        && (keywords.isEmpty() || containsKeyword(text))
        && (pattern == null || pattern.matcher(text).find());
  }

  private boolean channelMatches(TriagedMessage item) {
    String name = channelKey(item.message().channelName());
    String id = item.message().channelId();
    for (String c : channels) {
      boolean hit =
          c.endsWith("*") ? name.startsWith(c.substring(0, c.length() - 1)) : c.equals(name);
      if (hit || c.equalsIgnoreCase(id)) {
        return true;
      }
    }
    return false;
  }

  private boolean containsKeyword(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    return keywords.stream().anyMatch(lower::contains);
  }

  private static String channelKey(String channel) {
    return channel.replaceFirst("^#", "").toLowerCase(Locale.ROOT);
  }
}

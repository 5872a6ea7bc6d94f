package dev.sift.triage.route;

import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.verdict.Priority;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Decides which items become task cards, where, and for whom: the first rule that matches wins;
 * owners are taken in turn from the rule's users or user group so work spreads evenly.
 */
public final class Router {
  private final List<RoutingRule> rules;
  private final ConcurrentHashMap<String, AtomicInteger> turns = new ConcurrentHashMap<>();

  public Router(List<RoutingRule> rules) {
    this.rules = List.copyOf(rules);
  }

  /**
   * What a team without routing rules gets: P1 and P2 items become task cards in the thread of the
   * message that raised them, with nobody assigned.
   */
  public static Router defaults() {
    return new Router(
        List.of(
            new RoutingRule(
                "urgent items",
                Set.of(),
                EnumSet.of(Priority.P1, Priority.P2),
                List.of(),
                List.of(),
                null,
                null,
                List.of(),
                null)));
  }

  public List<RoutingRule> rules() {
    return rules;
  }

  /**
   * The route for an item, or empty when no rule takes it.
   *
   * @param groupMembers the members of a user group, by group id (Slack is asked only when a rule
   *     names a group)
   */
  public Optional<Route> route(TriagedMessage item, Function<String, List<String>> groupMembers) {
    for (RoutingRule rule : rules) {
      if (rule.matches(item)) {
        List<String> pool = new ArrayList<>(rule.assignees());
        if (rule.userGroup() != null) {
          pool.addAll(groupMembers.apply(rule.userGroup()));
        }
        return Optional.of(new Route(rule.name(), rule.destination(), nextOf(rule.name(), pool)));
      }
    }
    return Optional.empty();
  }

  private String nextOf(String rule, List<String> pool) {
    if (pool.isEmpty()) {
      return null;
    }
    int turn = turns.computeIfAbsent(rule, r -> new AtomicInteger()).getAndIncrement();
    return pool.get(Math.floorMod(turn, pool.size()));
  }
}

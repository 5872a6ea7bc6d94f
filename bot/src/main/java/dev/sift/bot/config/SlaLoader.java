package dev.sift.bot.config;

import dev.sift.triage.sla.BusinessHours;
import dev.sift.triage.sla.Escalation;
import dev.sift.triage.sla.SlaPolicy;
import dev.sift.triage.sla.SlaSettings;
import dev.sift.triage.sla.SlaTeam;
import dev.sift.triage.sla.Target;
import dev.sift.triage.verdict.Priority;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The reader of the {@code sla:} section of sift.yml, which becomes {@link SlaSettings}:
 * per-priority SLAs, the escalation target, repeats, business hours, holidays and per-team
 * overrides. Every error names its line, like the rest of the config.
 */
final class SlaLoader {
  private static final Set<String> POLICY_KEYS =
      Set.of(
          "P1",
          "P2",
          "P3",
          "P4",
          "escalate_to",
          "repeat_every",
          "max_repeats",
          "business_hours",
          "holidays");
  private static final Set<String> TOP_KEYS = union(POLICY_KEYS, Set.of("enabled", "teams"));
  private static final Set<String> TEAM_KEYS = union(POLICY_KEYS, Set.of("rules", "channels"));
  private static final Set<String> TIMER_KEYS = Set.of("acknowledge", "resolve");
  private static final Pattern BUSINESS =
      Pattern.compile("(\\d+)\\s*business\\s+(minutes?|mins?|hours?|h|days?|d)");

  private final ConfigLoader c;

  SlaLoader(ConfigLoader c) {
    this.c = c;
  }

  /**
   * @param zone the workspace time zone, for business hours that name none
   * @param ruleNames the routing rules a team may name
   */
  SlaSettings load(Node node, ZoneId zone, List<String> ruleNames) {
    SlaSettings d = SlaSettings.defaults(zone);
    if (node == null) {
      return d;
    }
    MappingNode sla = c.mapping(node, "'sla'");
    c.knownKeys(sla, TOP_KEYS, "sla");
    Node enabled = ConfigLoader.value(sla, "enabled");
    SlaPolicy base = policy(sla, d.defaults(), zone);
    List<SlaTeam> teams = new ArrayList<>();
    Node teamsNode = ConfigLoader.value(sla, "teams");
    if (teamsNode != null) {
      for (NodeTuple t : c.mapping(teamsNode, "sla.teams").getValue()) {
        teams.add(team(c.text(t.getKeyNode()), t.getValueNode(), base, zone, ruleNames));
      }
    }
    return new SlaSettings(enabled == null || c.bool(enabled), base, teams);
  }

  private SlaTeam team(
      String name, Node node, SlaPolicy base, ZoneId zone, List<String> ruleNames) {
    MappingNode m = c.mapping(node, "team '" + name + "'");
    c.knownKeys(m, TEAM_KEYS, "sla.teams." + name);
    Node rulesNode = ConfigLoader.value(m, "rules");
    List<String> rules = c.strings(rulesNode, List.of());
    for (String rule : rules) {
      if (!ruleNames.contains(rule)) {
        throw c.error(
            rulesNode,
            "team '"
                + name
                + "' names routing rule '"
                + rule
                + "', which routing.rules does not have; it has: "
                + String.join(", ", ruleNames));
      }
    }
    try {
      return new SlaTeam(
          name,
          new HashSet<>(rules),
          new HashSet<>(c.strings(ConfigLoader.value(m, "channels"), List.of())),
          policy(m, base, zone));
    } catch (IllegalArgumentException e) {
      throw c.error(m, e.getMessage());
    }
  }

  /** The policy a mapping describes: {@code inherit} with the keys the mapping gives replaced. */
  private SlaPolicy policy(MappingNode m, SlaPolicy inherit, ZoneId zone) {
    Map<Priority, Target> ack = new EnumMap<>(Priority.class);
    Map<Priority, Target> resolve = new EnumMap<>(Priority.class);
    ack.putAll(inherit.acknowledge());
    resolve.putAll(inherit.resolve());
    for (Priority p : Priority.values()) {
      Node n = ConfigLoader.value(m, p.name());
      if (n == null) {
        continue;
      }
      // A priority given replaces both of its SLAs: what it leaves out it does not have.
      ack.remove(p);
      resolve.remove(p);
      if (n instanceof ScalarNode s && isNone(s.getValue())) {
        continue;
      }
      MappingNode timers = c.mapping(n, "sla." + p.name() + " (e.g. {acknowledge: 15m})");
      c.knownKeys(timers, TIMER_KEYS, p.name());
      Node a = ConfigLoader.value(timers, "acknowledge");
      Node r = ConfigLoader.value(timers, "resolve");
      if (a != null) {
        ack.put(p, target(a));
      }
      if (r != null) {
        resolve.put(p, target(r));
      }
    }
    Node escalate = ConfigLoader.value(m, "escalate_to");
    Node repeat = ConfigLoader.value(m, "repeat_every");
    Node hoursNode = ConfigLoader.value(m, "business_hours");
    Node holidays = ConfigLoader.value(m, "holidays");
    BusinessHours hours = inherit.hours();
    if (hoursNode != null) {
      hours = new BusinessHoursReader(c).hours(hoursNode, zone, hours.holidays());
    }
    if (holidays != null) {
      hours = hours.withHolidays(new BusinessHoursReader(c).dates(holidays));
    }
    try {
      return new SlaPolicy(
          ack,
          resolve,
          escalate == null ? inherit.escalateTo() : escalation(escalate),
          repeat == null
              ? inherit.repeatEvery()
              : c.duration(repeat, "sla.repeat_every", Duration.ofMinutes(1), Duration.ofDays(30)),
          c.integer(
              ConfigLoader.value(m, "max_repeats"),
              inherit.maxRepeats(),
              "sla.max_repeats",
              0,
              100),
          hours);
    } catch (IllegalArgumentException e) {
      throw c.error(m, e.getMessage());
    }
  }

  /** {@code 15m}, {@code 4h} (wall clock) or {@code 2 business days}, {@code 4 business hours}. */
  private Target target(Node n) {
    Target t = parseTarget(n);
    if (t.length().compareTo(Duration.ofMinutes(1)) < 0
        || t.length().compareTo(Duration.ofDays(365)) > 0) {
      throw c.error(n, "an SLA target must be within 1m..365d, was " + c.text(n).trim());
    }
    return t;
  }

  private Target parseTarget(Node n) {
    String text = c.text(n).trim();
    Matcher b = BUSINESS.matcher(text.toLowerCase(Locale.ROOT));
    try {
      if (b.matches()) {
        long amount = Long.parseLong(b.group(1));
        return switch (b.group(2).charAt(0)) {
          case 'd' -> new Target(Duration.ofDays(amount), Target.Kind.BUSINESS_DAYS, text);
          case 'h' -> new Target(Duration.ofHours(amount), Target.Kind.BUSINESS_HOURS, text);
          default -> new Target(Duration.ofMinutes(amount), Target.Kind.BUSINESS_HOURS, text);
        };
      }
      return new Target(Durations.parse(text), Target.Kind.WALL_CLOCK, text);
    } catch (IllegalArgumentException | ArithmeticException e) {
      // ArithmeticException: "99999999999999999 business days" overflows a Duration.
      throw c.error(
          n,
          "'"
              + text
              + "' is not an SLA; use a wall-clock duration (15m, 4h, 2d) or business time (4"
              + " business hours, 2 business days)");
    }
  }

  private Escalation escalation(Node n) {
    String text = c.text(n);
    if (isNone(text)) {
      return null;
    }
    try {
      return Escalation.parse(text);
    } catch (IllegalArgumentException e) {
      throw c.error(n, e.getMessage());
    }
  }

  private static boolean isNone(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    return t.equals("none") || t.equals("off") || t.equals("false");
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> out = new HashSet<>(a);
    out.addAll(b);
    return Set.copyOf(out);
  }
}

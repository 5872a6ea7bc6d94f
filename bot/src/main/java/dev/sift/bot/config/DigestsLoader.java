package dev.sift.bot.config;

import dev.sift.bot.digest.Destination;
import dev.sift.bot.digest.DigestSchedule;
import dev.sift.bot.digest.Slots;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The reader of the {@code digests:} list of sift.yml: each schedule's name, cron, time zone,
 * channels, destination and window, checked as it is read so a bad cron or destination names its
 * line instead of failing at the first post.
 */
final class DigestsLoader {
  /** Keys of one {@code digests:} entry. */
  private static final Set<String> KEYS =
      Set.of(
          "name",
          "cron",
          "time_zone",
          "channels",
          "destination",
          "window",
          "skip_when_empty",
          "llm_summary");

  private final ConfigLoader c;

  DigestsLoader(ConfigLoader c) {
    this.c = c;
  }

  /** The {@code digests:} list; each error names the line of the value to fix. */
  List<DigestSchedule> load(Node digests, ZoneId workspaceZone) {
    if (digests == null) {
      return List.of();
    }
    if (!(digests instanceof SequenceNode seq)) {
      throw c.error(digests, "digests must be a list of schedules, each starting with '- name:'");
    }
    List<DigestSchedule> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Node n : seq.getValue()) {
      MappingNode d = c.mapping(n, "a digest schedule");
      c.knownKeys(d, KEYS, "digest");
      Node name = ConfigLoader.value(d, "name");
      Node cron = ConfigLoader.value(d, "cron");
      Node destination = ConfigLoader.value(d, "destination");
      if (name == null || cron == null || destination == null) {
        throw c.error(
            d,
            "a digest needs name, cron and destination, e.g. {name: daily, cron: '0 9 * * 1-5',"
                + " destination: '#support-leads'}");
      }
      if (!names.add(c.text(name))) {
        throw c.error(name, "a digest named '" + c.text(name) + "' is already defined; rename one");
      }
      Node window = ConfigLoader.value(d, "window");
      Destination dest;
      try {
        dest = Destination.parse(c.text(destination));
      } catch (IllegalArgumentException e) {
        throw c.error(destination, e.getMessage());
      }
      ZoneId zone = c.zone(ConfigLoader.value(d, "time_zone"), workspaceZone);
      try {
        Slots.of(c.text(cron), zone);
      } catch (IllegalArgumentException e) {
        throw c.error(cron, e.getMessage());
      }
      try {
        out.add(
            new DigestSchedule(
                c.text(name),
                c.text(cron),
                zone,
                c.strings(ConfigLoader.value(d, "channels"), List.of()),
                dest,
                window == null
                    ? null
                    : c.duration(
                        window, "digests.window", Duration.ofMinutes(1), Duration.ofDays(366)),
                c.optionalBool(ConfigLoader.value(d, "skip_when_empty"), true),
                c.optionalBool(ConfigLoader.value(d, "llm_summary"), true)));
      } catch (IllegalArgumentException e) {
        throw c.error(d, e.getMessage());
      }
    }
    return out;
  }
}

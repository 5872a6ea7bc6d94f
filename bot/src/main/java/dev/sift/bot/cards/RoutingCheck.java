package dev.sift.bot.cards;

import dev.sift.bot.access.Access;
import dev.sift.bot.slack.Directory;
import dev.sift.triage.route.RoutingRule;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the routing rules at start against who is in which channel: a rule that names a channel
 * and sends its cards where someone may not read that channel in Slack stops the start, naming the
 * rule; a rule for every channel only warns, since its cards from such a channel go in the source
 * message's thread instead ({@link CardPoster}).
 */
public final class RoutingCheck {
  private static final Logger log = LoggerFactory.getLogger(RoutingCheck.class);

  private RoutingCheck() {}

  /**
   * @throws IllegalStateException naming the first rule that would show a channel's messages to
   *     people who may not read it, and how to fix it
   */
  public static void verify(List<RoutingRule> rules, Directory directory, Access access) {
    List<Directory.Channel> known = directory.all();
    for (RoutingRule rule : rules) {
      if (rule.destination() == null) {
        continue; // the source message's thread: only its own channel reads it
      }
      Optional<Directory.Channel> to = directory.find(rule.destination());
      if (to.isEmpty()) {
        continue; // reported by `sift doctor` and at the first card
      }
      for (Directory.Channel source : known) {
        if (!covers(rule, source)) {
          continue;
        }
        Optional<String> why = access.whyNotCopy(source.id(), to.get().id(), to.get().name());
        if (why.isEmpty()) {
          continue;
        }
        if (!rule.channels().isEmpty()) {
          throw new IllegalStateException(
              "routing rule '"
                  + rule.name()
                  + "' would post cards of #"
                  + source.name()
                  + " in #"
                  + to.get().name()
                  + ", but "
                  + why.get()
                  + ": route them to a channel whose members may all read #"
                  + source.name()
                  + ", or list #"
                  + to.get().name()
                  + " under slack.allow_private_to");
        }
        if (source.isPrivate()) {
          log.warn(
              "routing rule '{}': cards from #{} will go in the message's thread, not #{}: {}",
              rule.name(),
              source.name(),
              to.get().name(),
              why.get());
        }
      }
    }
  }

  /** Whether the rule names this channel (by name, prefix or id). */
  private static boolean covers(RoutingRule rule, Directory.Channel c) {
    if (rule.channels().isEmpty()) {
      return c.isPrivate(); // a rule for every channel: only private ones are worth a warning
    }
    String name = c.name().toLowerCase(Locale.ROOT);
    for (String pattern : rule.channels()) {
      boolean hit =
          pattern.endsWith("*")
              ? name.startsWith(pattern.substring(0, pattern.length() - 1))
              : pattern.equals(name) || pattern.equalsIgnoreCase(c.id());
      if (hit) {
        return true;
      }
    }
    return false;
  }
}

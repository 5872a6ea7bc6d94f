package dev.sift.bot.digest;

import com.google.re2j.Pattern;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * One scheduled digest from {@code sift.yml}: what it covers, when and where it is posted.
 *
 * @param name unique among schedules; part of every slot's claim, so renaming one starts afresh
 * @param cron a standard 5-field UNIX cron expression, read in {@code zone}
 * @param zone the time zone of the cron expression and of the times in the post
 * @param channels source channels by name or id, {@code client-*} patterns; empty for every
 *     monitored channel
 * @param destination where the post goes
 * @param window how far back a post looks, or null for "since the previous slot"
 * @param skipWhenEmpty whether a slot with nothing to report posts nothing
 * @param llmSummary whether channel highlights are LLM summaries when an LLM is configured and the
 *     channel may be sent to it
 */
public record DigestSchedule(
    String name,
    String cron,
    ZoneId zone,
    List<String> channels,
    Destination destination,
    Duration window,
    boolean skipWhenEmpty,
    boolean llmSummary) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 _.-]{0,63}");

  public DigestSchedule {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "name '"
              + name
              + "' must be 1-64 letters, digits, spaces, '.', '_' or '-', starting with a letter"
              + " or digit");
    }
    if (zone == null) {
      throw new IllegalArgumentException("a time zone is required");
    }
    Slots.of(cron == null ? "" : cron, zone); // throws with the problem named
    if (destination == null) {
      throw new IllegalArgumentException("destination is required: " + Destination.SYNTAX);
    }
    if (window != null && (window.isNegative() || window.isZero())) {
      throw new IllegalArgumentException("window must be positive, e.g. 24h or 7d");
    }
    channels =
        channels.stream()
            .map(c -> c.strip().replaceFirst("^#", ""))
            .filter(c -> !c.isEmpty())
            .toList();
    if (channels.contains("all")) {
      channels = List.of();
    }
  }

  public Slots slots() {
    return Slots.of(cron, zone);
  }

  /** Where the window of a slot starts: {@code window} before it, or the previous slot. */
  public Instant windowStart(Instant slot) {
    if (window != null) {
      return slot.minus(window);
    }
    return slots().previous(slot).orElse(slot.minus(Duration.ofDays(1)));
  }

  /** Whether the schedule covers every monitored channel. */
  public boolean allChannels() {
    return channels.isEmpty();
  }

  /** Source channels named outright (no pattern): these are checked for privacy at start. */
  public List<String> namedChannels() {
    return channels.stream().filter(c -> !c.contains("*")).toList();
  }

  /** Whether a channel (by id or name) is one of this schedule's sources. */
  public boolean covers(String channelId, String channelName) {
    if (allChannels()) {
      return true;
    }
    String name = channelName == null ? "" : channelName.toLowerCase(Locale.ROOT);
    for (String c : channels) {
      if (c.equals(channelId) || c.equalsIgnoreCase(name) || glob(c).matcher(name).matches()) {
        return true;
      }
    }
    return false;
  }

  /**
   * A channel glob as a regex, in RE2/J: with java.util.regex a glob of many stars (a*a*a*…b)
   * backtracks exponentially over a long channel name.
   */
  private static Pattern glob(String pattern) {
    StringBuilder regex = new StringBuilder();
    for (String part : pattern.toLowerCase(Locale.ROOT).split("\\*", -1)) {
      if (regex.length() > 0 || pattern.startsWith("*")) {
        regex.append(".*");
      }
      regex.append(Pattern.quote(part));
    }
    return Pattern.compile(regex.toString());
  }
}

package dev.sift.bot.digest;

import com.slack.api.model.block.LayoutBlock;
import dev.sift.bot.access.Access;
import dev.sift.bot.digest.DigestRoutine.PostResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes one slot's posts: finds the audience, leaves out private channels it may not see, composes
 * and lays out the digest, and posts it to each destination channel (a channel, or one DM per
 * person), with the slot in the post's metadata.
 */
public final class DigestPoster {
  private static final Logger log = LoggerFactory.getLogger(DigestPoster.class);

  /** How far before its claim a post is looked for: clocks of Sift and Slack differ a little. */
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

  private final DigestSlack slack;
  private final ScheduledDigestComposer composer;
  private final Supplier<List<DigestSlack.Channel>> monitored;
  private final PostFormat format;
  private final Access access;

  /**
   * @param monitored the channels Sift triages, with their privacy: the sources of "all" and of
   *     patterns
   */
  public DigestPoster(
      DigestSlack slack,
      ScheduledDigestComposer composer,
      Supplier<List<DigestSlack.Channel>> monitored,
      PostFormat format,
      Access access) {
    this.access = access;
    this.slack = slack;
    this.composer = composer;
    this.monitored = monitored;
    this.format = format;
  }

  /** Checks a schedule's destination and named private sources; throws naming both. */
  void verify(DigestSchedule s) {
    Destination d = s.destination();
    if (d.kind() == Destination.Kind.CHANNEL && slack.channel(d.ref()).isEmpty()) {
      throw new IllegalStateException(
          "digest '"
              + s.name()
              + "': destination "
              + d
              + " is not a channel Sift can see; invite Sift to it or fix the name");
    }
    Set<String> audience = null;
    for (String named : s.namedChannels()) {
      Optional<DigestSlack.Channel> ch = slack.channel(named);
      if (ch.isEmpty()) {
        log.warn("digest '{}': source channel '{}' is not visible to Sift", s.name(), named);
        continue;
      }
      audience = audience == null ? Set.copyOf(audience(d)) : audience;
      if (!mayShow(ch.get(), d, audience)) {
        throw new IllegalStateException(
            "digest '"
                + s.name()
                + "' would show #"
                + ch.get().name()
                + " to "
                + d
                + ", where not everyone may read it in Slack (a guest, or someone outside a"
                + " private channel): post it to a destination whose members may all read #"
                + ch.get().name()
                + ", remove the channel from the schedule, or list the destination under"
                + " slack.allow_private_to");
      }
    }
  }

  /** Posts a slot; with {@code resume}, first looks for each post in its channel's history. */
  PostResult post(
      DigestSchedule s, Instant slot, String late, Instant claimedAt, Instant now, boolean resume) {
    Set<String> audience = Set.copyOf(audience(s.destination()));
    List<ScheduledDigestComposer.Source> sources = new ArrayList<>();
    for (DigestSlack.Channel ch : monitored.get()) {
      if (!s.covers(ch.id(), ch.name())) {
        continue;
      }
      if (!mayShow(ch, s.destination(), audience)) {
        log.warn(
            "digest '{}': #{} left out: not everyone at {} may read it in Slack",
            s.name(),
            ch.name(),
            s.destination());
        continue;
      }
      sources.add(new ScheduledDigestComposer.Source(ch.id(), ch.name()));
    }
    DigestComposition d = composer.compose(s, sources, s.windowStart(slot), slot, late);
    if (d.isEmpty() && s.skipWhenEmpty()) {
      return new PostResult("skipped: nothing happened in the window");
    }
    List<Part> parts = DigestLayout.parts(d, now, format);
    List<List<LayoutBlock>> pages = SlackPages.of(parts);
    String text = parts.get(0).title();
    Map<String, Object> payload = payload(s, slot);
    List<String> made = new ArrayList<>();
    for (String channel : targets(s.destination(), audience)) {
      Optional<String> before =
          resume ? slack.findPost(channel, claimedAt.minus(CLOCK_SKEW), payload) : Optional.empty();
      if (before.isPresent()) {
        made.add(channel + "/" + before.get());
        continue;
      }
      String ts = slack.post(channel, null, text, pages.get(0), payload);
      for (List<LayoutBlock> page : pages.subList(1, pages.size())) {
        slack.post(channel, ts, text + " (continued)", page, null);
      }
      made.add(channel + "/" + ts);
    }
    return new PostResult(String.join(" ", made));
  }

  /** The post of an interrupted slot, found in its destination's history. */
  Optional<String> find(DigestSchedule s, Instant slot, Instant claimedAt) {
    Set<String> audience = Set.copyOf(audience(s.destination()));
    List<String> found = new ArrayList<>();
    for (String channel : targets(s.destination(), audience)) {
      slack
          .findPost(channel, claimedAt.minus(CLOCK_SKEW), payload(s, slot))
          .ifPresent(ts -> found.add(channel + "/" + ts));
    }
    return found.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", found));
  }

  static Map<String, Object> payload(DigestSchedule s, Instant slot) {
    return Map.of("schedule", s.name(), "slot", slot.toString());
  }

  /** Whether everyone who reads the digest may read the source channel in Slack. */
  private boolean mayShow(DigestSlack.Channel source, Destination d, Collection<String> audience) {
    if (d.kind() == Destination.Kind.CHANNEL) {
      Optional<DigestSlack.Channel> to = slack.channel(d.ref());
      if (to.isPresent() && access.allowed(to.get().id(), to.get().name())) {
        return true;
      }
    }
    return access.mayShowTo(source.id(), audience);
  }

  /** Everyone who will read the post. */
  private List<String> audience(Destination d) {
    return switch (d.kind()) {
      case CHANNEL -> List.copyOf(slack.members(channelId(d)));
      case USER -> List.of(d.ref());
      case GROUP -> slack.groupMembers(d.ref());
    };
  }

  /** The channels to post in: the channel, or a DM with each person. */
  private List<String> targets(Destination d, Set<String> audience) {
    if (d.kind() == Destination.Kind.CHANNEL) {
      return List.of(channelId(d));
    }
    return audience.stream().sorted().map(slack::dm).toList();
  }

  private String channelId(Destination d) {
    return slack
        .channel(d.ref())
        .map(DigestSlack.Channel::id)
        .orElseThrow(
            () -> new IllegalStateException("digest destination " + d + " is not visible to Sift"));
  }
}

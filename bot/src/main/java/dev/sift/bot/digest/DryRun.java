package dev.sift.bot.digest;

import dev.sift.bot.access.PrivateChannels;
import dev.sift.bot.slack.Permalinks;
import dev.sift.index.ItemQueries;
import dev.sift.triage.llm.Summariser;
import dev.sift.triage.message.MessageKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a schedule's next post would say, as plain text and without Slack: {@code sift digest
 * --schedule NAME --dry-run}. The content is the post's, from the same composer and layout.
 */
public final class DryRun {
  private DryRun() {}

  /**
   * @param after the next slot after this instant is previewed
   * @param summariser the LLM summariser, or null
   */
  public static String of(
      DigestSchedule s,
      Instant after,
      ItemQueries items,
      PrivateChannels privateChannels,
      Summariser summariser,
      Permalinks permalinks) {
    Instant slot =
        s.slots()
            .next(after)
            .orElseThrow(
                () -> new IllegalArgumentException("digest '" + s.name() + "' never fires"));
    List<ScheduledDigestComposer.Source> sources = new ArrayList<>();
    List<String> privates = new ArrayList<>();
    for (String id : items.channelIds()) {
      String name = items.channel(id).map(found -> found[1]).orElse(id);
      if (s.covers(id, name)) {
        sources.add(new ScheduledDigestComposer.Source(id, name));
        if (privateChannels.test(id)) {
          privates.add("#" + name);
        }
      }
    }
    DigestComposition d =
        new ScheduledDigestComposer(items, summariser)
            .compose(s, sources, s.windowStart(slot), slot, null);
    StringBuilder out = new StringBuilder();
    out.append("Dry run of digest '")
        .append(s.name())
        .append("': the post at ")
        .append(DigestLayout.WHEN.format(slot.atZone(s.zone())))
        .append(' ')
        .append(s.zone().getId())
        .append(" to ")
        .append(s.destination())
        .append(". Nothing is posted.\n");
    if (!privates.isEmpty()) {
      out.append("Private channels shown here are left out of the post unless every reader is in")
          .append(" them: ")
          .append(String.join(", ", privates))
          .append('\n');
    }
    if (d.isEmpty() && s.skipWhenEmpty()) {
      out.append("Nothing happened in the window, so with skip_when_empty this slot posts")
          .append(" nothing. It would have said:\n");
    }
    out.append('\n');
    PostFormat plain = PostFormat.plain(id -> permalinks.of(MessageKey.parse(id)));
    out.append(DigestLayout.plain(DigestLayout.parts(d, slot, plain)));
    return out.toString();
  }
}

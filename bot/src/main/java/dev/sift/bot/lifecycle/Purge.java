package dev.sift.bot.lifecycle;

import dev.sift.bot.feedback.Correction;
import dev.sift.bot.feedback.CorrectionLog;
import dev.sift.bot.storage.OfflineIndex;
import dev.sift.index.MessageIndex;
import dev.sift.index.MessageStore;
import dev.sift.index.Selection;
import dev.sift.triage.audit.Audit;
import dev.sift.triage.message.MessageKey;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A data-subject purge of a workspace, a channel or a person, run offline on the data directory:
 * their messages leave the index with every trace in the items that remain (reporters, reasons
 * naming them), their corrections leave the correction log (a person's corrections of other
 * people's messages keep the lesson but lose its author and note), and failed events holding their
 * messages are dropped, and so is the intake journal (raw events, all done after a clean stop). A
 * dry run does all of it on the side and then throws it away.
 *
 * <p>The index's Lucene write lock keeps a purge and a running {@code sift run} apart: a purge
 * refuses to start while Sift runs, and Sift cannot start during a purge.
 */
public final class Purge {
  /** Who or what is purged: {@code team}, {@code channel} or {@code user}, and its id. */
  public record Target(String kind, String id) {
    @Override
    public String toString() {
      return kind + " " + id;
    }
  }

  /**
   * What a purge removed (or, in a dry run, would remove).
   *
   * @param corrections what changed in this data folder's correction log
   * @param sharedCorrections what changed in the corrections replicas share through their store
   *     (none for the embedded index)
   * @param failedEvents failed events (kept for a retry) that held purged messages
   * @param journalSegments intake journal segments removed (raw events, all already done)
   */
  public record Report(
      Target target,
      boolean dryRun,
      Erased erased,
      CorrectionLog.Rewrite corrections,
      CorrectionLog.Rewrite sharedCorrections,
      int failedEvents,
      int journalSegments,
      Duration took) {

    /** The figures, for the audit log. */
    public Map<String, Object> details() {
      Map<String, Object> d = new LinkedHashMap<>(erased.details());
      d.put("corrections_removed", corrections.removed());
      d.put("corrections_anonymised", corrections.changed());
      d.put("shared_corrections_removed", sharedCorrections.removed());
      d.put("shared_corrections_anonymised", sharedCorrections.changed());
      d.put("failed_events_removed", failedEvents);
      d.put("journal_segments_removed", journalSegments);
      return d;
    }
  }

  private Purge() {}

  /**
   * Purges {@code target} from the data directory; records it in {@code audit} unless a dry run.
   *
   * @param actor who asked, for the audit (the operating system user)
   * @throws IllegalArgumentException when Sift is running on this data directory
   */
  public static Report run(Path dataDir, Target target, boolean dryRun, Audit audit, String actor) {
    long start = System.nanoTime();
    MessageIndex index = open(dataDir.resolve("index"));
    boolean done = false;
    try {
      Path journal = dataDir.resolve("journal");
      int journalSegments = JournalTraces.check(journal); // refuses before anything changes
      Target resolved = resolve(index, target);
      Erased erased = Eraser.offline(index).erase(selection(resolved));
      Local local = cleanLocal(dataDir, resolved, erased.ids(), dryRun);
      if (dryRun) {
        index.rollback();
      } else {
        index.close(); // commits
        JournalTraces.clear(journal);
      }
      done = true;
      Report report =
          new Report(
              resolved,
              dryRun,
              erased,
              local.corrections(),
              new CorrectionLog.Rewrite(0, 0),
              local.failedEvents(),
              journalSegments,
              Duration.ofNanos(System.nanoTime() - start));
      if (!dryRun) {
        audit.record(actor, "purge", resolved.toString(), report.details());
      }
      return report;
    } finally {
      if (!done) {
        index.rollback(); // a purge that failed half-way changes nothing
      }
    }
  }

  private static MessageIndex open(Path dir) {
    return OfflineIndex.open(dir, "purge");
  }

  /** The messages a target names. */
  static Selection selection(Target resolved) {
    return switch (resolved.kind()) {
      case "team" -> Selection.team(resolved.id());
      case "channel" -> Selection.channel(resolved.id());
      default -> Selection.user(resolved.id());
    };
  }

  /** What a purge changed in a data folder besides the index. */
  record Local(CorrectionLog.Rewrite corrections, int failedEvents) {}

  /**
   * Takes the purged messages out of the data folder's correction log and failed events.
   *
   * @param removed ids of the purged messages (a person's corrections of them go too)
   */
  static Local cleanLocal(Path dataDir, Target resolved, Set<String> removed, boolean dryRun) {
    CorrectionLog.Rewrite corrections =
        new CorrectionLog(dataDir.resolve("corrections.jsonl"))
            .rewrite(corrections(resolved, removed), !dryRun);
    int failed =
        JsonLines.drop(
            dataDir.resolve("failed-events.jsonl"),
            j ->
                switch (resolved.kind()) {
                  case "team" -> resolved.id().equals(j.path("message").path("team").asText());
                  case "channel" -> resolved.id().equals(j.path("channel").asText());
                  default -> resolved.id().equals(j.path("message").path("user").asText());
                },
            !dryRun);
    return new Local(corrections, failed);
  }

  /** A channel given by name becomes its id (as the index knows it). */
  static Target resolve(MessageStore index, Target t) {
    if (!t.kind().equals("channel") || t.id().matches("[CDG][A-Z0-9]{2,}")) {
      return t;
    }
    return index
        .items()
        .channel(t.id())
        .map(found -> new Target("channel", found[0]))
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no channel named "
                        + t.id()
                        + " in the index; give its id (C…) to purge what else Sift keeps of it"));
  }

  /** What happens to each correction: dropped when it is of purged data, else kept (anonymous). */
  static UnaryOperator<Correction> corrections(Target t, Set<String> removed) {
    return c -> {
      MessageKey key = MessageKey.parse(c.messageId());
      boolean purged =
          removed.contains(c.messageId())
              || switch (t.kind()) {
                case "team" -> key.team().equals(t.id());
                case "channel" -> key.channelId().equals(t.id());
                default -> false;
              };
      if (purged) {
        return null;
      }
      if (t.kind().equals("user") && t.id().equals(c.by())) {
        return new Correction(
            c.messageId(), c.text(), c.category(), c.priority(), "", "purged", c.at());
      }
      return c;
    };
  }
}

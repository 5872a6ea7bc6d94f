package dev.sift.bot.cli;

import dev.sift.bot.Sift;
import dev.sift.bot.pipeline.TriagePipeline;
import dev.sift.triage.eval.EvalRow;
import dev.sift.triage.eval.Evaluation;
import dev.sift.triage.eval.GroupingEvaluation;
import dev.sift.triage.eval.PriorityEvaluation;
import dev.sift.triage.item.Role;
import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.item.Triager;
import dev.sift.triage.message.Message;
import dev.sift.triage.verdict.Priority;
import dev.sift.triage.verdict.Verdict;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores labelled rows through the production pipeline ({@link TriagePipeline}: embed, cascade,
 * triage, index), each row a top-level message posted a minute after the one before, in its channel
 * (or {@code #eval}) and by its user (or a different person each): the category, priority and
 * duplicate item each row ends in are exactly what {@code sift run} would decide.
 */
final class PipelineEval {
  private static final int BATCH = 64;

  private PipelineEval() {}

  static EvalResult run(Sift sift, List<EvalRow> rows) {
    return run(sift, rows, null);
  }

  /** Row {@code i} as the top-level message it is posted as, its channel known as public. */
  static Message message(Sift sift, EvalRow row, int i) {
    String channel = row.channel() == null ? "eval" : row.channel();
    sift.privateChannels().learn("C-" + channel, false);
    String user = row.user() == null ? "eval-" + i : row.user();
    return new Message(
        "T-EVAL",
        "C-" + channel,
        channel,
        String.format("%d.%06d", 1_700_000_000L + 60L * i, 0),
        null,
        "U-" + user,
        user,
        row.text(),
        null,
        false,
        false,
        List.of(),
        List.of());
  }

  /**
   * As {@link #run(Sift, List)}, and prints each row that ends at P1 or P2 with its reasons to
   * {@code urgent} (when not null), so a person can read whether each is right.
   */
  static EvalResult run(Sift sift, List<EvalRow> rows, PrintWriter urgent) {
    List<Message> messages = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      messages.add(message(sift, rows.get(i), i));
    }
    List<Triager.Outcome> outcomes = new ArrayList<>();
    TriagePipeline pipeline = sift.pipeline(outcomes::add);
    long start = System.nanoTime();
    for (int from = 0; from < messages.size(); from += BATCH) {
      pipeline.processAll(messages.subList(from, Math.min(messages.size(), from + BATCH)));
    }
    double seconds = (System.nanoTime() - start) / 1e9;

    Evaluation categories = new Evaluation(sift.taxonomy().names());
    PriorityEvaluation priorities = new PriorityEvaluation();
    List<String> goldGroups = new ArrayList<>();
    List<String> items = new ArrayList<>();
    boolean grouped = rows.stream().anyMatch(r -> r.group() != null);
    Map<String, Long> decided = new LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      EvalRow row = rows.get(i);
      TriagedMessage t = outcomes.get(i).message();
      Verdict v = t.verdict();
      decided.merge(v.decidedBy(), 1L, Long::sum);
      if (row.category() != null) {
        categories.add(row.category(), v.category());
      }
      if (row.priority() != null) {
        priorities.add(row.priority(), v.priority());
      }
      if (urgent != null && v.priority().moreUrgentThan(Priority.P3)) {
        urgent.printf(
            "%s (gold %s) row %d  %s%n    %s%n",
            v.priority(),
            row.priority() == null ? "-" : row.priority(),
            i + 1,
            String.join("; ", v.reasons()),
            row.text().replace("\n", " / "));
      }
      goldGroups.add(row.group());
      items.add(t.role() == Role.ITEM ? t.key().id() : t.itemKey().id());
    }
    return new EvalResult(
        categories,
        rows.size() / seconds,
        pipeline.embeddedTexts() / Math.max(1e-9, pipeline.embeddingSeconds()),
        0,
        decided,
        sift.cascade() == null ? null : sift.cascade().stats().snapshot(),
        priorities.count() == 0 ? null : priorities,
        grouped ? GroupingEvaluation.of(goldGroups, items) : null);
  }
}

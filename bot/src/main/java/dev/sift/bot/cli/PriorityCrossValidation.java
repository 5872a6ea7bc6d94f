package dev.sift.bot.cli;

import dev.sift.bot.Sift;
import dev.sift.bot.config.SiftConfig;
import dev.sift.bot.feedback.Correction;
import dev.sift.bot.pipeline.TriagePipeline;
import dev.sift.triage.eval.Calibration;
import dev.sift.triage.eval.EvalRow;
import dev.sift.triage.eval.PriorityEvaluation;
import dev.sift.triage.item.Triager;
import dev.sift.triage.message.Message;
import dev.sift.triage.priority.PriorityFeatures;
import dev.sift.triage.verdict.Priority;
import dev.sift.triage.verdict.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * {@code sift eval --priority-cv K}: whether priority corrections help, measured as people would
 * meet it. The rows with a gold priority are split into K folds; for each, a fresh pipeline triages
 * the other folds, a person "corrects" each of them to its gold priority (keeping the category the
 * pipeline chose), and the pipeline then triages the held-out fold. Before is what the rules alone
 * said of the held-out rows in that same run; after is what the pipeline decided with the model.
 */
final class PriorityCrossValidation {
  private PriorityCrossValidation() {}

  record Result(
      int folds,
      PriorityEvaluation before,
      PriorityEvaluation after,
      Calibration calibration,
      long moved) {

    String report() {
      StringBuilder out = new StringBuilder();
      out.append(
          String.format(
              Locale.ROOT,
              "priority learned from corrections, %d-fold cross-validation (n=%d):%n",
              folds,
              after.count()));
      out.append(line("rules alone", before));
      out.append(line("with the model", after));
      out.append(
          String.format(
              Locale.ROOT,
              "model moved %d rows; its expected calibration error %.3f%n",
              moved,
              calibration.expectedCalibrationError()));
      return out.toString();
    }

    private static String line(String name, PriorityEvaluation e) {
      return String.format(
          Locale.ROOT,
          "  %-15s accuracy=%.3f  macro-F1=%.3f  within one=%.3f  P1/P2 precision=%.3f"
              + " recall=%.3f  false P1s=%d%n",
          name,
          e.accuracy(),
          e.macroF1(),
          e.withinOneAccuracy(),
          e.urgentPrecision(),
          e.urgentRecall(),
          e.falseP1());
    }
  }

  static Result run(SiftConfig config, List<EvalRow> all, int folds) throws Exception {
    List<Integer> labelled = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).priority() != null) {
        labelled.add(i);
      }
    }
    if (labelled.size() < folds * 2) {
      throw new IllegalArgumentException(
          "--priority-cv needs at least " + folds * 2 + " rows with a \"priority\"");
    }
    PriorityEvaluation before = new PriorityEvaluation();
    PriorityEvaluation after = new PriorityEvaluation();
    Calibration calibration = new Calibration();
    long moved = 0;
    for (int fold = 0; fold < folds; fold++) {
      List<Integer> train = new ArrayList<>();
      List<Integer> test = new ArrayList<>();
      for (int j = 0; j < labelled.size(); j++) {
        (j % folds == fold ? test : train).add(labelled.get(j));
      }
      Path scratch = Files.createTempDirectory("sift-priority-cv");
      try (Sift sift = new Sift(config.withDataDir(scratch))) {
        List<Triager.Outcome> trained = triage(sift, all, train);
        List<Correction> corrections = new ArrayList<>();
        for (int j = 0; j < train.size(); j++) {
          Message m = trained.get(j).message().message();
          corrections.add(
              new Correction(
                  m.key().id(),
                  m.text(),
                  trained.get(j).message().verdict().category(),
                  all.get(train.get(j)).priority(),
                  "",
                  m.userId(),
                  Instant.EPOCH));
        }
        sift.learning().learnPriorities(corrections);
        List<Triager.Outcome> held = triage(sift, all, test);
        for (int j = 0; j < test.size(); j++) {
          Priority gold = all.get(test.get(j)).priority();
          Message m = held.get(j).message().message();
          Verdict v = held.get(j).message().verdict();
          Priority rules =
              sift.prioritiser().assess(sift.taxonomy().get(v.category()), m, 1).priority();
          before.add(gold, rules);
          after.add(gold, v.priority());
          moved += rules == v.priority() ? 0 : 1;
          float[] vector = held.get(j).message().vector();
          var p =
              sift.prioritiser()
                  .learned()
                  .probabilities(PriorityFeatures.of(v.category(), rules, m.text(), vector));
          if (p.isPresent()) {
            int best = 0;
            for (int k = 1; k < p.get().length; k++) {
              best = p.get()[k] > p.get()[best] ? k : best;
            }
            calibration.add(p.get()[best], best == gold.ordinal());
          }
        }
      } finally {
        try (var files = Files.walk(scratch)) {
          files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
    return new Result(folds, before, after, calibration, moved);
  }

  /** Triages the given rows (indices into all, posted at their own place in time) in order. */
  private static List<Triager.Outcome> triage(Sift sift, List<EvalRow> all, List<Integer> rows) {
    List<Message> messages = new ArrayList<>();
    for (int i : rows) {
      messages.add(PipelineEval.message(sift, all.get(i), i));
    }
    List<Triager.Outcome> outcomes = new ArrayList<>();
    TriagePipeline pipeline = sift.pipeline(outcomes::add);
    for (int from = 0; from < messages.size(); from += 64) {
      pipeline.processAll(messages.subList(from, Math.min(messages.size(), from + 64)));
    }
    return outcomes;
  }
}

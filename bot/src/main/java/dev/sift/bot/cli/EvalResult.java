package dev.sift.bot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.sift.triage.eval.Evaluation;
import dev.sift.triage.eval.GroupingEvaluation;
import dev.sift.triage.eval.PriorityEvaluation;
import dev.sift.triage.llm.LlmStats;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of one evaluation run, as a report or JSON.
 *
 * @param eval categories (empty when no row carries one)
 * @param priority priorities, or null when no row carries one
 * @param grouping duplicate grouping, or null when no row carries a group
 */
record EvalResult(
    Evaluation eval,
    double messagesPerSecond,
    double embeddingsPerSecond,
    double trainSeconds,
    Map<String, Long> decidedBy,
    LlmStats.Snapshot llm,
    PriorityEvaluation priority,
    GroupingEvaluation grouping) {

  String json() throws Exception {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("n", eval.count());
    o.put("accuracy", round(eval.accuracy()));
    o.put("macro_f1", round(eval.macroF1()));
    Map<String, Object> per = new LinkedHashMap<>();
    eval.perCategory()
        .forEach(
            (name, s) ->
                per.put(
                    name,
                    Map.of(
                        "precision", round(s.precision()),
                        "recall", round(s.recall()),
                        "f1", round(s.f1()),
                        "support", s.support())));
    o.put("per_category", per);
    o.put("labels", eval.labels());
    o.put("confusion", eval.confusion());
    o.put("messages_per_second", round(messagesPerSecond));
    o.put("embeddings_per_second", round(embeddingsPerSecond));
    o.put("train_seconds", round(trainSeconds));
    o.put("decided_by", decidedBy);
    if (llm != null) {
      o.put(
          "llm",
          Map.of(
              "calls", llm.calls(),
              "input_tokens", llm.inputTokens(),
              "output_tokens", llm.outputTokens(),
              "estimated_cost", round(llm.estimatedCost()),
              "repairs", llm.repairs(),
              "failures", llm.failures()));
    }
    if (priority != null) {
      o.put("priority", priorityJson(priority));
    }
    if (grouping != null) {
      o.put(
          "grouping",
          Map.of(
              "pairs_gold", grouping.goldPairs(),
              "pairs_predicted", grouping.predictedPairs(),
              "pairs_both", grouping.bothPairs(),
              "precision", round(grouping.precision()),
              "recall", round(grouping.recall()),
              "f1", round(grouping.f1())));
    }
    return new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(o)
        + "\n";
  }

  String report() {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            "n=%d  accuracy=%.3f  macro-F1=%.3f%n", eval.count(), eval.accuracy(), eval.macroF1()));
    b.append(
        String.format(
            "%.0f messages/s (embedding alone %.0f/s), trained in %.1f s%n",
            messagesPerSecond, embeddingsPerSecond, trainSeconds));
    b.append("decided by: ").append(decidedBy).append('\n');
    if (llm != null) {
      b.append(
          String.format(
              "LLM: %d calls, %d prompt + %d answer tokens, est. cost %.4f, %d repairs, %d"
                  + " failed calls%n",
              llm.calls(),
              llm.inputTokens(),
              llm.outputTokens(),
              llm.estimatedCost(),
              llm.repairs(),
              llm.failures()));
    }
    b.append('\n');
    b.append(
        String.format(
            "%-28s %9s %9s %9s %8s%n", "category", "precision", "recall", "F1", "support"));
    eval.perCategory()
        .forEach(
            (name, s) ->
                b.append(
                    String.format(
                        "%-28s %9.3f %9.3f %9.3f %8d%n",
                        name, s.precision(), s.recall(), s.f1(), s.support())));
    if (eval.labels().size() <= 12 && eval.count() > 0) {
      b.append('\n');
      appendConfusion(b, eval.labels(), eval.confusion());
    }
    if (priority != null) {
      appendPriority(b);
    }
    if (grouping != null) {
      b.append(
          String.format(
              "%nduplicate grouping (pairs): precision=%.3f  recall=%.3f  F1=%.3f"
                  + "  (%d gold pairs, %d predicted, %d both)%n",
              grouping.precision(),
              grouping.recall(),
              grouping.f1(),
              grouping.goldPairs(),
              grouping.predictedPairs(),
              grouping.bothPairs()));
    }
    return b.toString();
  }

  private static Map<String, Object> priorityJson(PriorityEvaluation p) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("n", p.count());
    o.put("accuracy", round(p.accuracy()));
    o.put("macro_f1", round(p.macroF1()));
    o.put("within_one_accuracy", round(p.withinOneAccuracy()));
    o.put("urgent_precision", round(p.urgentPrecision()));
    o.put("urgent_recall", round(p.urgentRecall()));
    o.put("false_p1", p.falseP1());
    o.put("labels", p.labels());
    o.put("confusion", p.confusion());
    return o;
  }

  private void appendPriority(StringBuilder b) {
    PriorityEvaluation p = priority;
    b.append(
        String.format(
            "%npriority: n=%d  accuracy=%.3f  macro-F1=%.3f  within one level=%.3f%n",
            p.count(), p.accuracy(), p.macroF1(), p.withinOneAccuracy()));
    b.append(
        String.format(
            "P1/P2 vs rest: precision=%.3f  recall=%.3f;  predicted P1 but lower: %d%n",
            p.urgentPrecision(), p.urgentRecall(), p.falseP1()));
    appendConfusion(b, p.labels(), p.confusion());
  }

  private static void appendConfusion(StringBuilder b, List<String> labels, long[][] m) {
    b.append("confusion (rows gold, columns predicted):\n");
    b.append(String.format("%-14s", ""));
    labels.forEach(l -> b.append(String.format("%8.8s", l)));
    b.append('\n');
    for (int i = 0; i < labels.size(); i++) {
      b.append(String.format("%-14.14s", labels.get(i)));
      for (long v : m[i]) {
        b.append(String.format("%8d", v));
      }
      b.append('\n');
    }
  }

  private static double round(double x) {
    return Math.round(x * 10000) / 10000.0;
  }
}

package dev.sift.bot.cli;

import dev.sift.bot.Sift;
import dev.sift.bot.config.ConfigLoader;
import dev.sift.bot.config.SiftConfig;
import dev.sift.triage.classify.EmbeddedClassifier;
import dev.sift.triage.classify.LabelledExample;
import dev.sift.triage.classify.Prediction;
import dev.sift.triage.embed.EmbeddingModel;
import dev.sift.triage.embed.InProcessEmbedder;
import dev.sift.triage.eval.EvalData;
import dev.sift.triage.eval.EvalRow;
import dev.sift.triage.eval.Evaluation;
import dev.sift.triage.taxonomy.Taxonomy;
import dev.sift.triage.taxonomy.TaxonomyLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sift eval}: measures the embedded classifier on labelled data; with {@code --config}, or
 * when rows carry priorities or duplicate groups, the whole production pipeline.
 */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    header = "Measure classification, priority and duplicate grouping on labelled data.",
    description =
        "Measure classification, priority and duplicate grouping on labelled JSONL data"
            + " ({\"text\", \"category\"} a line; \"priority\": \"P1\"..\"P4\" and \"group\" are"
            + " scored through the whole pipeline when present).")
final class EvalCommand implements Callable<Integer> {
  @Option(names = "--data", required = true, paramLabel = "FILE", description = "Labelled JSONL.")
  Path data;

  @Option(
      names = "--taxonomy",
      paramLabel = "FILE",
      description = "Taxonomy whose examples train the classifier (default: the built-in one).")
  Path taxonomyFile;

  @Option(names = "--json", description = "Print one JSON object instead of a report.")
  boolean json;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "A sift.yml whose llm section puts the LLM cascade in the loop (default: embedded only).")
  Path config;

  @Option(
      names = "--compare",
      description =
          "Score the shipped classifier and the single baselines (embedding softmax, TF-IDF"
              + " softmax, naive Bayes over Lucene terms, BM25 kNN) side by side, with calibration"
              + " error.")
  boolean compare;

  @Option(
      names = "--show-urgent",
      description =
          "After the report, list every row the pipeline put at P1 or P2, with its reasons, to read"
              + " whether each is right.")
  boolean showUrgent;

  @Option(
      names = "--priority-cv",
      paramLabel = "K",
      description =
          "Measure priority learned from corrections: K-fold cross-validation over the rows with a"
              + " \"priority\", each fold's pipeline corrected to the gold priorities of the others.")
  int priorityFolds;

  @Option(
      names = "--embedding",
      paramLabel = "MODEL",
      description =
          "With --compare or without --config: the sentence encoder, minilm (default) or"
              + " bge-small.")
  String embedding = EmbeddingModel.MINILM.configName();

  @Spec CommandSpec spec;

  private PrintWriter urgent;

  @Override
  public Integer call() throws Exception {
    Taxonomy taxonomy =
        taxonomyFile == null ? Taxonomy.defaults() : TaxonomyLoader.load(taxonomyFile);
    List<EvalRow> rows = EvalData.readRows(data, taxonomy);
    if (compare) {
      HeadComparison c =
          HeadComparison.run(
              taxonomy, EvalData.read(data, taxonomy), EmbeddingModel.named(embedding));
      PrintWriter out = spec.commandLine().getOut();
      out.print(json ? c.json() : c.report());
      out.flush();
      return 0;
    }
    if (priorityFolds > 0) {
      SiftConfig c = config == null ? SiftConfig.defaults() : ConfigLoader.load(config);
      PrintWriter out = spec.commandLine().getOut();
      out.print(PriorityCrossValidation.run(c, rows, priorityFolds).report());
      out.flush();
      return 0;
    }
    boolean beyondCategory = rows.stream().anyMatch(r -> r.priority() != null || r.group() != null);
    StringWriter listed = new StringWriter();
    urgent = new PrintWriter(listed);
    EvalResult result =
        config == null && !beyondCategory
            ? embeddedOnly(taxonomy, EvalData.read(data, taxonomy), EmbeddingModel.named(embedding))
            : throughPipeline(taxonomy, rows);
    PrintWriter out = spec.commandLine().getOut();
    out.print(json ? result.json() : result.report());
    if (showUrgent) {
      urgent.flush();
      out.print("\nrows at P1 or P2:\n" + listed);
    }
    out.flush();
    return 0;
  }

  /** The embedded classifier alone, trained on the taxonomy's examples. */
  private static EvalResult embeddedOnly(
      Taxonomy taxonomy, List<LabelledExample> rows, EmbeddingModel model) {
    try (InProcessEmbedder embedder = new InProcessEmbedder(model)) {
      long trainStart = System.nanoTime();
      EmbeddedClassifier classifier = new EmbeddedClassifier(taxonomy, embedder);
      double trainSeconds = (System.nanoTime() - trainStart) / 1e9;
      List<String> texts = rows.stream().map(LabelledExample::text).toList();
      long start = System.nanoTime();
      List<float[]> vectors = embedder.embedAll(texts);
      double embedSeconds = (System.nanoTime() - start) / 1e9;
      Evaluation eval = new Evaluation(taxonomy.names());
      for (int i = 0; i < rows.size(); i++) {
        Prediction p = classifier.classify(texts.get(i), vectors.get(i));
        eval.add(rows.get(i).category(), p.category());
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      return new EvalResult(
          eval,
          rows.size() / seconds,
          rows.size() / embedSeconds,
          trainSeconds,
          Map.of("embedded", (long) rows.size()),
          null,
          null,
          null);
    }
  }

  /**
   * The production pipeline a config describes (the defaults without one), with the LLM asked where
   * the embedded model is unsure, on a throwaway index: categories, priorities and duplicate items
   * as {@code sift run} would decide them.
   */
  private EvalResult throughPipeline(Taxonomy taxonomy, List<EvalRow> rows) throws Exception {
    Path scratch = Files.createTempDirectory("sift-eval");
    SiftConfig c = config == null ? SiftConfig.defaults() : ConfigLoader.load(config);
    if (config == null && taxonomyFile != null) {
      throw new IllegalArgumentException(
          "priority and group labels are scored through the whole pipeline: with --taxonomy, pass"
              + " a --config whose taxonomy is that file");
    }
    try (Sift sift = new Sift(c.withDataDir(scratch))) {
      if (!sift.taxonomy().names().equals(taxonomy.names())) {
        throw new IllegalArgumentException(
            "the config's taxonomy differs from --taxonomy; point the config's taxonomy at it");
      }
      return PipelineEval.run(sift, rows, showUrgent ? urgent : null);
    } finally {
      try (var files = Files.walk(scratch)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}

package dev.sift.bot.feedback;

import dev.sift.triage.classify.EmbeddedClassifier;
import dev.sift.triage.classify.LabelledExample;
import dev.sift.triage.embed.Embedder;
import dev.sift.triage.message.Message;
import dev.sift.triage.message.MessageKey;
import dev.sift.triage.priority.Prioritiser;
import dev.sift.triage.priority.PriorityFeatures;
import dev.sift.triage.priority.PriorityModel;
import dev.sift.triage.taxonomy.Category;
import dev.sift.triage.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything that learns from people's corrections, taught at once: the classifier their
 * categories, the priority model their priorities (over what the rules said of each message).
 */
public final class Learning {
  private static final Logger log = LoggerFactory.getLogger(Learning.class);

  private final Taxonomy taxonomy;
  private final EmbeddedClassifier classifier;
  private final Prioritiser prioritiser;
  private final Embedder embedder;
  private final Function<String, Optional<String>> channelName;
  // Each corrected text is embedded once, not again at every later correction.
  private final Map<String, float[]> vectors = new ConcurrentHashMap<>();

  /**
   * @param channelName a channel's name by its id, where the index knows it: a correction records
   *     only the id, and the rules for client and help channels go by name
   */
  public Learning(
      Taxonomy taxonomy,
      EmbeddedClassifier classifier,
      Prioritiser prioritiser,
      Embedder embedder,
      Function<String, Optional<String>> channelName) {
    this.channelName = channelName;
    this.taxonomy = taxonomy;
    this.classifier = classifier;
    this.prioritiser = prioritiser;
    this.embedder = embedder;
  }

  /**
   * Relearns every correction in the log at start: categories and priorities. Corrections naming a
   * category the taxonomy no longer has are left out (logged).
   */
  public void relearn(CorrectionLog corrections) {
    List<LabelledExample> all = corrections.examples();
    if (all.isEmpty()) {
      return;
    }
    List<LabelledExample> usable =
        all.stream().filter(e -> taxonomy.contains(e.category())).toList();
    if (usable.size() < all.size()) {
      log.warn(
          "{} corrections name categories the taxonomy no longer has; they are skipped",
          all.size() - usable.size());
    }
    classifier.learn(usable);
    learnPriorities(corrections.all());
    log.info(
        "relearnt {} corrections ({} taught the priority model)",
        usable.size(),
        prioritiser.learned().corrections());
  }

  /**
   * Retrains the priority model on these corrections (those whose category the taxonomy still has).
   * Each is read as the rules read it, in its channel, with the corrected category.
   */
  public void learnPriorities(List<Correction> corrections) {
    List<Correction> usable =
        corrections.stream()
            .filter(c -> c.priority() != null && !c.text().isBlank())
            .filter(c -> taxonomy.contains(c.category()))
            .toList();
    List<String> missing =
        usable.stream()
            .map(Correction::text)
            .filter(t -> !vectors.containsKey(t))
            .distinct()
            .toList();
    if (!missing.isEmpty()) {
      List<float[]> embedded = embedder.embedAll(missing);
      for (int i = 0; i < missing.size(); i++) {
        vectors.put(missing.get(i), embedded.get(i));
      }
    }
    // One index look-up a channel, not one a correction.
    Map<String, String> names = new java.util.HashMap<>();
    List<PriorityModel.Example> examples = new ArrayList<>();
    for (int i = 0; i < usable.size(); i++) {
      Correction c = usable.get(i);
      Category category = taxonomy.get(c.category());
      MessageKey key = MessageKey.parse(c.messageId());
      Message m =
          new Message(
              key.team(),
              key.channelId(),
              names.computeIfAbsent(key.channelId(), id -> channelName.apply(id).orElse(id)),
              key.ts(),
              null,
              c.by(),
              null,
              c.text(),
              null,
              false,
              false,
              List.of(),
              List.of());
      var rules = prioritiser.assess(category, m, 1).priority();
      examples.add(
          new PriorityModel.Example(
              PriorityFeatures.of(category.name(), rules, c.text(), vectors.get(c.text())),
              c.priority()));
    }
    prioritiser.learned().learn(examples);
  }
}

package dev.sift.triage.priority;

import dev.sift.triage.verdict.Priority;
import java.util.Map;

/**
 * What the priority model sees of a message: the rules' priority and the signals behind it, the
 * category, and the message's embedding (null when there is none).
 */
public record PriorityFeatures(
    String category,
    Priority rules,
    boolean security,
    boolean dataLoss,
    boolean outage,
    boolean broadcast,
    boolean deadline,
    boolean calm,
    boolean asks,
    float[] embedding) {

  private static final int FIXED = 1 + 4 + 7;

  /** Reads the signals of a text the rules assessed at {@code rules} for {@code category}. */
  public static PriorityFeatures of(
      String category, Priority rules, String text, float[] embedding) {
    ChatText chat = ChatText.of(text);
    return new PriorityFeatures(
        category,
        rules,
        Signals.quoted(Signals.SECURITY, chat) != null,
        Signals.quoted(Signals.DATA_LOSS, chat) != null,
        Signals.outage(chat) != null,
        Signals.anywhere(Signals.BROADCAST, chat) != null,
        Signals.anywhere(Signals.DEADLINE, chat) != null,
        Prioritiser.isCalm(text),
        chat.live().contains("?"),
        embedding);
  }

  /** The same features without the embedding. */
  public PriorityFeatures withoutEmbedding() {
    return new PriorityFeatures(
        category, rules, security, dataLoss, outage, broadcast, deadline, calm, asks, null);
  }

  /**
   * As numbers: a bias, the rules' priority one-hot, the signals, the category one-hot by {@code
   * categories} (an unseen category is all zeros), then the embedding.
   */
  double[] vector(Map<String, Integer> categories) {
    int dims = embedding == null ? 0 : embedding.length;
    double[] x = new double[FIXED + categories.size() + dims];
    x[0] = 1;
    x[1 + rules.ordinal()] = 1;
    boolean[] flags = {security, dataLoss, outage, broadcast, deadline, calm, asks};
    for (int i = 0; i < flags.length; i++) {
      x[5 + i] = flags[i] ? 1 : 0;
    }
    Integer c = categories.get(category);
    if (c != null) {
      x[FIXED + c] = 1;
    }
    for (int i = 0; i < dims; i++) {
      x[FIXED + categories.size() + i] = embedding[i];
    }
    return x;
  }
}

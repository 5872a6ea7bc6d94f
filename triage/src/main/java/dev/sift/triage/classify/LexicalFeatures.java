package dev.sift.triage.classify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Word evidence for the classifier: unigrams and bigrams hashed into a fixed space, weighted TF-IDF
 * (sublinear TF) and L2-normalised. Words like "down", "please" or "thanks" carry a lot of signal
 * that a small sentence encoder blurs; this keeps it.
 */
public final class LexicalFeatures {
  /** Hash space; collisions are rare at the few thousand n-grams a taxonomy has. */
  public static final int BUCKETS = 1 << 16;

  private final float[] idf;

  private LexicalFeatures(float[] idf) {
    this.idf = idf;
  }

  /** Fits inverse document frequencies on the training texts. */
  public static LexicalFeatures fit(List<String> texts) {
    int[] df = new int[BUCKETS];
    for (String text : texts) {
      Set<Integer> seen = new HashSet<>();
      for (int bucket : hashedTerms(text)) {
        if (seen.add(bucket)) {
          df[bucket]++;
        }
      }
    }
    float[] idf = new float[BUCKETS];
    int n = texts.size();
    for (int i = 0; i < BUCKETS; i++) {
      idf[i] = (float) (Math.log((1.0 + n) / (1.0 + df[i])) + 1.0);
    }
    return new LexicalFeatures(idf);
  }

  /** The sparse feature vector of a text. */
  public Sparse vectorize(String text) {
    Map<Integer, Integer> tf = new HashMap<>();
    for (int bucket : hashedTerms(text)) {
      tf.merge(bucket, 1, Integer::sum);
    }
    int[] index = new int[tf.size()];
    float[] value = new float[tf.size()];
    int i = 0;
    double norm = 0;
    for (Map.Entry<Integer, Integer> e : tf.entrySet()) {
      index[i] = e.getKey();
      value[i] = (float) ((1 + Math.log(e.getValue())) * idf[e.getKey()]);
      norm += value[i] * value[i];
      i++;
    }
    if (norm > 0) {
      float inv = (float) (1 / Math.sqrt(norm));
      for (int j = 0; j < value.length; j++) {
        value[j] *= inv;
      }
    }
    return new Sparse(index, value);
  }

  /** Lower-cased word tokens; Slack emoji codes like :fire: become the word "fire". */
  static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    String lower = text.toLowerCase(Locale.ROOT);
    for (int i = 0; i <= lower.length(); i++) {
      char c = i < lower.length() ? lower.charAt(i) : ' ';
      if (Character.isLetterOrDigit(c)) {
        word.append(c);
      } else if (c == '\'' || c == '\u2019') {
        continue; // "can't" and "cant" are the same word in chat
      } else if (word.length() > 0) {
        tokens.add(word.toString());
        word.setLength(0);
      }
    }
    return tokens;
  }

  private static List<Integer> hashedTerms(String text) {
    List<String> tokens = tokens(text);
    List<Integer> terms = new ArrayList<>(tokens.size() * 2 + 1);
    String previous = "^";
    for (String token : tokens) {
      terms.add(bucket(token));
      terms.add(bucket(previous + " " + token));
      previous = token;
    }
    if (!tokens.isEmpty()) {
      terms.add(bucket(previous + " $"));
    }
    return terms;
  }

  private static int bucket(String term) {
    int h = term.hashCode();
    // murmur3's finaliser spreads String.hashCode's weak low bits over the whole int.
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h & (BUCKETS - 1);
  }

  /** A sparse vector: parallel arrays of indices and values. */
  public record Sparse(int[] index, float[] value) {}
}

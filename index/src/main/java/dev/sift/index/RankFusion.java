package dev.sift.index;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hybrid ranking shared by both search backends: keyword hits first; when they are fewer than asked
 * for, messages close in meaning are blended in by reciprocal-rank fusion, so "login broken" also
 * finds "can't sign in". Keys are whatever names a hit in its backend (a Lucene doc, a Solr id).
 */
public final class RankFusion {
  /** Cosine below which a purely semantic hit is noise. */
  static final double MIN_SEMANTIC_SIMILARITY = 0.35;

  /** Reciprocal-rank fusion constant from Cormack et al. (2009). */
  static final int RRF_K = 60;

  private static final int SNIPPET_CHARS = 200;

  private RankFusion() {}

  /** A hit after fusion. */
  public record Fused<K>(K key, double score, boolean semantic) {}

  /** A nearest-neighbour hit, {@code score} as Lucene's dot product: (1 + cosine) / 2. */
  public record Near<K>(K key, float score) {}

  /** Whether to run the semantic half: words to embed, a vector, and too few keyword hits. */
  public static boolean blends(SlackQuery parsed, SearchRequest request, int keywordHits) {
    return parsed.hasText() && request.queryVector() != null && keywordHits < request.limit();
  }

  /**
   * Fuses keyword hits (in their order) with nearest neighbours (best first; empty when not
   * blending) into at most {@code limit} hits, by fused score unless sorted by date.
   */
  public static <K> List<Fused<K>> fuse(
      List<K> keyword, List<Near<K>> near, boolean byDate, int limit) {
    Map<K, Double> fused = new LinkedHashMap<>();
    Map<K, Boolean> semantic = new LinkedHashMap<>();
    for (int rank = 0; rank < keyword.size(); rank++) {
      fused.put(keyword.get(rank), 1.0 / (RRF_K + rank + 1));
      semantic.put(keyword.get(rank), false);
    }
    int rank = 0;
    for (Near<K> hit : near) {
      if (2 * hit.score() - 1 < MIN_SEMANTIC_SIMILARITY) {
        continue;
      }
      fused.merge(hit.key(), 1.0 / (RRF_K + ++rank), Double::sum);
      semantic.putIfAbsent(hit.key(), true);
    }
    List<Map.Entry<K, Double>> ranked = new ArrayList<>(fused.entrySet());
    if (!near.isEmpty() && !byDate) {
      ranked.sort(Map.Entry.<K, Double>comparingByValue().reversed());
    }
    List<Fused<K>> hits = new ArrayList<>();
    for (Map.Entry<K, Double> e : ranked.subList(0, Math.min(limit, ranked.size()))) {
      hits.add(new Fused<>(e.getKey(), e.getValue(), semantic.get(e.getKey())));
    }
    return hits;
  }

  /** The start of a message, for a hit without highlighted words. */
  public static String opening(String text) {
    String flat = text.replaceAll("\\s+", " ").trim();
    return flat.length() <= SNIPPET_CHARS ? flat : flat.substring(0, SNIPPET_CHARS - 1) + "…";
  }
}

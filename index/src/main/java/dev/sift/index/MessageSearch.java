package dev.sift.index;

import dev.sift.triage.item.TriagedMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Runs searches: keywords first; when they find fewer hits than asked for, messages close in
 * meaning are blended in by reciprocal-rank fusion, so "login broken" also finds "can't sign in".
 */
public final class MessageSearch {
  /** Cosine below which a purely semantic hit is noise. */
  private static final double MIN_SEMANTIC_SIMILARITY = 0.35;

  /** Reciprocal-rank fusion constant from Cormack et al. (2009). */
  private static final int RRF_K = 60;

  private static final int SNIPPET_CHARS = 200;

  private final MessageIndex index;

  public MessageSearch(MessageIndex index) {
    this.index = index;
  }

  /** Runs a search; a malformed query throws {@link QuerySyntaxException}. */
  public List<SearchHit> search(SearchRequest request) {
    SlackQuery parsed = SlackQuery.parse(request.query(), request.zone());
    Query filter = filter(parsed, request);
    index.refresh();
    try {
      return index.withSearcher(searcher -> run(searcher, parsed, filter, request));
    } catch (IndexSearcher.TooManyClauses e) {
      // Lucene counts the clauses of nested queries together only when it searches.
      throw SlackQuery.tooLong();
    }
  }

  private List<SearchHit> run(
      IndexSearcher searcher, SlackQuery parsed, Query filter, SearchRequest request)
      throws IOException {
    int limit = request.limit();
    Query keywords =
        parsed.text() == null
            ? filter
            : new BooleanQuery.Builder()
                .add(parsed.text(), Occur.MUST)
                .add(filter, Occur.FILTER)
                .build();
    Sort sort =
        parsed.byDate() || parsed.text() == null
            ? new Sort(new SortField(Fields.TS_MICROS, SortField.Type.LONG, true))
            : new Sort(
                SortField.FIELD_SCORE, new SortField(Fields.TS_MICROS, SortField.Type.LONG, true));
    TopDocs keywordHits = searcher.search(keywords, limit, sort, true);
    Map<Integer, Double> fused = new LinkedHashMap<>();
    Map<Integer, Boolean> semantic = new LinkedHashMap<>();
    for (int rank = 0; rank < keywordHits.scoreDocs.length; rank++) {
      fused.put(keywordHits.scoreDocs[rank].doc, 1.0 / (RRF_K + rank + 1));
      semantic.put(keywordHits.scoreDocs[rank].doc, false);
    }
    boolean blend =
        parsed.text() != null
            && request.queryVector() != null
            && keywordHits.scoreDocs.length < limit;
    if (blend) {
      TopDocs near =
          searcher.search(
              new KnnFloatVectorQuery(Fields.VECTOR, request.queryVector(), limit, filter), limit);
      int rank = 0;
      for (ScoreDoc hit : near.scoreDocs) {
        if (2 * hit.score - 1 < MIN_SEMANTIC_SIMILARITY) {
          continue;
        }
        fused.merge(hit.doc, 1.0 / (RRF_K + ++rank), Double::sum);
        semantic.putIfAbsent(hit.doc, true);
      }
    }
    List<Map.Entry<Integer, Double>> ranked = new ArrayList<>(fused.entrySet());
    if (blend && !parsed.byDate()) {
      ranked.sort(Map.Entry.<Integer, Double>comparingByValue().reversed());
    }
    if (ranked.size() > limit) {
      ranked = ranked.subList(0, limit);
    }
    int[] docs = ranked.stream().mapToInt(Map.Entry::getKey).toArray();
    String[] snippets = snippets(searcher, parsed, docs);
    List<SearchHit> hits = new ArrayList<>(docs.length);
    for (int i = 0; i < docs.length; i++) {
      TriagedMessage m = MessageIndex.load(searcher, docs[i]);
      String snippet = snippets[i] != null ? snippets[i] : opening(m.message().text());
      hits.add(new SearchHit(m, snippet, ranked.get(i).getValue(), semantic.get(docs[i])));
    }
    return hits;
  }

  private static Query filter(SlackQuery parsed, SearchRequest request) {
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    all.add(new MatchAllDocsQuery(), Occur.FILTER);
    for (Query f : parsed.filters()) {
      all.add(f, Occur.FILTER);
    }
    if (request.team() != null) {
      // Channel ids are unique per workspace, but a search must not depend on that alone.
      all.add(new TermQuery(new Term(Fields.TEAM, request.team())), Occur.FILTER);
    }
    if (request.visibleChannels() != null) {
      BooleanQuery.Builder visible = new BooleanQuery.Builder();
      for (String channel : request.visibleChannels()) {
        visible.add(new TermQuery(new Term(Fields.CHANNEL_ID, channel)), Occur.SHOULD);
      }
      // No visible channel at all must find nothing, not everything.
      visible.add(new TermQuery(new Term(Fields.CHANNEL_ID, "\u0000none")), Occur.SHOULD);
      all.add(visible.build(), Occur.FILTER);
    }
    return all.build();
  }

  private static String[] snippets(IndexSearcher searcher, SlackQuery parsed, int[] docs)
      throws IOException {
    if (parsed.text() == null || docs.length == 0) {
      return new String[docs.length];
    }
    UnifiedHighlighter highlighter =
        UnifiedHighlighter.builder(searcher, MessageIndex.analyzer())
            .withFormatter(new DefaultPassageFormatter("*", "*", " … ", false))
            .withMaxLength(10_000)
            .build();
    return highlighter.highlight(Fields.TEXT, parsed.text(), topDocsOf(docs), 1);
  }

  private static TopDocs topDocsOf(int[] docs) {
    ScoreDoc[] scoreDocs = new ScoreDoc[docs.length];
    for (int i = 0; i < docs.length; i++) {
      scoreDocs[i] = new ScoreDoc(docs[i], 1f);
    }
    return new TopDocs(
        new org.apache.lucene.search.TotalHits(
            docs.length, org.apache.lucene.search.TotalHits.Relation.EQUAL_TO),
        scoreDocs);
  }

  private static String opening(String text) {
    String flat = text.replaceAll("\\s+", " ").trim();
    return flat.length() <= SNIPPET_CHARS ? flat : flat.substring(0, SNIPPET_CHARS - 1) + "…";
  }
}

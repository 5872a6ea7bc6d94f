package dev.sift.index;

import dev.sift.triage.item.TriagedMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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
 * Searches the embedded Lucene index: keywords first, then messages close in meaning blended in by
 * {@link RankFusion}.
 */
public final class MessageSearch implements Search {
  private final MessageIndex index;

  public MessageSearch(MessageIndex index) {
    this.index = index;
  }

  @Override
  public List<SearchHit> search(SearchRequest request) {
    SlackQuery parsed = SlackQuery.parse(request.query(), request.zone());
    index.refresh();
    try {
      Query text = LuceneQueries.text(parsed);
      Query filter = filter(parsed, request);
      return index.withSearcher(searcher -> run(searcher, parsed, text, filter, request));
    } catch (IndexSearcher.TooManyClauses e) {
      // Lucene counts the clauses of nested queries together only when it searches (an in: value
      // is two clauses, name or id; the visible channels add theirs).
      throw SlackQuery.tooLong();
    }
  }

  private List<SearchHit> run(
      IndexSearcher searcher, SlackQuery parsed, Query text, Query filter, SearchRequest request)
      throws IOException {
    int limit = request.limit();
    Query keywords =
        text == null
            ? filter
            : new BooleanQuery.Builder().add(text, Occur.MUST).add(filter, Occur.FILTER).build();
    Sort sort =
        parsed.byDate() || text == null
            ? new Sort(new SortField(Fields.TS_MICROS, SortField.Type.LONG, true))
            : new Sort(
                SortField.FIELD_SCORE, new SortField(Fields.TS_MICROS, SortField.Type.LONG, true));
    TopDocs keywordHits = searcher.search(keywords, limit, sort, true);
    List<Integer> keywordDocs = new ArrayList<>();
    for (ScoreDoc hit : keywordHits.scoreDocs) {
      keywordDocs.add(hit.doc);
    }
    List<RankFusion.Near<Integer>> near = new ArrayList<>();
    if (RankFusion.blends(parsed, request, keywordDocs.size())) {
      TopDocs knn =
          searcher.search(
              new KnnFloatVectorQuery(Fields.VECTOR, request.queryVector(), limit, filter), limit);
      for (ScoreDoc hit : knn.scoreDocs) {
        near.add(new RankFusion.Near<>(hit.doc, hit.score));
      }
    }
    List<RankFusion.Fused<Integer>> ranked =
        RankFusion.fuse(keywordDocs, near, parsed.byDate(), limit);
    int[] docs = ranked.stream().mapToInt(RankFusion.Fused::key).toArray();
    String[] snippets = snippets(searcher, text, docs);
    List<SearchHit> hits = new ArrayList<>(docs.length);
    for (int i = 0; i < docs.length; i++) {
      TriagedMessage m = MessageIndex.load(searcher, docs[i]);
      String snippet = snippets[i] != null ? snippets[i] : RankFusion.opening(m.message().text());
      hits.add(new SearchHit(m, snippet, ranked.get(i).score(), ranked.get(i).semantic()));
    }
    return hits;
  }

  private static Query filter(SlackQuery parsed, SearchRequest request) {
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    all.add(new MatchAllDocsQuery(), Occur.FILTER);
    for (Query f : LuceneQueries.filters(parsed)) {
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

  private static String[] snippets(IndexSearcher searcher, Query text, int[] docs)
      throws IOException {
    if (text == null || docs.length == 0) {
      return new String[docs.length];
    }
    UnifiedHighlighter highlighter =
        UnifiedHighlighter.builder(searcher, MessageIndex.analyzer())
            .withFormatter(new DefaultPassageFormatter("*", "*", " … ", false))
            .withMaxLength(10_000)
            .build();
    return highlighter.highlight(Fields.TEXT, text, topDocsOf(docs), 1);
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
}

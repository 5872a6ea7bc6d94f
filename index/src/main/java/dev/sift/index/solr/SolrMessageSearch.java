package dev.sift.index.solr;

import dev.sift.index.RankFusion;
import dev.sift.index.Search;
import dev.sift.index.SearchHit;
import dev.sift.index.SearchRequest;
import dev.sift.index.SlackQuery;
import dev.sift.triage.item.TriagedMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrException;

/**
 * Searches a {@link SolrMessageStore} as {@link dev.sift.index.MessageSearch} searches the Lucene
 * index: the same parse, the same filters (as filter queries, so the visible channels bound the
 * nearest-neighbour search too: Solr pre-filters knn with fq), the same snippets (unified
 * highlighter, {@code *word*}, one sentence) and the same {@link RankFusion}. A malformed query
 * fails in the parse, before Solr sees it.
 */
public final class SolrMessageSearch implements Search {
  private final SolrMessageStore store;

  public SolrMessageSearch(SolrMessageStore store) {
    this.store = store;
  }

  @Override
  public List<SearchHit> search(SearchRequest request) {
    SlackQuery parsed = SlackQuery.parse(request.query(), request.zone());
    String text = SolrQueries.text(parsed);
    store.refresh(); // this process's writes become searchable, as MessageSearch does
    Map<String, SolrDocument> docs = new HashMap<>();
    Map<String, String> snippets = new HashMap<>();
    SolrQuery keywords = request(parsed, request, text, text == null ? "*:*" : text);
    keywords.set(
        "sort", parsed.byDate() || text == null ? "ts_micros desc" : "score desc, ts_micros desc");
    List<String> keywordIds = new ArrayList<>();
    for (SolrDocument d : run(keywords, docs, snippets)) {
      keywordIds.add((String) d.getFirstValue(SolrDocuments.ID));
    }
    List<RankFusion.Near<String>> near = new ArrayList<>();
    if (RankFusion.blends(parsed, request, keywordIds.size())) {
      String knn =
          "{!knn f="
              + SolrDocuments.VECTOR
              + " topK="
              + request.limit()
              + "}"
              + SolrMessageStore.literal(request.queryVector());
      for (SolrDocument d : run(request(parsed, request, text, knn), docs, snippets)) {
        float score = ((Number) d.getFirstValue("score")).floatValue();
        near.add(new RankFusion.Near<>((String) d.getFirstValue(SolrDocuments.ID), score));
      }
    }
    List<SearchHit> hits = new ArrayList<>();
    for (RankFusion.Fused<String> f :
        RankFusion.fuse(keywordIds, near, parsed.byDate(), request.limit())) {
      TriagedMessage m = SolrDocuments.fromSolr(docs.get(f.key()));
      String snippet = snippets.getOrDefault(f.key(), RankFusion.opening(m.message().text()));
      hits.add(new SearchHit(m, snippet, f.score(), f.semantic()));
    }
    return hits;
  }

  /** A query for {@code q} under every filter, highlighting the words when there are some. */
  private static SolrQuery request(
      SlackQuery parsed, SearchRequest request, String text, String q) {
    SolrQuery solr = new SolrQuery(q).setRows(request.limit()).setFields("*", "score");
    solr.set("q.op", "AND"); // a word the analysis splits needs all its parts, as in Lucene
    SolrQueries.addFilters(solr, parsed, request);
    if (text != null) {
      // As MessageSearch's UnifiedHighlighter: the words' query only, sentence passages, one,
      // matches in *, the first sentence when nothing matched (a hit by meaning).
      solr.setHighlight(true);
      solr.set("hl.method", "unified");
      solr.set("hl.fl", "text");
      solr.set("hl.q", text);
      solr.set("hl.qparser", "lucene");
      solr.set("hl.tag.pre", "*");
      solr.set("hl.tag.post", "*");
      solr.set("hl.tag.ellipsis", " … ");
      solr.set("hl.snippets", 1);
      // Plain sentences: a length goal of one character, as a minimum (0 would mean the whole
      // text).
      solr.set("hl.fragsize", 1);
      solr.set("hl.fragsizeIsMinimum", true);
      solr.set("hl.bs.type", "SENTENCE");
      solr.set("hl.maxAnalyzedChars", 10_000);
      solr.set("hl.defaultSummary", true);
    }
    return solr;
  }

  /** Runs a query, keeping its documents and snippets by id; returns its documents in order. */
  private List<SolrDocument> run(
      SolrQuery q, Map<String, SolrDocument> docs, Map<String, String> snippets) {
    QueryResponse response;
    try {
      response = store.query("cannot search", q);
    } catch (SolrException e) {
      if (tooManyClauses(e)) {
        throw SlackQuery.tooLong(); // the visible channels and a long query together
      }
      throw e;
    }
    List<SolrDocument> found = new ArrayList<>(response.getResults());
    Map<String, Map<String, List<String>>> highlighting = response.getHighlighting();
    for (SolrDocument d : found) {
      String id = (String) d.getFirstValue(SolrDocuments.ID);
      docs.putIfAbsent(id, d);
      List<String> snippet =
          highlighting == null ? null : highlighting.getOrDefault(id, Map.of()).get("text");
      if (snippet != null && !snippet.isEmpty()) {
        snippets.putIfAbsent(id, snippet.get(0));
      }
    }
    return found;
  }

  private static boolean tooManyClauses(SolrException e) {
    String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    return message.contains("too many") || message.contains("maxclausecount");
  }
}

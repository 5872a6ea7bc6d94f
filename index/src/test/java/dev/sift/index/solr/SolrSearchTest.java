package dev.sift.index.solr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.index.MessageIndex;
import dev.sift.index.MessageIndexTest;
import dev.sift.index.MessageSearch;
import dev.sift.index.MessageStore;
import dev.sift.index.Search;
import dev.sift.index.SearchContract;
import dev.sift.index.SearchHit;
import dev.sift.index.SearchRequest;
import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.verdict.Priority;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The search contract on a SolrCloud collection, in an in-process cluster. */
class SolrSearchTest extends SearchContract {
  /** The contract's vectors have two dimensions. */
  private static final int DIMENSION = 2;

  @RegisterExtension static final SolrCluster cluster = SolrCluster.perClass();

  @Override
  protected MessageStore open() throws Exception {
    return SolrMessageStore.connect(
        List.of(cluster.url()), cluster.emptyCollection(DIMENSION), DIMENSION);
  }

  @Override
  protected Search searchOf(MessageStore store) {
    return new SolrMessageSearch((SolrMessageStore) store);
  }

  /**
   * Beyond the contract's fixed cases: random queries, keywords only or hybrid, find the same
   * messages in the same order, with the same snippets, on Solr as on the Lucene index filled
   * alike.
   */
  @Test
  void random_searches_rank_as_the_lucene_index_with_the_same_snippets() {
    List<String> words =
        List.of("portal", "down", "logins", "login", "deploy", "failed", "e-mail", "the", "SOW");
    List<String> parts =
        List.of(
            "portal",
            "login",
            "e-mail",
            "\"portal down\"",
            "-failed",
            "in:#ops",
            "from:@ann",
            "priority:p1",
            "category:incident",
            "before:2026-03-04",
            "sort:date");
    Random r = new Random(5);
    try (MessageIndex lucene = MessageIndex.inMemory()) {
      for (int i = 0; i < 30; i++) {
        StringBuilder text = new StringBuilder();
        for (int w = 3 + r.nextInt(40); w > 0; w--) {
          text.append(words.get(r.nextInt(words.size()))).append(r.nextInt(8) == 0 ? ". " : " ");
        }
        TriagedMessage m =
            MessageIndexTest.item(
                "C" + (i % 3),
                List.of("general", "ops", "support").get(i % 3),
                String.format("17726%05d.000100", i * 997),
                r.nextBoolean() ? "ann" : "ben",
                text.toString().trim(),
                r.nextBoolean() ? "incident" : "question",
                Priority.values()[r.nextInt(4)],
                MessageIndexTest.v(r.nextFloat(), r.nextFloat()));
        lucene.upsert(m);
        store.upsert(m);
      }
      MessageSearch onLucene = new MessageSearch(lucene);
      int compared = 0;
      long blended = 0;
      for (int n = 0; n < 60; n++) {
        List<String> query = new ArrayList<>();
        for (int k = 1 + r.nextInt(3); k > 0; k--) {
          query.add(parts.get(r.nextInt(parts.size())));
        }
        // Keywords only, then hybrid: a query vector blends in the nearest messages when the words
        // find fewer than asked for.
        float[] vector = n % 2 == 0 ? null : MessageIndexTest.v(r.nextFloat(), r.nextFloat());
        SearchRequest request =
            new SearchRequest(String.join(" ", query), vector, null, 20, ZoneId.of("UTC"));
        List<SearchHit> luceneHits = onLucene.search(request);
        List<SearchHit> solrHits = search.search(request);
        Map<String, String> expected = snippets(luceneHits);
        Map<String, String> actual = snippets(solrHits);
        assertThat(actual).as(request.query()).isEqualTo(expected);
        // Same ranking: BM25 and the same analysis on both, ties newest first.
        assertThat(actual.keySet())
            .as(request.query())
            .containsExactlyElementsOf(expected.keySet());
        assertThat(solrHits.stream().map(SearchHit::semantic).toList())
            .as(request.query())
            .isEqualTo(luceneHits.stream().map(SearchHit::semantic).toList());
        compared += expected.size();
        blended += luceneHits.stream().filter(SearchHit::semantic).count();
      }
      assertThat(compared).isGreaterThan(100);
      assertThat(blended).as("hits found by meaning").isGreaterThan(10);
    }
  }

  /** Snippets by message id, in hit order. */
  private static Map<String, String> snippets(List<SearchHit> hits) {
    Map<String, String> byId = new LinkedHashMap<>();
    hits.forEach(h -> byId.put(h.message().key().id(), h.snippet()));
    return byId;
  }
}

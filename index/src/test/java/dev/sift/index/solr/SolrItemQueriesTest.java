package dev.sift.index.solr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sift.index.ItemQueriesContract;
import dev.sift.index.MessageIndexTest;
import dev.sift.index.MessageStore;
import dev.sift.index.Selection;
import dev.sift.triage.item.Task;
import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.message.Message;
import dev.sift.triage.message.MessageKey;
import dev.sift.triage.verdict.Priority;
import java.util.ArrayList;
import java.util.List;
import org.apache.solr.common.SolrInputDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The item queries contract on a SolrCloud collection, in an in-process cluster, plus what only a
 * store read a page at a time can get wrong.
 */
class SolrItemQueriesTest extends ItemQueriesContract {
  /** The contract's vectors have two dimensions. */
  private static final int DIMENSION = 2;

  @RegisterExtension static final SolrCluster cluster = SolrCluster.perClass();

  @Override
  protected MessageStore open() throws Exception {
    return SolrMessageStore.connect(
        List.of(cluster.url()), cluster.emptyCollection(DIMENSION), DIMENSION);
  }

  /** More than one page (the store reads 1000 documents at a time), in one request. */
  @Test
  void long_answers_follow_the_cursor_past_the_first_page() throws Exception {
    int n = 1001;
    List<SolrInputDocument> docs = new ArrayList<>();
    List<MessageKey> oldestFirst = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      TriagedMessage t =
          MessageIndexTest.item(
                  "C1",
                  "support",
                  (1772632000 + i) + ".000100",
                  "ann",
                  "down",
                  "incident",
                  Priority.P1,
                  MessageIndexTest.v(1, 0))
              .withTask(new Task("U1", "C9", (1772640000 + i) + ".000100"));
      docs.add(SolrDocuments.toSolr(t));
      oldestFirst.add(t.key());
    }
    cluster.client().add(cluster.collection(DIMENSION), docs);

    assertThat(store.keys(Selection.user("U-ann")))
        .containsExactlyInAnyOrderElementsOf(oldestFirst);
    assertThat(store.items().openCards(n + 10))
        .extracting(TriagedMessage::key)
        .containsExactlyElementsOf(oldestFirst);
    assertThat(store.items().messages("C1", null, n - 1))
        .extracting(Message::key)
        .containsExactlyElementsOf(oldestFirst.subList(1, n));
    assertThat(store.items().misnamed("C1", "other")).hasSize(n);
  }
}

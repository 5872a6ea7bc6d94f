package dev.sift.index.solr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sift.index.MessageIndex;
import dev.sift.index.MessageStore;
import dev.sift.index.MessageStoreContract;
import dev.sift.index.SharedNotes;
import dev.sift.triage.embed.Vectors;
import dev.sift.triage.item.LinkedIssue;
import dev.sift.triage.item.Role;
import dev.sift.triage.item.Task;
import dev.sift.triage.item.TaskTimes;
import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.message.Message;
import dev.sift.triage.message.MessageKey;
import dev.sift.triage.sla.Progress;
import dev.sift.triage.verdict.Priority;
import dev.sift.triage.verdict.Status;
import dev.sift.triage.verdict.Verdict;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.schema.SchemaRequest;
import org.apache.solr.common.SolrInputDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The store contract on a SolrCloud collection, in an in-process cluster (ZooKeeper and one Jetty
 * node on 127.0.0.1, started once for the class), plus what only a remote store can get wrong: an
 * unreachable cluster, a collection made for other vectors, fields lost on the way.
 */
class SolrMessageStoreTest extends MessageStoreContract {
  @RegisterExtension static final SolrCluster cluster = SolrCluster.perClass();

  /** The contract's vectors have two dimensions (see {@link MessageStoreContract}). */
  private static final int DIMENSION = 2;

  private static String emptyCollection(int dimension) throws Exception {
    return cluster.emptyCollection(dimension);
  }

  private static String url() {
    return cluster.url();
  }

  @Override
  protected MessageStore open() throws Exception {
    return SolrMessageStore.connect(List.of(url()), emptyCollection(DIMENSION), DIMENSION);
  }

  @Override
  protected MessageStore reopen() {
    return SolrMessageStore.connect(List.of(url()), cluster.collection(DIMENSION), DIMENSION);
  }

  /** What the test framework binds too (seen with ss while the tests ran): nothing else. */
  @Test
  void the_cluster_is_on_loopback() {
    assertThat(url()).startsWith("http://127.0.0.1:");
    assertThat(cluster.zkAddress()).startsWith("127.0.0.1:");
  }

  @Test
  void a_cluster_that_does_not_answer_is_named() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    String nobody = "http://127.0.0.1:" + port + "/solr";

    assertThatThrownBy(() -> SolrMessageStore.connect(List.of(nobody), "messages2", 2))
        .hasMessageContaining("cannot reach Solr at " + nobody);
  }

  @Test
  void a_missing_collection_is_named() {
    assertThatThrownBy(() -> SolrMessageStore.connect(List.of(url()), "nosuch", 2))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("nosuch");
  }

  @Test
  void a_collection_made_for_vectors_of_another_dimension_is_refused() throws Exception {
    String three = emptyCollection(3);

    assertThatThrownBy(() -> SolrMessageStore.connect(List.of(url()), three, 2))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("dimension 3")
        .hasMessageContaining("dimension 2");
  }

  @Test
  void a_collection_without_vectors_is_refused() throws Exception {
    collectionWithout("novectors", "novectors", "<field name=\"vector\"[^>]*>");

    assertThatThrownBy(() -> SolrMessageStore.connect(List.of(url()), "novectors", 2))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("has no vector field");
  }

  @Test
  void a_collection_made_by_an_older_sift_gets_the_fields_added_since_and_keeps_its_messages()
      throws Exception {
    collectionWithout("oldsift", "sift-2", "<field name=\"note_[^>]*>"); // Sift's configset name
    TriagedMessage kept = everythingSet();
    try (SolrMessageStore before = SolrMessageStore.open(cluster.client(), "oldsift", 2)) {
      before.upsert(kept);
      before.commit();
    }

    try (MessageStore upgraded = SolrMessageStore.connect(List.of(url()), "oldsift", 2)) {
      upgraded.notes().put(new SharedNotes.Note("correction", "x", "{}", Instant.EPOCH));
      upgraded.refresh();
      assertThat(upgraded.notes().since("correction", Instant.EPOCH)).hasSize(1);
      assertThat(upgraded.find(kept.key())).isPresent();
    } finally {
      SolrCollections.upload(cluster.client(), "sift-2", SolrCollections.configset(2));
    }
  }

  @Test
  void a_collection_not_made_from_sifts_configset_and_lacking_fields_is_refused_by_name()
      throws Exception {
    collectionWithout("theirs", "theirs", "<field name=\"note_[^>]*>");

    assertThatThrownBy(() -> SolrMessageStore.connect(List.of(url()), "theirs", 2))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("lacks the fields note_kind, note_body, note_at")
        .hasMessageContaining("another index_prefix");
  }

  /**
   * Makes {@code collection} from Sift's configset for 2-dimensional vectors less the schema lines
   * matching {@code removed}, uploaded as {@code configset}.
   */
  @SuppressWarnings("deprecation") // waitForFinalState: see SolrCollections.create
  private static void collectionWithout(String collection, String configset, String removed)
      throws Exception {
    Map<String, String> files = new HashMap<>(SolrCollections.configset(2));
    files.computeIfPresent("schema.xml", (name, schema) -> schema.replaceAll(removed, ""));
    SolrCollections.upload(cluster.client(), configset, files);
    CollectionAdminRequest.Create create =
        CollectionAdminRequest.createCollection(collection, configset, 1, 1);
    create.setWaitForFinalState(true);
    create.process(cluster.client());
  }

  @Test
  void every_field_comes_back_as_from_the_lucene_index_before_and_after_a_commit() {
    TriagedMessage full = everythingSet();
    try (MessageIndex lucene = MessageIndex.inMemory()) {
      lucene.upsert(full);
      TriagedMessage expected = lucene.find(full.key()).orElseThrow();
      store.upsert(full);
      for (boolean committed : new boolean[] {false, true}) {
        if (committed) {
          store.commit();
        }
        TriagedMessage back = store.find(full.key()).orElseThrow();
        assertThat(back)
            .as("committed: %s", committed)
            .usingRecursiveComparison()
            .isEqualTo(expected);
        assertThat(back.task().times().acknowledge().steps()).isEqualTo(2);
      }
    }
  }

  @Test
  void every_lucene_field_is_in_the_solr_schema() throws Exception {
    Set<String> lucene = new HashSet<>();
    for (Field f : Class.forName("dev.sift.index.Fields").getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
        f.setAccessible(true);
        lucene.add((String) f.get(null));
      }
    }
    Set<String> solr =
        new SchemaRequest.Fields()
            .process(cluster.client(), emptyCollection(2)).getFields().stream()
                .map(f -> (String) f.get("name"))
                .collect(Collectors.toSet());

    assertThat(solr).containsAll(lucene);
  }

  @Test
  void checkpoints_are_not_messages() {
    TriagedMessage m = item("C1", "1772632654.000100");
    store.upsert(m);
    store.checkpoint("C1", "1772632654.000100");
    store.commit();

    assertThat(store.size()).isEqualTo(1);
    assertThat(store.threadsOf("C1", "0.000000", "9999999999.000000"))
        .containsOnlyKeys("1772632654.000100");
    assertThat(
            store.similarOpenItems(
                Vectors.normalize(new float[] {1, 0}),
                Instant.EPOCH,
                Instant.ofEpochSecond(9999999999L),
                10))
        .hasSize(1);
  }

  @Test
  void a_channel_lists_more_messages_than_a_page_of_results() throws Exception {
    // More than the store reads in one page, written in one request (one upsert each would
    // take seconds); the listing must follow the cursor to the end.
    List<SolrInputDocument> docs = new ArrayList<>();
    Set<String> all = new HashSet<>();
    for (int i = 0; i < 1001; i++) {
      String ts = (1772632000 + i) + ".000100";
      docs.add(SolrDocuments.toSolr(item("C1", ts)));
      all.add(ts);
    }
    cluster.client().add(cluster.collection(DIMENSION), docs);

    assertThat(store.topLevelTs("C1", "0.000000", "9999999999.000000")).isEqualTo(all);
  }

  private static TriagedMessage item(String channel, String ts) {
    return TriagedMessage.newItem(
        new Message(
            "T1", channel, "support", ts, null, "U1", "ann", "down", null, false, false, null,
            null),
        new Verdict("incident", Priority.P1, 0.9, 0.5, List.of(), Verdict.EMBEDDED),
        Vectors.normalize(new float[] {1, 0}));
  }

  /** A report with every optional part set, so that a field the mapping forgets shows. */
  private static TriagedMessage everythingSet() {
    Instant at = Instant.ofEpochMilli(1772632654123L);
    Message m =
        new Message(
            "T1",
            "C1",
            "Support-EU",
            "1772632655.000200",
            "1772632654.000100",
            "U1",
            "Ann",
            "portal is down: `HTTP 502` ✓",
            "thread_broadcast",
            true,
            true,
            List.of("https://example.com/a", "https://example.com/b"),
            List.of("trace.txt"));
    Verdict v =
        new Verdict(
            "incident", Priority.P2, 0.75, 0.25, List.of("why one", "why two"), "llm", "summed up");
    Task task =
        new Task(
            "U9",
            "C9",
            "1772632700.000100",
            at,
            new TaskTimes(
                at, at.plusSeconds(1), at.plusSeconds(2), new Progress(2, at), new Progress(1, at)),
            new LinkedIssue("jira", "OPS-1", "https://jira.example.com/OPS-1", "a note"));
    return new TriagedMessage(
        m,
        v,
        Vectors.normalize(new float[] {0.6f, 0.8f}),
        Role.REPORT,
        new MessageKey("T1", "C1", "1772632654.000100"),
        Status.ACKED,
        List.of("ann", "bob"),
        List.of("T1/C1/1772632656.000100"),
        new ArrayList<>(List.of("T1/C1/1772632657.000100")),
        task);
  }
}

package dev.sift.index.solr;

import dev.sift.index.Checkpoints;
import dev.sift.index.Claims;
import dev.sift.index.ItemQueries;
import dev.sift.index.MessageStore;
import dev.sift.index.Search;
import dev.sift.index.Selection;
import dev.sift.index.SharedNotes;
import dev.sift.index.UnrefreshedWrites;
import dev.sift.triage.item.Role;
import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.message.MessageKey;
import dev.sift.triage.message.SlackTs;
import dev.sift.triage.verdict.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudHttp2SolrClient;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.CursorMarkParams;
import org.apache.solr.common.params.ModifiableSolrParams;

/**
 * The store of triaged messages in a SolrCloud collection, for several Sift processes sharing one
 * store; the same contract as the embedded {@link dev.sift.index.MessageIndex}.
 *
 * <p>Solr makes writes searchable on a soft commit ({@link #refresh}), durable on a hard commit
 * ({@link #commit}). {@link #find} uses real-time get, which reads the update log, so it sees a
 * write at once without any commit. A vector search cannot: it runs on the last opened searcher.
 * Soft-committing before each one would open a new searcher on every replica for every triaged
 * message (triage writes one message, then searches for the next one's item), which Solr's guidance
 * warns against and which throws its caches away each time. So, like MessageIndex, this process's
 * writes since the last refresh are kept in a small map that {@link #similarOpenItems} scores
 * itself; stale searcher hits of those messages are dropped. Writes of other processes become
 * searchable on the next refresh, anyone's.
 *
 * <p>Checkpoints are documents of their own ({@code kind:checkpoint}, id {@code
 * checkpoint/<channel>}), written just before each hard commit and read when the store opens; every
 * message query filters on {@code kind:message}.
 */
public final class SolrMessageStore implements MessageStore {
  private static final int PAGE = 1000;
  private static final String CHECKPOINT_PREFIX = "checkpoint/";
  private static final String VERSION = "_version_";

  /** How old the searcher may be for a thread listing (see {@link #threadsOf}). */
  private static final java.time.Duration THREADS_STALENESS = java.time.Duration.ofSeconds(1);

  /** How long opening waits for a collection whose cores are still starting. */
  private static final java.time.Duration SERVING_WAIT = java.time.Duration.ofSeconds(60);

  /** The filter every message query carries: checkpoints and claims are documents too. */
  static final String MESSAGES = "{!term f=kind}" + SolrDocuments.MESSAGE;

  private final SolrClient client;
  private final String collection;
  private final boolean ownsClient;
  private final UnrefreshedWrites unrefreshed = new UnrefreshedWrites();

  /** When the last soft or hard commit began (System.nanoTime). */
  private volatile long lastRefresh = System.nanoTime() - THREADS_STALENESS.toNanos() - 1;

  private final Checkpoints checkpoints = new Checkpoints();
  private final SolrClaims claims = new SolrClaims(this);
  private final SolrNotes notes = new SolrNotes(this);

  private SolrMessageStore(SolrClient client, String collection, boolean ownsClient) {
    this.client = client;
    this.collection = collection;
    this.ownsClient = ownsClient;
    forEachDocument(
        new SolrQuery("{!term f=kind}" + SolrDocuments.CHECKPOINT)
            .setFields(SolrDocuments.CHANNEL_ID, SolrDocuments.TS),
        d ->
            checkpoints.set(
                (String) d.getFirstValue(SolrDocuments.CHANNEL_ID),
                (String) d.getFirstValue(SolrDocuments.TS)));
  }

  /**
   * Connects to a SolrCloud cluster through any of its nodes ({@code http://host:8983/solr}) and
   * opens the store in {@code collection}, whose vectors must have {@code dimension} (the embedding
   * model's). Fails, naming the URLs, when no node answers; and when the collection keeps other
   * vectors.
   */
  public static SolrMessageStore connect(List<String> solrUrls, String collection, int dimension) {
    return connect(new SolrTarget(solrUrls, null, null), collection, dimension, 0, 0);
  }

  /**
   * Connects as {@link #connect(List, String, int)} does, with the target's credentials, and first
   * creates the collection from Sift's configset when it is missing and {@code shards} is positive.
   */
  public static SolrMessageStore connect(
      SolrTarget target, String collection, int dimension, int shards, int replicas) {
    CloudHttp2SolrClient client = target.client();
    try {
      try {
        // The client is lazy; asking for the live nodes tells at once whether any URL answers.
        client.getClusterStateProvider().getLiveNodes();
      } catch (RuntimeException e) {
        throw new UncheckedIOException(
            "cannot reach Solr at " + String.join(", ", target.urls()) + ": " + e.getMessage(),
            new IOException(e));
      }
      SolrCollections.checkVersion(client, target.urls());
      if (shards > 0 && !CollectionAdminRequest.listCollections(client).contains(collection)) {
        try {
          SolrCollections.create(client, collection, dimension, shards, replicas);
        } catch (SolrException e) {
          // Replicas starting together race to create it: one wins, the others find it there.
          if (!CollectionAdminRequest.listCollections(client).contains(collection)) {
            throw e;
          }
        }
      }
      return open(client, collection, dimension, true);
    } catch (SolrServerException | IOException e) {
      closeQuietly(client, null);
      throw unreachable("cannot create Solr collection " + collection, e);
    } catch (RuntimeException e) {
      closeQuietly(client, e);
      throw e;
    }
  }

  /**
   * Opens the store in {@code collection} through a client the caller keeps (and closes), checking
   * the collection's vectors as {@link #connect} does.
   */
  public static SolrMessageStore open(SolrClient client, String collection, int dimension) {
    return open(client, collection, dimension, false);
  }

  private static SolrMessageStore open(
      SolrClient client, String collection, int dimension, boolean ownsClient) {
    long giveUpAt = System.nanoTime() + SERVING_WAIT.toNanos();
    while (true) {
      try {
        SolrCollections.checkVectorField(client, collection, dimension);
        return new SolrMessageStore(client, collection, ownsClient);
      } catch (SolrServerException | IOException e) {
        throw unreachable("cannot read the schema of Solr collection " + collection, e);
      } catch (SolrException e) {
        // A collection another replica has just created may have no active core yet.
        boolean starting =
            e.code() == SolrException.ErrorCode.INVALID_STATE.code
                || e.code() == SolrException.ErrorCode.SERVICE_UNAVAILABLE.code;
        if (!starting || System.nanoTime() > giveUpAt) {
          throw new IllegalStateException(
              "cannot open Solr collection " + collection + ": " + e.getMessage(), e);
        }
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(
            "interrupted while Solr collection " + collection + " starts");
      }
    }
  }

  /**
   * Creates a collection for this store from Sift's configset, with vectors of {@code dimension},
   * and returns once its replicas are active.
   */
  public static void createCollection(
      SolrClient client, String collection, int dimension, int shards, int replicas) {
    try {
      SolrCollections.create(client, collection, dimension, shards, replicas);
    } catch (SolrServerException | IOException e) {
      throw unreachable("cannot create Solr collection " + collection, e);
    }
  }

  @Override
  public void upsert(TriagedMessage t) {
    String id = t.key().id();
    call("cannot store " + id, () -> client.add(collection, SolrDocuments.toSolr(t)));
    if (unrefreshed.wrote(t)) {
      refresh();
    }
  }

  @Override
  public void delete(MessageKey key) {
    String id = key.id();
    call("cannot delete " + id, () -> client.deleteById(collection, id));
    unrefreshed.deleted(id);
  }

  @Override
  public void deleteTeam(String team) {
    call(
        "cannot delete the messages of " + team,
        () -> client.deleteByQuery(collection, "{!term f=team}" + team));
    // Real-time get cannot see a delete by query before a commit: soft-commit, as promised.
    refresh();
  }

  @Override
  public Versioned findVersioned(MessageKey key) {
    SolrDocument d = getWithVersion(key.id());
    return d == null
        ? new Versioned(Optional.empty(), ABSENT)
        : new Versioned(Optional.of(SolrDocuments.fromSolr(d)), version(d));
  }

  @Override
  public boolean replace(TriagedMessage t, long version) {
    if (!addIfVersion(SolrDocuments.toSolr(t), version)) {
      return false;
    }
    if (unrefreshed.wrote(t)) {
      refresh();
    }
    return true;
  }

  @Override
  public Claims claims() {
    return claims;
  }

  @Override
  public SharedNotes notes() {
    return notes;
  }

  /** Stores a document that queries must find within {@code millis}, whoever commits next. */
  void addSoon(SolrInputDocument d, int millis) {
    call(
        "cannot store " + d.getFieldValue(SolrDocuments.ID),
        () -> client.add(collection, d, millis));
  }

  /** Deletes a document, gone from queries within {@code millis}. */
  void deleteSoon(String id, int millis) {
    call("cannot delete " + id, () -> client.deleteById(collection, id, millis));
  }

  /** A document with its {@code _version_}, by real-time get; null when there is none. */
  SolrDocument getWithVersion(String id) {
    return call(
            "cannot read " + id,
            () ->
                client.getById(
                    collection, List.of(id), new ModifiableSolrParams().set("fl", "*," + VERSION)))
        .stream()
        .findFirst()
        .orElse(null);
  }

  static long version(SolrDocument d) {
    return ((Number) d.getFirstValue(VERSION)).longValue();
  }

  /**
   * Adds a document only if the stored one is still at {@code version} ({@link #ABSENT}: only if
   * there is none), by Solr's optimistic concurrency; false when another writer changed it first.
   */
  boolean addIfVersion(SolrInputDocument d, long version) {
    d.setField(VERSION, version == ABSENT ? -1L : version);
    try {
      call("cannot store " + d.getFieldValue(SolrDocuments.ID), () -> client.add(collection, d));
      return true;
    } catch (SolrException e) {
      if (isConflict(e)) {
        return false;
      }
      throw e;
    }
  }

  /**
   * Deletes a document only if it is still at {@code version}; false when another writer changed it
   * first.
   */
  boolean deleteIfVersion(String id, long version) {
    try {
      call(
          "cannot delete " + id,
          () -> new UpdateRequest().deleteById(id, version).process(client, collection));
      return true;
    } catch (SolrException e) {
      if (isConflict(e)) {
        return false;
      }
      throw e;
    }
  }

  /** Deletes every document matching all the filters (claims past their time), found by id. */
  void deleteMatching(String what, String... filters) {
    List<String> ids = new ArrayList<>();
    forEachDocument(
        new SolrQuery("*:*").addFilterQuery(filters).setFields(SolrDocuments.ID),
        d -> ids.add((String) d.getFirstValue(SolrDocuments.ID)));
    for (int from = 0; from < ids.size(); from += PAGE) {
      List<String> page = ids.subList(from, Math.min(ids.size(), from + PAGE));
      call(what, () -> client.deleteById(collection, page));
    }
  }

  /**
   * Whether Solr refused a write because the version did not match (409), however it is wrapped.
   */
  private static boolean isConflict(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SolrException se && se.code() == SolrException.ErrorCode.CONFLICT.code) {
        return true;
      }
      if (t instanceof CloudSolrClient.RouteException route) {
        for (var each : route.getThrowables()) {
          if (isConflict(each.getValue())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Real-time get: the update log answers for writes no searcher sees yet. */
  @Override
  public Optional<TriagedMessage> find(MessageKey key) {
    SolrDocument d = call("cannot read " + key, () -> client.getById(collection, key.id()));
    return Optional.ofNullable(d).map(SolrDocuments::fromSolr);
  }

  @Override
  public List<SimilarItem> similarOpenItems(float[] vector, Instant from, Instant to, int limit) {
    long lo = UnrefreshedWrites.micros(from);
    long hi = UnrefreshedWrites.micros(to);
    // The filters narrow the candidates before the nearest-neighbour search (Solr pre-filters
    // knn with fq), as the Lucene filter does, so old or resolved items cannot crowd out the
    // top `limit`.
    SolrQuery q =
        new SolrQuery("{!knn f=" + SolrDocuments.VECTOR + " topK=" + limit + "}" + literal(vector))
            .addFilterQuery(
                MESSAGES,
                SolrDocuments.ROLE + ":(" + Role.ITEM.name() + " OR " + Role.REPORT.name() + ")",
                "-" + SolrDocuments.STATUS + ":" + Status.RESOLVED.name(),
                SolrDocuments.TS_MICROS + ":[" + lo + " TO " + hi + "]")
            .setFields("*", "score")
            .setRows(limit);
    List<SimilarItem> found = new ArrayList<>();
    for (SolrDocument d : query("cannot search similar items", q).getResults()) {
      // dot_product scores are (1 + cosine) / 2 for unit vectors, as in Lucene.
      float score = ((Number) d.getFirstValue("score")).floatValue();
      found.add(new SimilarItem(SolrDocuments.fromSolr(d), 2 * score - 1));
    }
    return unrefreshed.similarOpenItems(found, vector, from, to, limit);
  }

  /** A soft commit: every write so far searchable, on every replica. */
  @Override
  public void refresh() {
    commit(true);
  }

  /** A soft commit unless one was made less than {@code age} ago. */
  private void refreshIfOlderThan(java.time.Duration age) {
    if (System.nanoTime() - lastRefresh > age.toNanos()) {
      refresh();
    }
  }

  /**
   * A hard commit, checkpoints included: they are written first, so a durable checkpoint never runs
   * ahead of the messages it vouches for.
   */
  @Override
  public void commit() {
    List<SolrInputDocument> docs = new ArrayList<>();
    checkpoints.forEach(
        (channel, ts) -> {
          SolrInputDocument d = new SolrInputDocument();
          d.addField(SolrDocuments.ID, CHECKPOINT_PREFIX + channel);
          d.addField(SolrDocuments.KIND, SolrDocuments.CHECKPOINT);
          d.addField(SolrDocuments.CHANNEL_ID, channel);
          d.addField(SolrDocuments.TS, ts);
          docs.add(d);
        });
    if (!docs.isEmpty()) {
      call("cannot store the checkpoints", () -> client.add(collection, docs));
    }
    commit(false);
  }

  private void commit(boolean soft) {
    lastRefresh = System.nanoTime();
    unrefreshed.refreshing(
        () ->
            call(
                "cannot commit Solr collection " + collection,
                () -> client.commit(collection, true, true, soft)));
  }

  @Override
  public List<TriagedMessage> page(String afterId, int limit) {
    refresh();
    SolrQuery q =
        new SolrQuery("*:*")
            .addFilterQuery(MESSAGES)
            .setSort(SolrDocuments.ID, SolrQuery.ORDER.asc)
            .setRows(limit);
    if (afterId != null) {
      // Ids are team/channel/ts: no quote or backslash to escape inside the quotes.
      q.addFilterQuery(SolrDocuments.ID + ":{\"" + afterId + "\" TO *]");
    }
    List<TriagedMessage> out = new ArrayList<>();
    query("cannot read a page of messages", q)
        .getResults()
        .forEach(d -> out.add(SolrDocuments.fromSolr(d)));
    return out;
  }

  @Override
  public Search search() {
    return new SolrMessageSearch(this);
  }

  @Override
  public ItemQueries items() {
    return new SolrItemQueries(this);
  }

  /**
   * As {@code Selection.keysIn} on the Lucene index: user_key holds the lower-cased id and name of
   * the author, so a user id matching someone's name selects their messages too; only the id's own
   * messages are kept. Only ids (and author ids) are read, a page at a time.
   */
  @Override
  public List<MessageKey> keys(Selection selection) {
    refresh();
    SolrQuery q =
        new SolrQuery("*:*")
            .addFilterQuery(MESSAGES)
            .setFields(SolrDocuments.ID, SolrDocuments.USER_ID);
    if (selection.team() != null) {
      q.addFilterQuery("{!term f=" + SolrDocuments.TEAM + "}" + selection.team());
    }
    if (selection.channelId() != null) {
      q.addFilterQuery("{!term f=" + SolrDocuments.CHANNEL_ID + "}" + selection.channelId());
    }
    String userId = selection.userId();
    if (userId != null) {
      q.addFilterQuery(
          "{!term f=" + SolrDocuments.USER_KEY + "}" + userId.toLowerCase(Locale.ROOT));
    }
    if (selection.before() != null) {
      long micros = SlackTs.micros(SlackTs.of(selection.before()));
      q.addFilterQuery(SolrDocuments.TS_MICROS + ":[* TO " + (micros - 1) + "]");
    }
    List<MessageKey> keys = new ArrayList<>();
    forEachDocument(
        q,
        d -> {
          if (userId == null || userId.equals(d.getFirstValue(SolrDocuments.USER_ID))) {
            keys.add(MessageKey.parse((String) d.getFirstValue(SolrDocuments.ID)));
          }
        });
    return keys;
  }

  @Override
  public int size() {
    refresh();
    SolrQuery q = new SolrQuery("*:*").addFilterQuery(MESSAGES).setRows(0);
    return Math.toIntExact(query("cannot count messages", q).getResults().getNumFound());
  }

  @Override
  public void checkpoint(String channelId, String ts) {
    checkpoints.advance(channelId, ts);
  }

  @Override
  public void setCheckpoint(String channelId, String ts) {
    checkpoints.set(channelId, ts);
  }

  @Override
  public Map<String, String> checkpoints() {
    return checkpoints.all();
  }

  @Override
  public Map<String, String> threadsOf(String channelId, String fromTs, String toTs) {
    // A catch-up asks this for every changed thread: a soft commit each time (a new searcher on
    // every replica) made a restarted replica's catch-up take minutes under load, holding back the
    // channels' live events meanwhile. The searcher is at most a second old instead, and this
    // process's own newer writes come from the overlay; other processes' writes of the last second
    // are what the catch-up's settle time leaves alone anyway.
    refreshIfOlderThan(THREADS_STALENESS);
    SolrQuery q =
        new SolrQuery("*:*")
            .addFilterQuery(
                MESSAGES,
                "{!term f=" + SolrDocuments.CHANNEL_ID + "}" + channelId,
                SolrDocuments.TS_MICROS
                    + ":["
                    + SlackTs.micros(fromTs)
                    + " TO "
                    + SlackTs.micros(toTs)
                    + "]")
            .setFields(SolrDocuments.TS, SolrDocuments.THREAD_TS);
    Map<String, String> out = new HashMap<>();
    forEachDocument(
        q,
        d ->
            out.put(
                (String) d.getFirstValue(SolrDocuments.TS),
                (String) d.getFirstValue(SolrDocuments.THREAD_TS)));
    return unrefreshed.threadsOf(out, channelId, fromTs, toTs);
  }

  @Override
  public void close() {
    try {
      commit();
    } finally {
      if (ownsClient) {
        closeQuietly(client, null);
      }
    }
  }

  /** Every match of {@code q}, a page at a time (a cursor, so deep pages stay cheap). */
  void forEachDocument(SolrQuery q, Consumer<SolrDocument> each) {
    q.setRows(PAGE).setSort(SolrDocuments.ID, SolrQuery.ORDER.asc);
    String cursor = CursorMarkParams.CURSOR_MARK_START;
    while (true) {
      q.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
      QueryResponse page = query("cannot list documents", q);
      page.getResults().forEach(each);
      if (cursor.equals(page.getNextCursorMark())) {
        return;
      }
      cursor = page.getNextCursorMark();
    }
  }

  /** Runs a query on the collection; {@link SolrMessageSearch} searches through it. */
  QueryResponse query(String what, SolrQuery q) {
    return call(what, () -> client.query(collection, q));
  }

  /** A vector in the knn parser's syntax; Float.toString keeps every bit. */
  static String literal(float[] vector) {
    StringBuilder s = new StringBuilder("[");
    for (int i = 0; i < vector.length; i++) {
      s.append(i == 0 ? "" : ",").append(vector[i]);
    }
    return s.append(']').toString();
  }

  private <T> T call(String what, SolrCall<T> work) {
    try {
      return work.run();
    } catch (SolrServerException | IOException e) {
      throw unreachable(what + " (Solr collection " + collection + ")", e);
    }
  }

  private static UncheckedIOException unreachable(String what, Exception e) {
    return new UncheckedIOException(
        what + ": " + e.getMessage(), e instanceof IOException io ? io : new IOException(e));
  }

  private static void closeQuietly(SolrClient client, RuntimeException failure) {
    try {
      client.close();
    } catch (IOException e) {
      if (failure != null) {
        failure.addSuppressed(e);
      } else {
        throw new UncheckedIOException("cannot close the Solr client", e);
      }
    }
  }

  /** A SolrJ call, which throws checked exceptions. */
  @FunctionalInterface
  private interface SolrCall<T> {
    T run() throws SolrServerException, IOException;
  }
}

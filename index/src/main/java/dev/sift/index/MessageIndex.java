package dev.sift.index;

import dev.sift.triage.item.Role;
import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.message.MessageKey;
import dev.sift.triage.message.SlackTs;
import dev.sift.triage.verdict.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The Lucene store of triaged messages: one {@link IndexWriter} and one {@link SearcherManager} per
 * process, documents keyed by team+channel+ts and replaced with {@code updateDocument}, so
 * replaying the same messages leaves the same index.
 *
 * <p>Writes not yet visible to the searcher are kept in {@link UnrefreshedWrites}, which {@link
 * #find} consults first; {@link #refresh} makes them searchable and empties it.
 */
public final class MessageIndex implements MessageStore {
  private static final String CHECKPOINT_PREFIX = "checkpoint.";
  private static final int VERSION_STRIPES = 4096;

  /** Writes per stripe of ids in this process, the versions {@link #replace} compares. */
  private final long[] versions = new long[VERSION_STRIPES];

  private final Claims claims = new LocalClaims();
  private final SharedNotes notes = new LocalNotes();

  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final UnrefreshedWrites unrefreshed = new UnrefreshedWrites();
  private final Checkpoints checkpoints = new Checkpoints();

  private MessageIndex(Directory directory) throws IOException {
    this.directory = directory;
    IndexWriterConfig config = new IndexWriterConfig(analyzer());
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    config.setRAMBufferSizeMB(64);
    this.writer = new IndexWriter(directory, config);
    this.searchers = new SearcherManager(writer, null);
    Map<String, String> committed = new HashMap<>();
    writer.getLiveCommitData().forEach(e -> committed.put(e.getKey(), e.getValue()));
    committed.forEach(
        (k, v) -> {
          if (k.startsWith(CHECKPOINT_PREFIX)) {
            checkpoints.set(k.substring(CHECKPOINT_PREFIX.length()), v);
          }
        });
  }

  /** Opens (or creates) the index in {@code dir}. */
  public static MessageIndex open(Path dir) {
    try {
      Files.createDirectories(dir);
      return new MessageIndex(FSDirectory.open(dir));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the index at " + dir + ": " + e.getMessage(), e);
    }
  }

  /** A throwaway index in memory, for tests and dry runs. */
  public static MessageIndex inMemory() {
    try {
      return new MessageIndex(new ByteBuffersDirectory());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The analyzer of the message text: English stemming, so "logins" finds "login". */
  static Analyzer analyzer() {
    return new EnglishAnalyzer();
  }

  /** Adds or replaces a message. */
  @Override
  public void upsert(TriagedMessage t) {
    String id = t.key().id();
    synchronized (versions) {
      try {
        writer.updateDocument(new Term(Fields.ID, id), Documents.toDocument(t));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot index " + id, e);
      }
      versions[stripe(id)]++;
    }
    if (unrefreshed.wrote(t)) {
      refresh();
    }
  }

  /** Removes a message; a no-op when it is not there. */
  @Override
  public void delete(MessageKey key) {
    synchronized (versions) {
      try {
        writer.deleteDocuments(new Term(Fields.ID, key.id()));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot delete " + key, e);
      }
      versions[stripe(key.id())]++;
      unrefreshed.deleted(key.id());
    }
  }

  /**
   * A message's version is its stripe's count of writes in this process: only this process can open
   * the index, so that is every write that could race with a {@link #replace}. A write to another
   * message of the same stripe also moves it; the replace then fails and is redone, which costs a
   * retry, never a lost change.
   */
  @Override
  public Versioned findVersioned(MessageKey key) {
    synchronized (versions) {
      Optional<TriagedMessage> stored = find(key);
      return new Versioned(stored, stored.isEmpty() ? ABSENT : versions[stripe(key.id())]);
    }
  }

  @Override
  public boolean replace(TriagedMessage t, long version) {
    synchronized (versions) {
      if (findVersioned(t.key()).version() != version) {
        return false;
      }
      upsert(t);
      return true;
    }
  }

  @Override
  public Claims claims() {
    return claims;
  }

  @Override
  public SharedNotes notes() {
    return notes;
  }

  private static int stripe(String id) {
    return Math.floorMod(id.hashCode(), VERSION_STRIPES);
  }

  /** Drops every change since the last commit and closes: what a dry run leaves behind. */
  public void rollback() {
    try {
      searchers.close();
      writer.rollback();
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot roll the index back", e);
    }
  }

  /**
   * Removes every message of a workspace: Sift was uninstalled there and the grace period is over.
   * Searchable at once; durable with the next commit.
   */
  @Override
  public void deleteTeam(String team) {
    try {
      writer.deleteDocuments(new Term(Fields.TEAM, team));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the messages of " + team, e);
    }
    unrefreshed.forgetTeam(team);
    refresh();
  }

  @Override
  public Optional<TriagedMessage> find(MessageKey key) {
    String id = key.id();
    TriagedMessage recent = unrefreshed.written(id);
    if (recent != null) {
      return Optional.of(recent);
    }
    if (unrefreshed.isDeleted(id)) {
      return Optional.empty();
    }
    return withSearcher(
        searcher -> {
          TopDocs hits = searcher.search(new TermQuery(new Term(Fields.ID, id)), 1);
          return hits.scoreDocs.length == 0
              ? Optional.empty()
              : Optional.of(load(searcher, hits.scoreDocs[0].doc));
        });
  }

  @Override
  public List<SimilarItem> similarOpenItems(float[] vector, Instant from, Instant to, int limit) {
    long lo = UnrefreshedWrites.micros(from);
    long hi = UnrefreshedWrites.micros(to);
    Query filter =
        new BooleanQuery.Builder()
            .add(
                new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(Fields.ROLE, Role.ITEM.name())), Occur.SHOULD)
                    .add(new TermQuery(new Term(Fields.ROLE, Role.REPORT.name())), Occur.SHOULD)
                    .build(),
                Occur.FILTER)
            .add(new TermQuery(new Term(Fields.STATUS, Status.RESOLVED.name())), Occur.MUST_NOT)
            .add(LongPoint.newRangeQuery(Fields.TS_MICROS, lo, hi), Occur.FILTER)
            .build();
    List<SimilarItem> found = new ArrayList<>();
    withSearcher(
        searcher -> {
          TopDocs hits =
              searcher.search(new KnnFloatVectorQuery(Fields.VECTOR, vector, limit, filter), limit);
          for (ScoreDoc hit : hits.scoreDocs) {
            // DOT_PRODUCT scores are (1 + cosine) / 2 for unit vectors.
            found.add(new SimilarItem(load(searcher, hit.doc), 2 * hit.score - 1));
          }
          return null;
        });
    return unrefreshed.similarOpenItems(found, vector, from, to, limit);
  }

  /** Makes every write so far searchable. */
  @Override
  public void refresh() {
    unrefreshed.refreshing(
        () -> {
          try {
            searchers.maybeRefreshBlocking();
          } catch (IOException e) {
            throw new UncheckedIOException("cannot refresh the index searcher", e);
          }
        });
  }

  /** Records that every message of a channel up to {@code ts} is stored (durable on commit). */
  @Override
  public void checkpoint(String channelId, String ts) {
    checkpoints.advance(channelId, ts);
  }

  /**
   * Sets a channel's checkpoint to a low-water mark: every message of the channel up to {@code ts}
   * that Sift took in is stored. Unlike {@link #checkpoint(String, String)} it may move back (a
   * late message below the old mark is still being triaged).
   */
  @Override
  public void setCheckpoint(String channelId, String ts) {
    checkpoints.set(channelId, ts);
  }

  /** Every channel's checkpoint (as committed, or set since). */
  @Override
  public Map<String, String> checkpoints() {
    return checkpoints.all();
  }

  @Override
  public Map<String, String> threadsOf(String channelId, String fromTs, String toTs) {
    refresh();
    Query q =
        new BooleanQuery.Builder()
            .add(new TermQuery(new Term(Fields.CHANNEL_ID, channelId)), Occur.FILTER)
            .add(
                LongPoint.newRangeQuery(
                    Fields.TS_MICROS, SlackTs.micros(fromTs), SlackTs.micros(toTs)),
                Occur.FILTER)
            .build();
    Map<String, String> out = new HashMap<>();
    withSearcher(
        searcher -> {
          TopDocs hits = searcher.search(q, Math.max(1, searcher.count(q)));
          var fields = searcher.storedFields();
          for (ScoreDoc hit : hits.scoreDocs) {
            Document d = fields.document(hit.doc, Set.of(Fields.TS, Fields.THREAD_TS));
            if (d.get(Fields.TS) != null) {
              out.put(d.get(Fields.TS), d.get(Fields.THREAD_TS));
            }
          }
          return null;
        });
    return out;
  }

  /**
   * Makes every write durable; the checkpoints travel in the same commit, so they are durable
   * exactly when the documents are.
   */
  @Override
  public void commit() {
    Map<String, String> data = new HashMap<>();
    checkpoints.forEach((k, v) -> data.put(CHECKPOINT_PREFIX + k, v));
    writer.setLiveCommitData(data.entrySet());
    try {
      writer.commit();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot commit the index", e);
    }
    refresh();
  }

  /** Number of stored messages (after a refresh). */
  /** Ids come from the terms of the id field, which Lucene keeps sorted across segments. */
  @Override
  public List<TriagedMessage> page(String afterId, int limit) {
    refresh();
    List<String> ids =
        withSearcher(
            searcher -> {
              List<String> out = new ArrayList<>();
              Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), Fields.ID);
              if (terms == null) {
                return out;
              }
              TermsEnum it = terms.iterator();
              BytesRef t;
              if (afterId == null) {
                t = it.next();
              } else {
                TermsEnum.SeekStatus s = it.seekCeil(new BytesRef(afterId));
                t = s == TermsEnum.SeekStatus.END ? null : it.term();
                if (t != null && s == TermsEnum.SeekStatus.FOUND) {
                  t = it.next();
                }
              }
              // A deleted message's id stays a term until its segment merges: overread a little.
              for (; t != null && out.size() < limit * 2 + 16; t = it.next()) {
                out.add(t.utf8ToString());
              }
              return out;
            });
    List<TriagedMessage> page = new ArrayList<>();
    for (String id : ids) {
      if (page.size() == limit) {
        break;
      }
      find(MessageKey.parse(id)).ifPresent(page::add);
    }
    return page;
  }

  @Override
  public ItemQueries items() {
    return new LuceneItemQueries(this);
  }

  @Override
  public Search search() {
    return new MessageSearch(this);
  }

  @Override
  public List<MessageKey> keys(Selection selection) {
    return selection.keysIn(this);
  }

  @Override
  public int size() {
    refresh();
    return withSearcher(searcher -> searcher.getIndexReader().numDocs());
  }

  /** Runs {@code work} on a current searcher, releasing it afterwards. */
  <T> T withSearcher(SearcherWork<T> work) {
    IndexSearcher searcher;
    try {
      searcher = searchers.acquire();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      return work.run(searcher);
    } catch (IOException e) {
      throw new UncheckedIOException("index read failed: " + e.getMessage(), e);
    } finally {
      try {
        searchers.release(searcher);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Reads a stored message back, vector included. */
  static TriagedMessage load(IndexSearcher searcher, int doc) throws IOException {
    Document d = searcher.storedFields().document(doc);
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    FloatVectorValues values = leaf.reader().getFloatVectorValues(Fields.VECTOR);
    float[] vector = null;
    int local = doc - leaf.docBase;
    if (values != null && values.advance(local) == local) {
      vector = values.vectorValue().clone();
    }
    return Documents.fromDocument(d, vector);
  }

  @Override
  public void close() {
    try {
      commit();
      searchers.close();
      writer.close();
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the index", e);
    }
  }

  /** Work against a searcher that may throw {@link IOException}. */
  @FunctionalInterface
  interface SearcherWork<T> {
    T run(IndexSearcher searcher) throws IOException;
  }
}

package dev.sift.index;

import dev.sift.triage.digest.ItemQuery;
import dev.sift.triage.item.Role;
import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.message.Message;
import dev.sift.triage.message.MessageKey;
import dev.sift.triage.verdict.Priority;
import dev.sift.triage.verdict.Status;
import dev.sift.triage.verdict.Verdict;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

/** {@link ItemQueries} answered from the embedded Lucene index. */
final class LuceneItemQueries implements ItemQueries {
  /** Breaches read before sorting by breach time: far more than any digest shows. */
  private static final int MAX_BREACHES = 10_000;

  private final MessageIndex index;

  LuceneItemQueries(MessageIndex index) {
    this.index = index;
  }

  @Override
  public List<TriagedMessage> items(ItemQuery q) {
    index.refresh();
    return index.withSearcher(
        searcher -> {
          List<TriagedMessage> out = new ArrayList<>();
          if (q.order() == ItemQuery.Order.REPLIES) {
            Sort sort = new Sort(new SortField(Fields.REPLY_COUNT, SortField.Type.LONG, true));
            collect(searcher, scope(q, q.priorities()), sort, q.limit(), out);
          } else {
            // One pass per priority, most urgent first, oldest first within it: the queue order.
            Sort oldestFirst = new Sort(new SortField(Fields.TS_MICROS, SortField.Type.LONG));
            for (Priority p : q.priorities()) {
              if (out.size() < q.limit()) {
                collect(searcher, scope(q, List.of(p)), oldestFirst, q.limit() - out.size(), out);
              }
            }
          }
          return out;
        });
  }

  @Override
  public Optional<String[]> channel(String nameOrId) {
    String name = nameOrId.replaceFirst("^#", "");
    Query q =
        new BooleanQuery.Builder()
            .add(
                new TermQuery(new Term(Fields.CHANNEL, name.toLowerCase(Locale.ROOT))),
                Occur.SHOULD)
            .add(new TermQuery(new Term(Fields.CHANNEL_ID, name)), Occur.SHOULD)
            .build();
    index.refresh();
    return index.withSearcher(
        searcher -> {
          TopDocs hits = searcher.search(q, 1);
          if (hits.scoreDocs.length == 0) {
            return Optional.empty();
          }
          TriagedMessage m = MessageIndex.load(searcher, hits.scoreDocs[0].doc);
          return Optional.of(new String[] {m.message().channelId(), m.message().channelName()});
        });
  }

  @Override
  public List<Message> messages(String channelId, Instant since, int limit) {
    index.refresh();
    Query q = base(channelId, since, false);
    return index.withSearcher(
        searcher -> {
          Sort newestFirst = new Sort(new SortField(Fields.TS_MICROS, SortField.Type.LONG, true));
          List<TriagedMessage> found = new ArrayList<>();
          collect(searcher, q, newestFirst, limit, found);
          List<Message> out = new ArrayList<>();
          for (int i = found.size() - 1; i >= 0; i--) {
            out.add(found.get(i).message());
          }
          return out;
        });
  }

  @Override
  public List<TriagedMessage> slaBreaches(String channelId, Instant since, int limit) {
    index.refresh();
    long from = since == null ? Long.MIN_VALUE : since.toEpochMilli();
    Query breachedOrOpen =
        new BooleanQuery.Builder()
            .add(
                LongPoint.newRangeQuery(Fields.SLA_BREACHED_AT, from, Long.MAX_VALUE), Occur.SHOULD)
            .add(
                new BooleanQuery.Builder()
                    .add(new MatchAllDocsQuery(), Occur.FILTER)
                    .add(
                        new TermQuery(new Term(Fields.STATUS, Status.RESOLVED.name())),
                        Occur.MUST_NOT)
                    .build(),
                Occur.SHOULD)
            .build();
    Query q =
        new BooleanQuery.Builder()
            .add(base(channelId, null, true), Occur.FILTER)
            .add(new TermQuery(new Term(Fields.HAS, "sla_breach")), Occur.FILTER)
            .add(breachedOrOpen, Occur.FILTER)
            .build();
    return index.withSearcher(
        searcher -> {
          List<TriagedMessage> out = new ArrayList<>();
          // The breach time is stored, not sorted on: sort the (few) breaches here.
          collect(searcher, q, Sort.INDEXORDER, MAX_BREACHES, out);
          out.sort(Comparator.comparing(t -> t.task().slaBreachedAt()));
          return List.copyOf(out.subList(0, Math.min(limit, out.size())));
        });
  }

  @Override
  public Set<String> channelIds() {
    index.refresh();
    return index.withSearcher(
        searcher -> {
          Set<String> ids = new TreeSet<>();
          for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Terms terms = leaf.reader().terms(Fields.CHANNEL_ID);
            if (terms == null) {
              continue;
            }
            TermsEnum it = terms.iterator();
            for (BytesRef t = it.next(); t != null; t = it.next()) {
              if (it.docFreq() > 0) {
                ids.add(t.utf8ToString());
              }
            }
          }
          return ids;
        });
  }

  @Override
  public List<MessageKey> misnamed(String channelId, String name) {
    index.refresh();
    Query q =
        new BooleanQuery.Builder()
            .add(new TermQuery(new Term(Fields.CHANNEL_ID, channelId)), Occur.FILTER)
            .add(
                new TermQuery(new Term(Fields.CHANNEL, name.toLowerCase(Locale.ROOT))),
                Occur.MUST_NOT)
            .build();
    return index.withSearcher(
        searcher -> {
          List<MessageKey> keys = new ArrayList<>();
          int n = searcher.count(q);
          if (n == 0) {
            return keys;
          }
          for (ScoreDoc hit : searcher.search(q, n).scoreDocs) {
            keys.add(MessageIndex.load(searcher, hit.doc).key());
          }
          return keys;
        });
  }

  @Override
  public Set<String> unnamedChannels() {
    Set<String> out = new TreeSet<>();
    for (String id : channelIds()) {
      Query q =
          new BooleanQuery.Builder()
              .add(new TermQuery(new Term(Fields.CHANNEL_ID, id)), Occur.FILTER)
              .add(
                  new TermQuery(new Term(Fields.CHANNEL, id.toLowerCase(Locale.ROOT))),
                  Occur.FILTER)
              .build();
      if (index.withSearcher(searcher -> searcher.count(q)) > 0) {
        out.add(id);
      }
    }
    return out;
  }

  @Override
  public List<TriagedMessage> ownedBy(String userId, int limit) {
    List<TriagedMessage> out =
        new ArrayList<>(oldestFirst(unresolvedItems(new Term(Fields.ASSIGNEE, userId)), limit));
    out.sort(Comparator.comparing(t -> t.verdict().priority()));
    return out;
  }

  @Override
  public List<TriagedMessage> openCards(int limit) {
    return oldestFirst(unresolvedItems(new Term(Fields.HAS, "card")), limit);
  }

  /** Items matching {@code term} that are not resolved. */
  private static Query unresolvedItems(Term term) {
    return new BooleanQuery.Builder()
        .add(new TermQuery(term), Occur.FILTER)
        .add(new TermQuery(new Term(Fields.ROLE, Role.ITEM.name())), Occur.FILTER)
        .add(new TermQuery(new Term(Fields.STATUS, Status.RESOLVED.name())), Occur.MUST_NOT)
        .build();
  }

  /** What matches {@code q}, oldest first, at most {@code limit}. */
  private List<TriagedMessage> oldestFirst(Query q, int limit) {
    index.refresh();
    return index.withSearcher(
        searcher -> {
          List<TriagedMessage> out = new ArrayList<>();
          collect(
              searcher,
              q,
              new Sort(new SortField(Fields.TS_MICROS, SortField.Type.LONG)),
              limit,
              out);
          return out;
        });
  }

  @Override
  public long cardsAcceptedAsTriaged() {
    index.refresh();
    Query q =
        new BooleanQuery.Builder()
            .add(new TermQuery(new Term(Fields.HAS, "card")), Occur.FILTER)
            .add(
                new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(Fields.STATUS, Status.ACKED.name())), Occur.SHOULD)
                    .add(
                        new TermQuery(new Term(Fields.STATUS, Status.RESOLVED.name())),
                        Occur.SHOULD)
                    .build(),
                Occur.FILTER)
            .add(new TermQuery(new Term(Fields.DECIDED_BY, Verdict.HUMAN)), Occur.MUST_NOT)
            .build();
    return index.withSearcher(searcher -> (long) searcher.count(q));
  }

  @Override
  public Optional<Instant> newest() {
    index.refresh();
    return index.withSearcher(
        searcher -> {
          Sort newestFirst = new Sort(new SortField(Fields.TS_MICROS, SortField.Type.LONG, true));
          TopDocs hits = searcher.search(new MatchAllDocsQuery(), 1, newestFirst);
          return hits.scoreDocs.length == 0
              ? Optional.<Instant>empty()
              : Optional.of(
                  MessageIndex.load(searcher, hits.scoreDocs[0].doc).message().postedAt());
        });
  }

  @Override
  public Map<String, Long> messagesByCategory(String channelId, Instant since, Instant until) {
    return count(base(channelId, since, until, false), Fields.CATEGORY);
  }

  @Override
  public Map<Priority, Long> itemsByPriority(String channelId, Instant since, Instant until) {
    Map<Priority, Long> out = new EnumMap<>(Priority.class);
    for (Priority p : Priority.values()) {
      out.put(p, 0L);
    }
    count(base(channelId, since, until, true), Fields.PRIORITY)
        .forEach((k, v) -> out.put(Priority.valueOf(k), v));
    return out;
  }

  @Override
  public List<TriagedMessage> resolvedBetween(
      String channelId, Instant since, Instant until, int limit) {
    index.refresh();
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(base(channelId, null, null, true), Occur.FILTER);
    b.add(
        LongPoint.newRangeQuery(
            Fields.TASK_RESOLVED_AT,
            since == null ? Long.MIN_VALUE : since.toEpochMilli(),
            until == null ? Long.MAX_VALUE : until.toEpochMilli() - 1),
        Occur.FILTER);
    Query resolved = b.build();
    Sort oldestFirst = new Sort(new SortField(Fields.TS_MICROS, SortField.Type.LONG));
    return index.withSearcher(
        searcher -> {
          List<TriagedMessage> found = new ArrayList<>();
          for (Priority p : Priority.values()) {
            if (found.size() < limit) {
              Query q =
                  new BooleanQuery.Builder()
                      .add(resolved, Occur.FILTER)
                      .add(new TermQuery(new Term(Fields.PRIORITY, p.name())), Occur.FILTER)
                      .build();
              collect(searcher, q, oldestFirst, limit - found.size(), found);
            }
          }
          return found;
        });
  }

  private Map<String, Long> count(Query query, String field) {
    index.refresh();
    return index.withSearcher(
        searcher -> {
          Map<String, Long> counts = new LinkedHashMap<>();
          searcher.search(
              query,
              new SimpleCollector() {
                private SortedDocValues values;

                @Override
                protected void doSetNextReader(LeafReaderContext context) throws IOException {
                  values = context.reader().getSortedDocValues(field);
                }

                @Override
                public void collect(int doc) throws IOException {
                  if (values != null && values.advanceExact(doc)) {
                    counts.merge(values.lookupOrd(values.ordValue()).utf8ToString(), 1L, Long::sum);
                  }
                }

                @Override
                public ScoreMode scoreMode() {
                  return ScoreMode.COMPLETE_NO_SCORES;
                }
              });
          return counts;
        });
  }

  private static void collect(
      IndexSearcher searcher, Query query, Sort sort, int limit, List<TriagedMessage> out)
      throws IOException {
    TopDocs hits = searcher.search(query, limit, sort);
    for (ScoreDoc hit : hits.scoreDocs) {
      out.add(MessageIndex.load(searcher, hit.doc));
    }
  }

  private static Query scope(ItemQuery q, Iterable<Priority> priorities) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(base(q.channelId(), q.since(), true), Occur.FILTER);
    BooleanQuery.Builder anyPriority = new BooleanQuery.Builder();
    priorities.forEach(
        p -> anyPriority.add(new TermQuery(new Term(Fields.PRIORITY, p.name())), Occur.SHOULD));
    b.add(anyPriority.build(), Occur.FILTER);
    BooleanQuery.Builder anyStatus = new BooleanQuery.Builder();
    for (Status s : q.statuses()) {
      anyStatus.add(new TermQuery(new Term(Fields.STATUS, s.name())), Occur.SHOULD);
    }
    b.add(anyStatus.build(), Occur.FILTER);
    return b.build();
  }

  private static Query base(String channelId, Instant since, boolean itemsOnly) {
    return base(channelId, since, null, itemsOnly);
  }

  private static Query base(String channelId, Instant since, Instant until, boolean itemsOnly) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(new MatchAllDocsQuery(), Occur.FILTER);
    if (itemsOnly) {
      b.add(new TermQuery(new Term(Fields.ROLE, Role.ITEM.name())), Occur.FILTER);
    }
    if (channelId != null) {
      b.add(new TermQuery(new Term(Fields.CHANNEL_ID, channelId)), Occur.FILTER);
    }
    if (since != null) {
      long from = since.getEpochSecond() * 1_000_000L + since.getNano() / 1000;
      b.add(LongPoint.newRangeQuery(Fields.TS_MICROS, from, Long.MAX_VALUE), Occur.FILTER);
    }
    if (until != null) {
      long to = until.getEpochSecond() * 1_000_000L + until.getNano() / 1000;
      b.add(LongPoint.newRangeQuery(Fields.TS_MICROS, Long.MIN_VALUE, to - 1), Occur.FILTER);
    }
    return b.build();
  }
}

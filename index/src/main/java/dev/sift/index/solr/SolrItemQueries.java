package dev.sift.index.solr;

import dev.sift.index.ItemQueries;
import dev.sift.index.UnrefreshedWrites;
import dev.sift.triage.digest.ItemQuery;
import dev.sift.triage.item.Role;
import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.message.Message;
import dev.sift.triage.message.MessageKey;
import dev.sift.triage.message.SlackTs;
import dev.sift.triage.verdict.Priority;
import dev.sift.triage.verdict.Status;
import dev.sift.triage.verdict.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.response.FacetField;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.params.CursorMarkParams;

/**
 * {@link ItemQueries} answered from a {@link SolrMessageStore}, query for query as {@code
 * LuceneItemQueries} answers them from the embedded index: the same filters (as filter queries,
 * exact values through the term parser), the same orders, counts as facets. Every query makes the
 * writes so far searchable first and keeps to {@code kind:message}, so checkpoints never count.
 * Sorted reads follow a cursor, so neither a large limit nor a deep result costs one huge page;
 * ties in the sort field are broken by id, where Lucene breaks them by document order.
 */
final class SolrItemQueries implements ItemQueries {
  /** Breaches read before sorting by breach time: far more than any digest shows. */
  private static final int MAX_BREACHES = 10_000;

  private static final int PAGE = 1000;
  private static final String OLDEST_FIRST = SolrDocuments.TS_MICROS + " asc";
  private static final String NEWEST_FIRST = SolrDocuments.TS_MICROS + " desc";

  private final SolrMessageStore store;

  SolrItemQueries(SolrMessageStore store) {
    this.store = store;
  }

  @Override
  public List<TriagedMessage> items(ItemQuery q) {
    store.refresh();
    List<TriagedMessage> out = new ArrayList<>();
    if (q.order() == ItemQuery.Order.REPLIES) {
      collect(
          scope(q, q.priorities()),
          SolrDocuments.REPLY_COUNT + " desc, " + OLDEST_FIRST,
          q.limit(),
          out);
    } else {
      // One pass per priority, most urgent first, oldest first within it: the queue order.
      for (Priority p : q.priorities()) {
        if (out.size() < q.limit()) {
          collect(scope(q, List.of(p)), OLDEST_FIRST, q.limit() - out.size(), out);
        }
      }
    }
    return out;
  }

  @Override
  public Optional<String[]> channel(String nameOrId) {
    String name = nameOrId.replaceFirst("^#", "");
    store.refresh();
    SolrQuery q =
        new SolrQuery("*:*")
            .addFilterQuery(SolrMessageStore.MESSAGES, "{!bool should=$byname should=$byid}")
            .setRows(1);
    q.set("byname", "{!term f=" + SolrDocuments.CHANNEL + " v=$name}");
    q.set("byid", "{!term f=" + SolrDocuments.CHANNEL_ID + " v=$id}");
    q.set("name", name.toLowerCase(Locale.ROOT));
    q.set("id", name);
    List<SolrDocument> found = store.query("cannot find channel " + name, q).getResults();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Message m = SolrDocuments.fromSolr(found.get(0)).message();
    return Optional.of(new String[] {m.channelId(), m.channelName()});
  }

  @Override
  public List<Message> messages(String channelId, Instant since, int limit) {
    store.refresh();
    List<TriagedMessage> found = new ArrayList<>();
    collect(base(channelId, since, null, false), NEWEST_FIRST, limit, found);
    List<Message> out = new ArrayList<>();
    for (int i = found.size() - 1; i >= 0; i--) {
      out.add(found.get(i).message());
    }
    return out;
  }

  @Override
  public List<TriagedMessage> slaBreaches(String channelId, Instant since, int limit) {
    store.refresh();
    String from = since == null ? "*" : Long.toString(since.toEpochMilli());
    SolrQuery q =
        base(channelId, null, null, true)
            .addFilterQuery(
                term(SolrDocuments.HAS, "sla_breach"),
                SolrDocuments.SLA_BREACHED_AT
                    + ":["
                    + from
                    + " TO *] OR (*:* -"
                    + SolrDocuments.STATUS
                    + ":"
                    + Status.RESOLVED.name()
                    + ")");
    List<TriagedMessage> out = new ArrayList<>();
    // The breach time is stored, not sorted on: sort the (few) breaches here.
    collect(q, null, MAX_BREACHES, out);
    out.sort(Comparator.comparing(t -> t.task().slaBreachedAt()));
    return List.copyOf(out.subList(0, Math.min(limit, out.size())));
  }

  @Override
  public Set<String> channelIds() {
    store.refresh();
    return new TreeSet<>(
        count(
                new SolrQuery("*:*").addFilterQuery(SolrMessageStore.MESSAGES),
                SolrDocuments.CHANNEL_ID)
            .keySet());
  }

  @Override
  public List<MessageKey> misnamed(String channelId, String name) {
    store.refresh();
    SolrQuery q =
        new SolrQuery("*:*")
            .addFilterQuery(SolrMessageStore.MESSAGES, term(SolrDocuments.CHANNEL_ID, channelId))
            .setFields(SolrDocuments.ID);
    not(q, SolrDocuments.CHANNEL, name.toLowerCase(Locale.ROOT));
    List<MessageKey> keys = new ArrayList<>();
    store.forEachDocument(
        q, d -> keys.add(MessageKey.parse((String) d.getFirstValue(SolrDocuments.ID))));
    return keys;
  }

  @Override
  public Set<String> unnamedChannels() {
    Set<String> out = new TreeSet<>();
    for (String id : channelIds()) {
      SolrQuery q =
          new SolrQuery("*:*")
              .addFilterQuery(
                  SolrMessageStore.MESSAGES,
                  term(SolrDocuments.CHANNEL_ID, id),
                  term(SolrDocuments.CHANNEL, id.toLowerCase(Locale.ROOT)))
              .setRows(0);
      if (store.query("cannot count the messages of " + id, q).getResults().getNumFound() > 0) {
        out.add(id);
      }
    }
    return out;
  }

  @Override
  public List<TriagedMessage> ownedBy(String userId, int limit) {
    List<TriagedMessage> out =
        new ArrayList<>(oldestFirst(unresolvedItems(term(SolrDocuments.ASSIGNEE, userId)), limit));
    out.sort(Comparator.comparing(t -> t.verdict().priority()));
    return out;
  }

  @Override
  public List<TriagedMessage> openCards(int limit) {
    return oldestFirst(unresolvedItems(term(SolrDocuments.HAS, "card")), limit);
  }

  /** Items matching {@code filter} that are not resolved. */
  private static SolrQuery unresolvedItems(String filter) {
    SolrQuery q =
        new SolrQuery("*:*")
            .addFilterQuery(
                SolrMessageStore.MESSAGES, filter, term(SolrDocuments.ROLE, Role.ITEM.name()));
    return not(q, SolrDocuments.STATUS, Status.RESOLVED.name());
  }

  /** What matches {@code q}, oldest first, at most {@code limit}. */
  private List<TriagedMessage> oldestFirst(SolrQuery q, int limit) {
    store.refresh();
    List<TriagedMessage> out = new ArrayList<>();
    collect(q, OLDEST_FIRST, limit, out);
    return out;
  }

  @Override
  public long cardsAcceptedAsTriaged() {
    store.refresh();
    SolrQuery q =
        new SolrQuery("*:*")
            .addFilterQuery(
                SolrMessageStore.MESSAGES,
                term(SolrDocuments.HAS, "card"),
                anyOf(SolrDocuments.STATUS, List.of(Status.ACKED, Status.RESOLVED)))
            .setRows(0);
    not(q, SolrDocuments.DECIDED_BY, Verdict.HUMAN);
    return store.query("cannot count accepted cards", q).getResults().getNumFound();
  }

  @Override
  public Optional<Instant> newest() {
    store.refresh();
    SolrQuery q =
        new SolrQuery("*:*")
            .addFilterQuery(SolrMessageStore.MESSAGES)
            .setFields(SolrDocuments.TS)
            .setRows(1);
    q.set("sort", NEWEST_FIRST + ", " + SolrDocuments.ID + " asc");
    List<SolrDocument> found = store.query("cannot find the newest message", q).getResults();
    return found.isEmpty()
        ? Optional.empty()
        : Optional.of(SlackTs.parse((String) found.get(0).getFirstValue(SolrDocuments.TS)));
  }

  @Override
  public Map<String, Long> messagesByCategory(String channelId, Instant since, Instant until) {
    store.refresh();
    return count(base(channelId, since, until, false), SolrDocuments.CATEGORY);
  }

  @Override
  public Map<Priority, Long> itemsByPriority(String channelId, Instant since, Instant until) {
    store.refresh();
    Map<Priority, Long> out = new EnumMap<>(Priority.class);
    for (Priority p : Priority.values()) {
      out.put(p, 0L);
    }
    count(base(channelId, since, until, true), SolrDocuments.PRIORITY)
        .forEach((k, v) -> out.put(Priority.valueOf(k), v));
    return out;
  }

  @Override
  public List<TriagedMessage> resolvedBetween(
      String channelId, Instant since, Instant until, int limit) {
    store.refresh();
    String resolvedIn =
        SolrDocuments.TASK_RESOLVED_AT
            + ":["
            + (since == null ? "*" : Long.toString(since.toEpochMilli()))
            + " TO "
            + (until == null ? "*" : Long.toString(until.toEpochMilli() - 1))
            + "]";
    List<TriagedMessage> found = new ArrayList<>();
    for (Priority p : Priority.values()) {
      if (found.size() < limit) {
        SolrQuery q =
            base(channelId, null, null, true)
                .addFilterQuery(resolvedIn, term(SolrDocuments.PRIORITY, p.name()));
        collect(q, OLDEST_FIRST, limit - found.size(), found);
      }
    }
    return found;
  }

  /** How many matches of {@code q} have each value of {@code field}: a facet, every value. */
  private Map<String, Long> count(SolrQuery q, String field) {
    q.setRows(0).setFacet(true).addFacetField(field).setFacetLimit(-1).setFacetMinCount(1);
    FacetField facet = store.query("cannot count by " + field, q).getFacetField(field);
    Map<String, Long> counts = new LinkedHashMap<>();
    if (facet != null && facet.getValues() != null) {
      for (FacetField.Count c : facet.getValues()) {
        counts.put(c.getName(), c.getCount());
      }
    }
    return counts;
  }

  /**
   * Appends at most {@code limit} matches of {@code q} to {@code out}, in {@code sort} (null: any
   * order) and then by id, following a cursor so that a large limit reads page by page.
   */
  private void collect(SolrQuery q, String sort, int limit, List<TriagedMessage> out) {
    q.set("sort", (sort == null ? "" : sort + ", ") + SolrDocuments.ID + " asc");
    String cursor = CursorMarkParams.CURSOR_MARK_START;
    int wanted = limit;
    while (wanted > 0) {
      q.setRows(Math.min(wanted, PAGE));
      q.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
      QueryResponse page = store.query("cannot list items", q);
      for (SolrDocument d : page.getResults()) {
        out.add(SolrDocuments.fromSolr(d));
        wanted--;
      }
      if (page.getResults().isEmpty() || cursor.equals(page.getNextCursorMark())) {
        return;
      }
      cursor = page.getNextCursorMark();
    }
  }

  private static SolrQuery scope(ItemQuery q, Collection<Priority> priorities) {
    return base(q.channelId(), q.since(), null, true)
        .addFilterQuery(
            anyOf(SolrDocuments.PRIORITY, priorities), anyOf(SolrDocuments.STATUS, q.statuses()));
  }

  private static SolrQuery base(String channelId, Instant since, Instant until, boolean itemsOnly) {
    SolrQuery q = new SolrQuery("*:*").addFilterQuery(SolrMessageStore.MESSAGES);
    if (itemsOnly) {
      q.addFilterQuery(term(SolrDocuments.ROLE, Role.ITEM.name()));
    }
    if (channelId != null) {
      q.addFilterQuery(term(SolrDocuments.CHANNEL_ID, channelId));
    }
    if (since != null || until != null) {
      q.addFilterQuery(
          SolrDocuments.TS_MICROS
              + ":["
              + (since == null ? "*" : Long.toString(UnrefreshedWrites.micros(since)))
              + " TO "
              + (until == null ? "*" : Long.toString(UnrefreshedWrites.micros(until) - 1))
              + "]");
    }
    return q;
  }

  /** The exact value {@code value} of {@code field}, whatever characters it has. */
  private static String term(String field, String value) {
    return "{!term f=" + field + "}" + value;
  }

  /**
   * Adds a filter leaving out the exact value {@code value} of {@code field}, passed as a parameter
   * (a negated term query cannot begin a filter query, and the value is never parsed).
   */
  private static SolrQuery not(SolrQuery q, String field, String value) {
    String p = "not" + (q.getFilterQueries() == null ? 0 : q.getFilterQueries().length);
    q.set(p, "{!term f=" + field + " v=$" + p + "v}");
    q.set(p + "v", value);
    q.set("all", "*:*");
    return q.addFilterQuery("{!bool filter=$all must_not=$" + p + "}");
  }

  /** Any of {@code values}, enum constants, whose names need no escaping. */
  private static String anyOf(String field, Collection<? extends Enum<?>> values) {
    return "{!terms f="
        + field
        + "}"
        + values.stream().map(Enum::name).collect(Collectors.joining(","));
  }
}

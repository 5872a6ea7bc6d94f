package dev.sift.index;

import dev.sift.index.SlackQuery.AnyOf;
import dev.sift.index.SlackQuery.Filter;
import dev.sift.index.SlackQuery.TimeRange;
import dev.sift.index.SlackQuery.Words;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/** Translates a parsed {@link SlackQuery} into the Lucene queries {@link MessageSearch} runs. */
final class LuceneQueries {
  private LuceneQueries() {}

  /** The query for the words and phrases, exclusions included; null when none must match. */
  static Query text(SlackQuery parsed) {
    return parsed.hasText() ? words(parsed.words()) : null;
  }

  /** Every structured condition, plus the exclusions when no word must match (they filter). */
  static List<Query> filters(SlackQuery parsed) {
    List<Query> filters = new ArrayList<>();
    for (Filter f : parsed.filters()) {
      filters.add(filter(f));
    }
    if (!parsed.hasText() && !parsed.words().isEmpty()) {
      filters.add(words(parsed.words()));
    }
    return filters;
  }

  private static Query words(List<Words> words) {
    QueryBuilder analysed = new QueryBuilder(MessageIndex.analyzer());
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    boolean negativeOnly = true;
    for (Words w : words) {
      Query q =
          w.phrase()
              ? analysed.createPhraseQuery(Fields.TEXT, w.text())
              : analysed.createBooleanQuery(Fields.TEXT, w.text(), Occur.MUST);
      if (q != null) {
        all.add(q, w.negated() ? Occur.MUST_NOT : Occur.MUST);
        negativeOnly &= w.negated();
      }
    }
    if (negativeOnly) {
      // Exclusions alone mean everything but them, as on Solr: a Lucene query of MUST_NOT clauses
      // only would match nothing.
      all.add(new MatchAllDocsQuery(), Occur.FILTER);
    }
    return all.build();
  }

  private static Query filter(Filter f) {
    if (f instanceof TimeRange r) {
      return LongPoint.newRangeQuery(Fields.TS_MICROS, r.fromMicros(), r.toMicros());
    }
    AnyOf any = (AnyOf) f;
    BooleanQuery.Builder one = new BooleanQuery.Builder();
    for (String v : any.values()) {
      one.add(valueQuery(any.field(), v), Occur.SHOULD);
    }
    return one.build(); // no values: no clause, nothing matches
  }

  private static Query valueQuery(SlackQuery.Field field, String v) {
    return switch (field) {
      case CHANNEL ->
          new BooleanQuery.Builder()
              .add(term(Fields.CHANNEL, v), Occur.SHOULD)
              .add(term(Fields.CHANNEL_ID, v.toUpperCase(Locale.ROOT)), Occur.SHOULD)
              .build();
      case USER -> term(Fields.USER_KEY, v);
      case HAS -> term(Fields.HAS, v);
      case IS -> term(Fields.IS, v);
      case PRIORITY -> term(Fields.PRIORITY, v);
      case CATEGORY -> term(Fields.CATEGORY_KEY, v);
      case STATUS -> term(Fields.STATUS, v);
    };
  }

  private static Query term(String field, String value) {
    return new TermQuery(new Term(field, value));
  }
}

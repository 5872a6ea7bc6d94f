package dev.sift.index.solr;

import dev.sift.index.SearchRequest;
import dev.sift.index.SlackQuery;
import dev.sift.index.SlackQuery.AnyOf;
import dev.sift.index.SlackQuery.Filter;
import dev.sift.index.SlackQuery.TimeRange;
import dev.sift.index.SlackQuery.Words;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.util.ClientUtils;

/**
 * Translates a parsed {@link dev.sift.index.SlackQuery} into Solr parameters, as {@code
 * LuceneQueries} does into Lucene queries. User input never becomes query syntax: words are escaped
 * for the standard parser (which then analyses them with the schema's English text analysis), and
 * filter values reach the {@code terms} parser by parameter reference ({@code v=$f0}), unparsed.
 */
final class SolrQueries {
  private static final String TEXT = "text";

  /** A filter that matches nothing: Solr reads a purely negative filter as "all but". */
  private static final String NOTHING = "-*:*";

  private SolrQueries() {}

  /**
   * The standard-parser query for the words and phrases, exclusions included, to run with {@code
   * q.op=AND} (so a word the analysis splits, like "e-mail", needs all its parts, as in Lucene);
   * null when no word must match.
   */
  static String text(SlackQuery parsed) {
    return parsed.hasText() ? words(parsed.words()) : null;
  }

  /**
   * Adds every condition as a filter query: the structured filters, the exclusions when no word
   * must match, messages only, the team and the visible channels.
   */
  static void addFilters(SolrQuery q, SlackQuery parsed, SearchRequest request) {
    q.addFilterQuery("{!term f=" + SolrDocuments.KIND + "}" + SolrDocuments.MESSAGE);
    int param = 0;
    for (Filter f : parsed.filters()) {
      if (f instanceof TimeRange r) {
        q.addFilterQuery(
            SolrDocuments.TS_MICROS
                + ":["
                + bound(r.fromMicros())
                + " TO "
                + bound(r.toMicros())
                + "]");
      } else {
        q.addFilterQuery(anyOf(q, (AnyOf) f, "f" + param++));
      }
    }
    if (!parsed.hasText() && !parsed.words().isEmpty()) {
      q.addFilterQuery(words(parsed.words())); // only exclusions: all but them
    }
    if (request.team() != null) {
      q.set("team", request.team());
      q.addFilterQuery("{!term f=" + SolrDocuments.TEAM + " v=$team}");
    }
    if (request.visibleChannels() != null) {
      // A Slack channel id has no comma; one that has cannot be listed, so it is left out (seen
      // less, never more).
      List<String> visible =
          request.visibleChannels().stream().filter(c -> !c.contains(",")).sorted().toList();
      if (visible.isEmpty()) {
        q.addFilterQuery(NOTHING); // no visible channel at all finds nothing, not everything
      } else {
        q.set("visible", String.join(",", visible));
        q.addFilterQuery("{!terms f=" + SolrDocuments.CHANNEL_ID + " v=$visible}");
      }
    }
  }

  private static String words(List<Words> words) {
    List<String> clauses = new ArrayList<>();
    for (Words w : words) {
      String escaped = ClientUtils.escapeQueryChars(w.text());
      String clause = w.phrase() ? TEXT + ":\"" + escaped + "\"" : TEXT + ":(" + escaped + ")";
      clauses.add((w.negated() ? "-" : "+") + clause);
    }
    return String.join(" ", clauses);
  }

  private static String anyOf(SolrQuery q, AnyOf any, String param) {
    List<String> values = any.values().stream().filter(v -> !v.contains(",")).toList();
    if (values.isEmpty()) {
      return NOTHING;
    }
    q.set(param, String.join(",", values));
    return switch (any.field()) {
      case CHANNEL -> {
        // A name or an id, whichever was typed; ids are upper-case.
        q.set(
            param + "id",
            values.stream().map(v -> v.toUpperCase(Locale.ROOT)).collect(Collectors.joining(",")));
        q.set(param + "name", "{!terms f=channel v=$" + param + "}");
        q.set(param + "ids", "{!terms f=" + SolrDocuments.CHANNEL_ID + " v=$" + param + "id}");
        yield "{!bool should=$" + param + "name should=$" + param + "ids}";
      }
      case USER -> terms("user_key", param);
      case HAS -> terms("has", param);
      case IS -> terms("is", param);
      case PRIORITY -> terms("priority", param);
      case CATEGORY -> terms("category_key", param);
      case STATUS -> terms(SolrDocuments.STATUS, param);
    };
  }

  private static String terms(String field, String param) {
    return "{!terms f=" + field + " v=$" + param + "}";
  }

  private static String bound(long micros) {
    return micros == Long.MIN_VALUE || micros == Long.MAX_VALUE ? "*" : Long.toString(micros);
  }
}

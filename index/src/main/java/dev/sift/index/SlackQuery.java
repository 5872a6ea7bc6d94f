package dev.sift.index;

import dev.sift.triage.verdict.Priority;
import dev.sift.triage.verdict.Status;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/**
 * Slack's search syntax plus triage fields, parsed into Lucene queries: free words (all must
 * match), {@code "phrases"}, {@code -word}, {@code in:#channel}, {@code from:@user}, {@code before:
 * after: on: during:} dates, {@code has:link|file}, {@code is:thread}, {@code priority:p1,p2},
 * {@code category:bug}, {@code status:open}, {@code sort:date}.
 *
 * @param text the Lucene query for the words and phrases, or null when there are none
 * @param freeText the words and phrases as typed, for the semantic half of hybrid search
 * @param filters every structured condition, all of which must hold
 * @param byDate sort newest first instead of by relevance
 */
public record SlackQuery(Query text, String freeText, List<Query> filters, boolean byDate) {

  /** Parses a query; dates are read in {@code zone}. */
  public static SlackQuery parse(String input, ZoneId zone) {
    try {
      return build(tokenize(input), zone);
    } catch (IndexSearcher.TooManyClauses e) {
      // A pasted log or a long list of channels: Lucene refuses it, the user can shorten it.
      throw tooLong();
    }
  }

  /** A query with more words and values than Lucene takes in one search. */
  static QuerySyntaxException tooLong() {
    return new QuerySyntaxException(
        "the query is too long: at most "
            + IndexSearcher.getMaxClauseCount()
            + " words and filter values in all; shorten it");
  }

  private static SlackQuery build(List<String> tokens, ZoneId zone) {
    QueryBuilder words = new QueryBuilder(MessageIndex.analyzer());
    BooleanQuery.Builder text = new BooleanQuery.Builder();
    boolean hasText = false;
    StringBuilder freeText = new StringBuilder();
    List<Query> filters = new ArrayList<>();
    boolean byDate = false;
    for (String token : tokens) {
      int colon = token.indexOf(':');
      String key = colon > 0 ? token.substring(0, colon).toLowerCase(Locale.ROOT) : "";
      String value = colon > 0 ? token.substring(colon + 1) : token;
      if (Filters.KEYS.contains(key)) {
        if (value.isEmpty()) {
          throw new QuerySyntaxException("'" + key + ":' needs a value, e.g. " + example(key));
        }
        if (key.equals("sort")) {
          byDate = parseSort(value);
        } else {
          filters.add(Filters.of(key, value, zone));
        }
        continue;
      }
      boolean negated = token.startsWith("-") && token.length() > 1;
      String body = negated ? token.substring(1) : token;
      // A quote inside a word ("abc"def, a stray one after a colon) is no phrase: a separator.
      boolean phrase = body.length() >= 2 && body.startsWith("\"") && body.endsWith("\"");
      String plain = phrase ? body.substring(1, body.length() - 1) : body.replace('"', ' ');
      Query q =
          phrase
              ? words.createPhraseQuery(Fields.TEXT, plain)
              : words.createBooleanQuery(Fields.TEXT, plain, Occur.MUST);
      if (q == null) {
        continue; // a stop word alone, like "the"
      }
      text.add(q, negated ? Occur.MUST_NOT : Occur.MUST);
      hasText |= !negated;
      if (!negated) {
        freeText.append(freeText.length() == 0 ? "" : " ").append(plain);
      }
    }
    if (!hasText && freeText.length() == 0) {
      BooleanQuery built = text.build();
      if (!built.clauses().isEmpty()) {
        filters.add(built); // only exclusions: they filter
      }
      return new SlackQuery(null, "", filters, byDate);
    }
    return new SlackQuery(text.build(), freeText.toString(), filters, byDate);
  }

  private static boolean parseSort(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "date", "recent", "newest" -> true;
      case "relevance", "score" -> false;
      default ->
          throw new QuerySyntaxException(
              "unknown sort '" + value + "': use sort:date or sort:relevance");
    };
  }

  private static String example(String key) {
    return switch (key) {
      case "in" -> "in:#support";
      case "from" -> "from:@maria";
      case "before", "after", "on" -> key + ":2026-03-04";
      case "during" -> "during:2026-03";
      case "has" -> "has:link";
      case "is" -> "is:thread";
      case "priority" -> "priority:p1,p2";
      case "category" -> "category:incident";
      case "status" -> "status:open";
      default -> "sort:date";
    };
  }

  /** Splits on spaces, keeping {@code "quoted phrases"} (and {@code key:"quoted"}) whole. */
  static List<String> tokenize(String input) {
    if (input == null || input.isBlank()) {
      throw new QuerySyntaxException("the query is empty: type words to find, or a filter");
    }
    List<String> tokens = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (char c : input.trim().toCharArray()) {
      char ch = c == '\u201c' || c == '\u201d' ? '"' : c; // Slack turns quotes curly
      if (ch == '"') {
        quoted = !quoted;
        current.append(ch);
      } else if (Character.isWhitespace(ch) && !quoted) {
        if (current.length() > 0) {
          tokens.add(current.toString());
          current.setLength(0);
        }
      } else {
        current.append(ch);
      }
    }
    if (quoted) {
      throw new QuerySyntaxException("a quote is not closed: " + input.trim());
    }
    if (current.length() > 0) {
      tokens.add(current.toString());
    }
    List<String> cleaned = new ArrayList<>();
    for (String t : tokens) {
      int colon = t.indexOf(':');
      if (colon > 0 && t.length() > colon + 2 && t.charAt(colon + 1) == '"' && t.endsWith("\"")) {
        t = t.substring(0, colon + 1) + t.substring(colon + 2, t.length() - 1);
      }
      if (!t.equals("\"\"")) {
        cleaned.add(t);
      }
    }
    return cleaned;
  }

  /** The structured filters. */
  static final class Filters {
    static final List<String> KEYS =
        List.of(
            "in",
            "from",
            "before",
            "after",
            "on",
            "during",
            "has",
            "is",
            "priority",
            "category",
            "status",
            "sort");

    private Filters() {}

    static Query of(String key, String value, ZoneId zone) {
      return switch (key) {
        case "in" -> anyOf(value, v -> channel(v.replaceFirst("^#", "").toLowerCase(Locale.ROOT)));
        case "from" ->
            anyOf(
                value,
                v -> term(Fields.USER_KEY, v.replaceFirst("^@", "").toLowerCase(Locale.ROOT)));
        case "before" -> range(Long.MIN_VALUE, startOf(day(value, zone), zone) - 1);
        case "after" -> range(startOf(day(value, zone).plusDays(1), zone), Long.MAX_VALUE);
        case "on" ->
            range(startOf(day(value, zone), zone), startOf(day(value, zone).plusDays(1), zone) - 1);
        case "during" -> during(value, zone);
        case "has" -> anyOf(value, v -> oneOf(Fields.HAS, v, List.of("link", "file")));
        case "is" -> anyOf(value, v -> oneOf(Fields.IS, v, List.of("thread", "bot")));
        case "priority" ->
            anyOf(value, v -> term(Fields.PRIORITY, parse(() -> Priority.parse(v).name())));
        case "category" -> anyOf(value, v -> term(Fields.CATEGORY_KEY, v.toLowerCase(Locale.ROOT)));
        case "status" ->
            anyOf(value, v -> term(Fields.STATUS, parse(() -> Status.parse(v).name())));
        default -> throw new QuerySyntaxException("unknown filter '" + key + ":'");
      };
    }

    private static Query channel(String nameOrId) {
      return new BooleanQuery.Builder()
          .add(term(Fields.CHANNEL, nameOrId), Occur.SHOULD)
          .add(term(Fields.CHANNEL_ID, nameOrId.toUpperCase(Locale.ROOT)), Occur.SHOULD)
          .build();
    }

    private static Query anyOf(String value, java.util.function.Function<String, Query> one) {
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      for (String v : value.split(",")) {
        if (!v.isBlank()) {
          any.add(one.apply(v.trim()), Occur.SHOULD);
        }
      }
      return any.build();
    }

    private static Query oneOf(String field, String value, List<String> allowed) {
      String v = value.toLowerCase(Locale.ROOT);
      if (!allowed.contains(v)) {
        throw new QuerySyntaxException(
            "unknown value '"
                + value
                + "' for "
                + (field.equals(Fields.HAS) ? "has:" : "is:")
                + "; use "
                + String.join(" or ", allowed));
      }
      return term(field, v);
    }

    private static String parse(java.util.function.Supplier<String> parse) {
      try {
        return parse.get();
      } catch (IllegalArgumentException e) {
        throw new QuerySyntaxException(e.getMessage());
      }
    }

    private static Query term(String field, String value) {
      return new TermQuery(new Term(field, value));
    }

    private static Query range(long from, long to) {
      return LongPoint.newRangeQuery(Fields.TS_MICROS, from, to);
    }

    private static Query during(String value, ZoneId zone) {
      try {
        if (value.matches("\\d{4}")) {
          LocalDate start = checked(LocalDate.of(Integer.parseInt(value), 1, 1), value);
          return range(startOf(start, zone), startOf(start.plusYears(1), zone) - 1);
        }
        if (value.matches("\\d{4}-\\d{2}")) {
          LocalDate start = checked(YearMonth.parse(value).atDay(1), value);
          return range(startOf(start, zone), startOf(start.plusMonths(1), zone) - 1);
        }
      } catch (DateTimeParseException e) {
        throw new QuerySyntaxException("'" + value + "' is not a month; use during:2026-03");
      }
      LocalDate day = day(value, zone);
      return range(startOf(day, zone), startOf(day.plusDays(1), zone) - 1);
    }

    private static LocalDate day(String value, ZoneId zone) {
      String v = value.toLowerCase(Locale.ROOT);
      LocalDate today = LocalDate.now(zone);
      if (v.equals("today")) {
        return today;
      }
      if (v.equals("yesterday")) {
        return today.minusDays(1);
      }
      try {
        return checked(LocalDate.parse(value), value);
      } catch (DateTimeParseException e) {
        throw new QuerySyntaxException(
            "'" + value + "' is not a date; use YYYY-MM-DD, today or yesterday");
      }
    }

    /**
     * The day, if its year is one a message can have: ISO dates reach year 999999999, where the day
     * after does not exist and microseconds since 1970 no longer fit in a long.
     */
    private static LocalDate checked(LocalDate day, String value) {
      if (day.getYear() < 1970 || day.getYear() > 9999) {
        throw new QuerySyntaxException(
            "'" + value + "' is out of range; use a date between 1970 and 9999");
      }
      return day;
    }

    private static long startOf(LocalDate day, ZoneId zone) {
      return day.atStartOfDay(zone).toEpochSecond() * 1_000_000L;
    }
  }
}

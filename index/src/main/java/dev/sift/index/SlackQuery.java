package dev.sift.index;

import dev.sift.triage.verdict.Priority;
import dev.sift.triage.verdict.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.TokenStream;

/**
 * Slack's search syntax plus triage fields, parsed into a form neither search backend owns: free
 * words (all must match), {@code "phrases"}, {@code -word}, {@code in:#channel}, {@code
 * from:@user}, {@code before: after: on: during:} dates, {@code has:link|file}, {@code is:thread},
 * {@code priority:p1,p2}, {@code category:bug}, {@code status:open}, {@code sort:date}. {@code
 * LuceneQueries} and the Solr search translate it.
 *
 * @param words the words and phrases to match or exclude, in the order typed; words that analyse to
 *     nothing (stop words such as "the") are left out
 * @param freeText the words and phrases to match as typed, for the semantic half of hybrid search
 * @param filters every structured condition, all of which must hold
 * @param byDate sort newest first instead of by relevance
 */
public record SlackQuery(List<Words> words, String freeText, List<Filter> filters, boolean byDate) {

  /**
   * At most this many words (counted as the terms their analysis makes) and filter values in one
   * query. Lucene refuses a search of more than 1024 clauses (its default), and so does Solr
   * (maxBooleanClauses); counting here gives the user the same answer on either backend, before any
   * search runs.
   */
  public static final int MAX_CLAUSES = 1024;

  public SlackQuery {
    words = List.copyOf(words);
    filters = List.copyOf(filters);
  }

  /** True when some words or phrases must match, so hits are ranked by relevance. */
  public boolean hasText() {
    return words.stream().anyMatch(w -> !w.negated());
  }

  /**
   * A word or a phrase, as typed (quotes removed); the backend analyses it with the English text
   * analysis of the message text.
   *
   * @param phrase the words must appear together, in order
   * @param negated the message must not contain it
   */
  public record Words(String text, boolean phrase, boolean negated) {}

  /** A structured condition on a message. */
  public sealed interface Filter permits AnyOf, TimeRange {}

  /**
   * The message's {@code field} has one of {@code values}; none: nothing matches. Values are
   * normalised: channel names and ids, users and categories lower-cased (the index keys them so),
   * priorities and statuses as their enum names, has and is values lower-cased.
   */
  public record AnyOf(Field field, List<String> values) implements Filter {
    public AnyOf {
      values = List.copyOf(values);
    }
  }

  /** The message was posted within {@code fromMicros..toMicros} (since 1970, both inclusive). */
  public record TimeRange(long fromMicros, long toMicros) implements Filter {}

  /** What an {@link AnyOf} looks at. */
  public enum Field {
    /** A channel's name or its id, whichever the user typed. */
    CHANNEL,
    /** A user's id or name. */
    USER,
    HAS,
    IS,
    PRIORITY,
    CATEGORY,
    STATUS
  }

  /** Parses a query; dates are read in {@code zone}. */
  public static SlackQuery parse(String input, ZoneId zone) {
    return build(tokenize(input), zone);
  }

  /** A query with more words and values than a search takes. */
  public static QuerySyntaxException tooLong() {
    return new QuerySyntaxException(
        "the query is too long: at most "
            + MAX_CLAUSES
            + " words and filter values in all; shorten it");
  }

  private static SlackQuery build(List<String> tokens, ZoneId zone) {
    List<Words> words = new ArrayList<>();
    StringBuilder freeText = new StringBuilder();
    List<Filter> filters = new ArrayList<>();
    boolean byDate = false;
    int clauses = 0;
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
          Filter f = Filters.of(key, value, zone);
          clauses += f instanceof AnyOf any ? any.values().size() : 1;
          filters.add(f);
        }
        continue;
      }
      boolean negated = token.startsWith("-") && token.length() > 1;
      String body = negated ? token.substring(1) : token;
      // A quote inside a word ("abc"def, a stray one after a colon) is no phrase: a separator.
      boolean phrase = body.length() >= 2 && body.startsWith("\"") && body.endsWith("\"");
      String plain = phrase ? body.substring(1, body.length() - 1) : body.replace('"', ' ');
      int terms = terms(plain);
      if (terms == 0) {
        continue; // a stop word alone, like "the"
      }
      clauses += terms;
      words.add(new Words(plain, phrase, negated));
      if (!negated) {
        freeText.append(freeText.length() == 0 ? "" : " ").append(plain);
      }
    }
    if (clauses > MAX_CLAUSES) {
      // A pasted log or a long list of channels: the user can shorten it.
      throw tooLong();
    }
    return new SlackQuery(words, freeText.toString(), filters, byDate);
  }

  /**
   * How many terms the English analysis of the message text makes of {@code text}: none for a stop
   * word; several for "e-mail" or a pasted URL, each a clause of the search.
   */
  private static int terms(String text) {
    try (TokenStream tokens = MessageIndex.analyzer().tokenStream(Fields.TEXT, text)) {
      tokens.reset();
      int count = 0;
      while (tokens.incrementToken()) {
        count++;
      }
      tokens.end();
      return count;
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a string reader does not fail
    }
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

    static Filter of(String key, String value, ZoneId zone) {
      return switch (key) {
        case "in" ->
            anyOf(Field.CHANNEL, value, v -> v.replaceFirst("^#", "").toLowerCase(Locale.ROOT));
        case "from" ->
            anyOf(Field.USER, value, v -> v.replaceFirst("^@", "").toLowerCase(Locale.ROOT));
        case "before" -> range(Long.MIN_VALUE, startOf(day(value, zone), zone) - 1);
        case "after" -> range(startOf(day(value, zone).plusDays(1), zone), Long.MAX_VALUE);
        case "on" ->
            range(startOf(day(value, zone), zone), startOf(day(value, zone).plusDays(1), zone) - 1);
        case "during" -> during(value, zone);
        case "has" -> anyOf(Field.HAS, value, v -> oneOf("has:", v, List.of("link", "file")));
        case "is" -> anyOf(Field.IS, value, v -> oneOf("is:", v, List.of("thread", "bot")));
        case "priority" -> anyOf(Field.PRIORITY, value, v -> parse(() -> Priority.parse(v).name()));
        case "category" -> anyOf(Field.CATEGORY, value, v -> v.toLowerCase(Locale.ROOT));
        case "status" -> anyOf(Field.STATUS, value, v -> parse(() -> Status.parse(v).name()));
        default -> throw new QuerySyntaxException("unknown filter '" + key + ":'");
      };
    }

    private static Filter anyOf(
        Field field, String value, java.util.function.UnaryOperator<String> normalise) {
      List<String> values = new ArrayList<>();
      for (String v : value.split(",")) {
        if (!v.isBlank()) {
          values.add(normalise.apply(v.trim()));
        }
      }
      return new AnyOf(field, values);
    }

    private static String oneOf(String key, String value, List<String> allowed) {
      String v = value.toLowerCase(Locale.ROOT);
      if (!allowed.contains(v)) {
        throw new QuerySyntaxException(
            "unknown value '" + value + "' for " + key + "; use " + String.join(" or ", allowed));
      }
      return v;
    }

    private static String parse(java.util.function.Supplier<String> parse) {
      try {
        return parse.get();
      } catch (IllegalArgumentException e) {
        throw new QuerySyntaxException(e.getMessage());
      }
    }

    private static Filter range(long from, long to) {
      return new TimeRange(from, to);
    }

    private static Filter during(String value, ZoneId zone) {
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

package dev.sift.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.quicktheories.QuickTheory.qt;

import dev.sift.triage.fuzz.Rand;
import dev.sift.triage.verdict.Priority;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Random queries from the grammar's own tokens (filters, dates, lists, quotes, negations) mixed
 * with junk, parsed and run against a small index: a query is answered or refused with a {@link
 * QuerySyntaxException} that says why, never anything else.
 */
class SlackQueryFuzzTest {
  private static final List<ZoneId> ZONES =
      List.of(ZoneId.of("UTC"), ZoneId.of("Pacific/Kiritimati"), ZoneId.of("America/St_Johns"));

  private static final List<String> KEYS =
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
          "sort",
          "IN",
          "Before",
          "foo",
          "",
          "-in",
          "\"in");

  private static final List<String> VALUES =
      List.of(
          "#support",
          "support,#ops",
          "C123",
          "@ann",
          "ann,bob",
          "2026-03-04",
          "today",
          "yesterday",
          "2026-03",
          "2026",
          "0000",
          "9999-12",
          "2026-13",
          "2026-02-30",
          "+999999999-12-31",
          "-999999999-01-01",
          "+1000000000-01-01",
          "99999",
          "link",
          "file",
          "thread",
          "bot",
          "link,file",
          "p1",
          "P2,p3",
          "p0",
          "urgent",
          "open",
          "resolved",
          "date",
          "relevance",
          ",",
          ",,,",
          "\"quoted value\"",
          "\"",
          "",
          "#",
          "@");

  private static final List<String> WORDS =
      List.of(
          "portal",
          "down",
          "the",
          "login",
          "\"login broken\"",
          "\u201cbroken portal\u201d",
          "-portal",
          "-",
          "--",
          "\"\"",
          "-\"\"",
          "\"a",
          "b\"",
          ":",
          "::",
          "a:b",
          "*",
          "?",
          "\\",
          "AND",
          "OR",
          "NOT",
          "(",
          ")",
          "é",
          "日本語");

  private static final Gen<String> QUERIES =
      Rand.gen(
          r -> {
            StringBuilder q = new StringBuilder();
            int tokens = r.below(12);
            for (int i = 0; i < tokens; i++) {
              if (r.chance(45)) {
                q.append(r.wordOrJunk(KEYS, 4)).append(':').append(r.wordOrJunk(VALUES, 10));
              } else {
                q.append(r.wordOrJunk(WORDS, 10));
              }
              q.append(r.pick(List.of(" ", " ", "  ", "\t", "\u00a0", "\n", "")));
            }
            if (r.chance(3)) {
              // Lucene refuses queries of more than 1024 clauses; a pasted log has more words.
              String many = r.chance(50) ? "word%d " : "in:c%d,";
              for (int i = 0; i < 1100; i++) {
                q.append(String.format(many, i));
              }
            }
            return q.toString();
          });

  @Test
  void should_answer_or_refuse_clearly_any_query() {
    AtomicInteger inputs = new AtomicInteger();
    try (MessageIndex index = MessageIndex.inMemory()) {
      index.upsert(
          MessageIndexTest.item(
              "C1",
              "support",
              "1772632654.000100",
              "ann",
              "portal is down, login broken",
              "incident",
              Priority.P1,
              MessageIndexTest.v(1, 0)));
      MessageSearch search = new MessageSearch(index);
      assertTimeoutPreemptively(
          Duration.ofSeconds(60),
          () ->
              qt().withExamples(4_000)
                  .forAll(QUERIES, Rand.gen(r -> r.pick(ZONES)))
                  .checkAssert(
                      (query, zone) -> {
                        inputs.incrementAndGet();
                        try {
                          search.search(new SearchRequest(query, null, null, 10, zone));
                        } catch (QuerySyntaxException e) {
                          assertThat(e.getMessage()).isNotBlank();
                        }
                      }));
    }
    System.out.println("fuzz search query: " + inputs + " inputs, 0 failures");
  }
}

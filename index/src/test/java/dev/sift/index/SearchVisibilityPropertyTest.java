package dev.sift.index;

import static dev.sift.index.MessageIndexTest.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.sift.triage.verdict.Priority;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Whatever the query asks for — words, phrases, {@code in:#channel} of a channel the asker may not
 * see, negations, dates, triage fields — and whether the semantic half of a hybrid search runs,
 * search returns only messages of channels the asker may see; with none visible, nothing.
 */
class SearchVisibilityPropertyTest {
  private static final List<String> CHANNELS =
      List.of("general", "support", "secret", "leads", "client-acme", "ops", "random", "hr");
  private static final List<String> WORDS =
      List.of("portal", "down", "invoice", "salary", "login", "outage", "deploy", "thanks");
  private static final List<String> QUERY_PARTS =
      List.of(
          "portal",
          "salary",
          "\"portal down\"",
          "-thanks",
          "in:#secret",
          "in:#hr",
          "in:#support",
          "from:@ann",
          "priority:p1",
          "priority:p1,p2",
          "category:incident",
          "after:2026-01-01",
          "before:2027-01-01",
          "during:2026-03",
          "is:thread",
          "has:link",
          "sort:date",
          "status:open",
          "login OR deploy");
  private static final AtomicLong searches = new AtomicLong();
  private static final AtomicLong hits = new AtomicLong();
  private static MessageIndex index;
  private static MessageSearch search;

  @BeforeAll
  static void fill() {
    index = MessageIndex.inMemory();
    Random r = new Random(7);
    for (int i = 0; i < 400; i++) {
      int c = r.nextInt(CHANNELS.size());
      String text =
          WORDS.get(r.nextInt(WORDS.size()))
              + " "
              + WORDS.get(r.nextInt(WORDS.size()))
              + " "
              + WORDS.get(r.nextInt(WORDS.size()));
      index.upsert(
          item(
              "C" + c,
              CHANNELS.get(c),
              String.format("17727%05d.000100", i),
              r.nextBoolean() ? "ann" : "ben",
              text,
              r.nextBoolean() ? "incident" : "question",
              Priority.values()[r.nextInt(4)],
              MessageIndexTest.v(r.nextFloat(), r.nextFloat(), r.nextFloat())));
    }
    index.commit();
    search = new MessageSearch(index);
  }

  @AfterAll
  static void report() {
    System.out.printf(
        "search visibility: %,d random searches, %,d hits, all in visible channels%n",
        searches.get(), hits.get());
    index.close();
  }

  @Test
  void should_only_find_messages_in_channels_the_asker_may_see() {
    qt().withExamples(3_000)
        .forAll(
            lists().of(integers().between(0, QUERY_PARTS.size() - 1)).ofSizeBetween(1, 4),
            integers().between(0, (1 << CHANNELS.size()) - 1),
            integers().between(0, 1))
        .checkAssert(
            (parts, visibleMask, hybrid) -> {
              List<String> words = new ArrayList<>();
              parts.forEach(p -> words.add(QUERY_PARTS.get(p)));
              Set<String> visible = new HashSet<>();
              for (int c = 0; c < CHANNELS.size(); c++) {
                if ((visibleMask & (1 << c)) != 0) {
                  visible.add("C" + c);
                }
              }
              float[] vector = hybrid == 1 ? MessageIndexTest.v(1, 1, 1) : null;
              List<SearchHit> found;
              try {
                found =
                    search.search(
                        new SearchRequest(
                            String.join(" ", words), vector, visible, 50, ZoneId.of("UTC")));
              } catch (QuerySyntaxException e) {
                return; // refused with a message: shows nothing
              }
              searches.incrementAndGet();
              hits.addAndGet(found.size());
              for (SearchHit h : found) {
                assertThat(visible)
                    .as("query %s, visible %s", words, visible)
                    .contains(h.message().message().channelId());
              }
            });
  }
}

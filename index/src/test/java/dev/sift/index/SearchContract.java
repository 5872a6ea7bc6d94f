package dev.sift.index;

import static dev.sift.index.MessageIndexTest.item;
import static dev.sift.index.MessageIndexTest.v;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sift.triage.verdict.Priority;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Search} must do, run against each backend by a subclass that opens a fresh,
 * empty store and a search over it: the same query finds the same messages, with the same snippets,
 * and never a message of a channel the asker may not see.
 */
public abstract class SearchContract {
  private static final ZoneId UTC = ZoneId.of("UTC");

  protected MessageStore store;
  protected Search search;

  /** A new, empty store. */
  protected abstract MessageStore open() throws Exception;

  /** The backend's search over {@code store}. */
  protected abstract Search searchOf(MessageStore store);

  @BeforeEach
  void openStore() throws Exception {
    store = open();
    search = searchOf(store);
  }

  @AfterEach
  void closeStore() {
    if (store != null) {
      store.close();
    }
  }

  private void storeTwo() {
    store.upsert(
        item(
            "C1",
            "support",
            "1772632654.000100",
            "ann",
            "the portal login is down again",
            "incident",
            Priority.P1,
            v(1, 0)));
    store.upsert(
        item(
            "C2",
            "client-acme",
            "1772719054.000100",
            "bob",
            "please send the signed SOW",
            "request",
            Priority.P2,
            v(0, 1)));
  }

  @Test
  void slack_filters_and_triage_fields_narrow_the_search() {
    storeTwo();

    assertThat(texts("login")).containsExactly("the portal login is down again");
    assertThat(texts("logins")).containsExactly("the portal login is down again");
    assertThat(texts("\"signed SOW\" in:#client-acme from:@bob")).hasSize(1);
    assertThat(texts("sow in:c2")).hasSize(1);
    assertThat(texts("sow in:#support")).isEmpty();
    assertThat(texts("priority:p1,p2 sort:date"))
        .containsExactly("please send the signed SOW", "the portal login is down again");
    assertThat(texts("category:incident status:open")).hasSize(1);
    assertThat(texts("category:incident status:resolved")).isEmpty();
    assertThat(texts("after:2026-03-04")).containsExactly("please send the signed SOW");
    assertThat(texts("on:2026-03-04")).containsExactly("the portal login is down again");
    assertThat(texts("during:2026-03")).hasSize(2);
    assertThat(texts("has:link")).isEmpty();
    assertThat(texts("portal -login")).isEmpty();
    assertThat(texts("-login")).containsExactly("please send the signed SOW");
    assertThat(texts("\"login portal\"")).isEmpty();
  }

  @Test
  void matched_words_are_marked_in_the_snippet() {
    storeTwo();

    SearchHit hit = search.search(new SearchRequest("login", null, null, 5, UTC)).get(0);

    assertThat(hit.snippet()).isEqualTo("the portal *login* is down again");
    assertThat(hit.semantic()).isFalse();
  }

  @Test
  void messages_close_in_meaning_are_blended_in_when_keywords_find_little() {
    store.upsert(
        item(
            "C1",
            "support",
            "1772632654.000100",
            "ann",
            "can't sign in to the portal",
            "incident",
            Priority.P1,
            v(1, 0)));
    store.upsert(
        item(
            "C2",
            "random",
            "1772632655.000100",
            "bob",
            "lunch anyone?",
            "chatter",
            Priority.P4,
            v(-1, 0.1f)));

    List<SearchHit> hits =
        search.search(new SearchRequest("login broken", v(0.9f, 0.2f), null, 5, UTC));

    // The far one (cosine below the minimum) is noise, left out.
    assertThat(hits)
        .singleElement()
        .satisfies(h -> assertThat(h.semantic()).isTrue())
        .satisfies(h -> assertThat(h.message().message().text()).contains("sign in"));
  }

  @Test
  void nothing_outside_the_askers_channels_ever_comes_back() {
    storeTwo();
    float[] near = v(0.7f, 0.7f);

    for (String q : List.of("portal", "sow", "in:#support", "-lunch", "priority:p1", "nothing")) {
      assertThat(search.search(new SearchRequest(q, near, Set.of("C9"), 10, UTC))).isEmpty();
      assertThat(search.search(new SearchRequest(q, near, Set.of(), 10, UTC))).isEmpty();
      assertThat(search.search(new SearchRequest(q, near, Set.of("C2"), 10, UTC)))
          .allSatisfy(h -> assertThat(h.message().message().channelId()).isEqualTo("C2"));
      assertThat(search.search(new SearchRequest(q, near, null, 10, UTC, "T9"))).isEmpty();
    }
  }

  @Test
  void random_searches_find_exactly_the_visible_part_of_what_everyone_would_find() {
    List<String> channels = List.of("general", "support", "secret", "ops", "hr");
    List<String> words = List.of("portal", "down", "salary", "login", "deploy", "thanks");
    List<String> parts =
        List.of(
            "portal",
            "\"portal down\"",
            "-thanks",
            "in:#secret",
            "in:#support,c3",
            "from:@ann",
            "priority:p1,p2",
            "category:incident",
            "after:2026-03-04",
            "is:thread",
            "sort:date",
            "status:open");
    Random r = new Random(11);
    for (int i = 0; i < 40; i++) {
      int c = r.nextInt(channels.size());
      store.upsert(
          item(
              "C" + c,
              channels.get(c),
              String.format("17726%05d.000100", i * 997),
              r.nextBoolean() ? "ann" : "ben",
              words.get(r.nextInt(words.size())) + " " + words.get(r.nextInt(words.size())),
              r.nextBoolean() ? "incident" : "question",
              Priority.values()[r.nextInt(4)],
              v(r.nextFloat() - 0.5f, r.nextFloat() - 0.5f)));
    }
    int found = 0;
    int hidden = 0;
    for (int n = 0; n < 150; n++) {
      List<String> query = new ArrayList<>();
      for (int k = 1 + r.nextInt(3); k > 0; k--) {
        query.add(parts.get(r.nextInt(parts.size())));
      }
      Set<String> visible = new HashSet<>();
      channels.forEach(ch -> visible.add(r.nextBoolean() ? "C" + channels.indexOf(ch) : "none"));
      String q = String.join(" ", query);
      Set<String> everyone = ids(search.search(new SearchRequest(q, null, null, 100, UTC)));
      Set<String> seen = ids(search.search(new SearchRequest(q, null, visible, 100, UTC)));
      List<SearchHit> hybrid =
          search.search(new SearchRequest(q, v(1, r.nextFloat()), visible, 100, UTC));
      found += everyone.size();
      hidden += everyone.size() - seen.size();

      assertThat(seen)
          .as("%s seeing %s", q, visible)
          .isEqualTo(
              everyone.stream()
                  .filter(id -> visible.contains(id.split("/")[1]))
                  .collect(Collectors.toSet()));
      assertThat(hybrid)
          .as("%s seeing %s, hybrid", q, visible)
          .allSatisfy(h -> assertThat(visible).contains(h.message().message().channelId()));
    }
    // The searches found things and visibility hid some of them: the test tested something.
    assertThat(found).isGreaterThan(100);
    assertThat(hidden).isGreaterThan(20).isLessThan(found);
  }

  private static Set<String> ids(List<SearchHit> hits) {
    return hits.stream().map(h -> h.message().key().id()).collect(Collectors.toSet());
  }

  @Test
  void malformed_queries_are_refused_with_a_clear_message() {
    assertThatThrownBy(() -> texts("priority:p9"))
        .isInstanceOf(QuerySyntaxException.class)
        .hasMessageContaining("P1, P2, P3 or P4");
    assertThatThrownBy(() -> texts("before:last-week")).hasMessageContaining("not a date");
    assertThatThrownBy(() -> texts("\"unclosed")).hasMessageContaining("not closed");
    assertThatThrownBy(() -> texts("in:")).hasMessageContaining("needs a value");
    assertThatThrownBy(() -> texts("has:pdf")).hasMessageContaining("link or file");
    assertThatThrownBy(() -> texts("e-mail ".repeat(600))).hasMessageContaining("too long");
  }

  @Test
  void query_syntax_in_the_words_is_searched_for_not_obeyed() {
    storeTwo();

    for (String q : List.of("text:*", "login)", "(login", "sow~2", "a:b", "{!lucene}x")) {
      assertThat(texts(q)).as(q).doesNotContain("please send the signed SOW");
    }
    assertThat(texts("login!")).containsExactly("the portal login is down again");
  }

  private List<String> texts(String q) {
    return search.search(new SearchRequest(q, null, null, 10, UTC)).stream()
        .map(h -> h.message().message().text())
        .toList();
  }
}

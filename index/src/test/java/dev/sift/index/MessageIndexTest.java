package dev.sift.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sift.triage.embed.Vectors;
import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.message.Message;
import dev.sift.triage.verdict.Priority;
import dev.sift.triage.verdict.Verdict;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessageIndexTest {
  private static final ZoneId UTC = ZoneId.of("UTC");

  @Test
  void should_replace_a_message_stored_twice_and_forget_a_deleted_one() {
    try (MessageIndex index = MessageIndex.inMemory()) {
      TriagedMessage m =
          item(
              "C1",
              "support",
              "1772632654.000100",
              "ann",
              "portal is down",
              "incident",
              Priority.P1,
              v(1, 0));
      index.upsert(m);
      index.upsert(m);
      assertThat(index.size()).isEqualTo(1);
      assertThat(index.find(m.key()))
          .get()
          .extracting(t -> t.verdict().priority())
          .isEqualTo(Priority.P1);

      index.delete(m.key());

      assertThat(index.find(m.key())).isEmpty();
      assertThat(index.size()).isZero();
    }
  }

  @Test
  void should_keep_documents_and_checkpoints_across_a_restart(@TempDir Path dir) {
    TriagedMessage m =
        item(
            "C1",
            "support",
            "1772632654.000100",
            "ann",
            "portal is down",
            "incident",
            Priority.P1,
            v(1, 0));
    try (MessageIndex index = MessageIndex.open(dir)) {
      index.upsert(m);
      index.checkpoint("C1", m.message().ts());
    }
    try (MessageIndex reopened = MessageIndex.open(dir)) {
      assertThat(reopened.find(m.key())).get().satisfies(t -> assertThat(t.vector()).hasSize(2));
      assertThat(reopened.checkpoint("C1")).contains("1772632654.000100");
    }
  }

  @Test
  void should_find_open_items_by_meaning_before_and_after_a_refresh() {
    try (MessageIndex index = MessageIndex.inMemory()) {
      index.upsert(
          item(
              "C1",
              "support",
              "1772632654.000100",
              "ann",
              "portal is down",
              "incident",
              Priority.P1,
              v(1, 0)));
      Instant from = Instant.ofEpochSecond(1772632000L);
      Instant to = Instant.ofEpochSecond(1772633000L);

      assertThat(index.similarOpenItems(v(1, 0.1f), from, to, 3)).hasSize(1);
      index.refresh();
      assertThat(index.similarOpenItems(v(1, 0.1f), from, to, 3))
          .singleElement()
          .satisfies(s -> assertThat(s.similarity()).isGreaterThan(0.99));
    }
  }

  @Test
  void should_search_with_slack_filters_and_triage_fields() {
    try (MessageIndex index = MessageIndex.inMemory()) {
      index.upsert(
          item(
              "C1",
              "support",
              "1772632654.000100",
              "ann",
              "the portal login is down again",
              "incident",
              Priority.P1,
              v(1, 0)));
      index.upsert(
          item(
              "C2",
              "client-acme",
              "1772719054.000100",
              "bob",
              "please send the signed SOW",
              "request",
              Priority.P2,
              v(0, 1)));
      MessageSearch search = new MessageSearch(index);

      assertThat(texts(search, "login")).containsExactly("the portal login is down again");
      assertThat(texts(search, "\"signed SOW\" in:#client-acme from:@bob")).hasSize(1);
      assertThat(texts(search, "priority:p1,p2 sort:date")).hasSize(2);
      assertThat(texts(search, "category:incident status:open")).hasSize(1);
      assertThat(texts(search, "after:2026-03-04")).containsExactly("please send the signed SOW");
      assertThat(texts(search, "on:2026-03-04")).containsExactly("the portal login is down again");
      assertThat(texts(search, "portal -login")).isEmpty();
      SearchHit hit = search.search(new SearchRequest("login", null, null, 5, UTC)).get(0);
      assertThat(hit.snippet()).contains("*login*");
    }
  }

  @Test
  void should_blend_in_messages_close_in_meaning_when_keywords_find_little() {
    try (MessageIndex index = MessageIndex.inMemory()) {
      index.upsert(
          item(
              "C1",
              "support",
              "1772632654.000100",
              "ann",
              "can't sign in to the portal",
              "incident",
              Priority.P1,
              v(1, 0)));
      MessageSearch search = new MessageSearch(index);

      List<SearchHit> hits =
          search.search(new SearchRequest("login broken", v(0.9f, 0.2f), null, 5, UTC));

      assertThat(hits).singleElement().satisfies(h -> assertThat(h.semantic()).isTrue());
    }
  }

  @Test
  void should_show_only_channels_the_asker_may_see() {
    try (MessageIndex index = MessageIndex.inMemory()) {
      index.upsert(
          item(
              "C1",
              "support",
              "1772632654.000100",
              "ann",
              "portal is down",
              "incident",
              Priority.P1,
              v(1, 0)));
      MessageSearch search = new MessageSearch(index);

      assertThat(search.search(new SearchRequest("portal", null, Set.of("C9"), 5, UTC))).isEmpty();
      assertThat(search.search(new SearchRequest("portal", null, Set.of(), 5, UTC))).isEmpty();
    }
  }

  @Test
  void should_reject_malformed_queries_with_a_clear_message() {
    try (MessageIndex index = MessageIndex.inMemory()) {
      MessageSearch search = new MessageSearch(index);
      assertThatThrownBy(() -> texts(search, "priority:p9"))
          .isInstanceOf(QuerySyntaxException.class)
          .hasMessageContaining("P1, P2, P3 or P4");
      assertThatThrownBy(() -> texts(search, "before:last-week"))
          .hasMessageContaining("not a date");
      assertThatThrownBy(() -> texts(search, "\"unclosed")).hasMessageContaining("not closed");
      assertThatThrownBy(() -> texts(search, "in:")).hasMessageContaining("needs a value");
      assertThatThrownBy(() -> texts(search, "has:pdf")).hasMessageContaining("link or file");
    }
  }

  private static List<String> texts(MessageSearch search, String q) {
    return search.search(new SearchRequest(q, null, null, 10, UTC)).stream()
        .map(h -> h.message().message().text())
        .toList();
  }

  static TriagedMessage item(
      String channelId,
      String channel,
      String ts,
      String user,
      String text,
      String category,
      Priority p,
      float[] vector) {
    Message m =
        new Message(
            "T1",
            channelId,
            channel,
            ts,
            null,
            "U-" + user,
            user,
            text,
            null,
            false,
            false,
            List.of(),
            List.of());
    return TriagedMessage.newItem(
        m, new Verdict(category, p, 0.9, 0.5, List.of(category), Verdict.EMBEDDED), vector);
  }

  static float[] v(float... xs) {
    return Vectors.normalize(xs);
  }
}

package dev.sift.bot.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SlackPagesTest {

  private static List<Part> digest(int items, int entryChars) {
    List<Part> parts = new ArrayList<>();
    parts.add(Part.header("A very long schedule name ".repeat(10)));
    parts.add(Part.context("Times in UTC"));
    parts.add(Part.list("", List.of("*Items by priority:* P1 3")));
    parts.add(
        Part.list(
            "*Open P1/P2 items*",
            IntStream.range(0, items)
                .mapToObj(i -> "• item-" + i + " " + "x".repeat(entryChars))
                .toList()));
    for (int c = 0; c < 30; c++) {
      parts.add(Part.divider());
      parts.add(Part.list("*#channel-" + c + "*", List.of("• highlight of channel-" + c)));
    }
    parts.add(Part.context("View all in App Home, or type `/triage queue`."));
    return parts;
  }

  private static List<String> texts(List<LayoutBlock> page) {
    List<String> out = new ArrayList<>();
    for (LayoutBlock b : page) {
      if (b instanceof SectionBlock s) {
        out.add(s.getText().getText());
      }
    }
    return out;
  }

  @Test
  void should_keep_a_short_digest_in_one_post() {
    List<Part> small = List.of(Part.header("daily"), Part.list("*Open*", List.of("• one")));

    assertThat(SlackPages.of(small)).hasSize(1);
  }

  @Test
  void should_split_a_long_digest_into_a_short_post_and_a_continuation_within_limits() {
    List<List<LayoutBlock>> pages = SlackPages.of(digest(400, 150));

    assertThat(pages.size()).isGreaterThan(1);
    for (List<LayoutBlock> page : pages) {
      assertThat(page.size()).isLessThanOrEqualTo(50);
      assertThat(texts(page)).allSatisfy(t -> assertThat(t.length()).isLessThanOrEqualTo(3000));
      assertThat(texts(page).stream().mapToInt(String::length).sum())
          .isLessThanOrEqualTo(SlackPages.MESSAGE_TEXT);
    }
    HeaderBlock header = (HeaderBlock) pages.get(0).get(0);
    assertThat(header.getText().getText().length()).isLessThanOrEqualTo(150);
    assertThat(pages.get(0).toString()).contains("Continued in the thread");
    // Nothing is dropped: every item and every channel's highlight is in one of the posts.
    String all = pages.stream().flatMap(p -> texts(p).stream()).reduce("", String::concat);
    IntStream.range(0, 400).forEach(i -> assertThat(all).contains("item-" + i + " "));
    IntStream.range(0, 30).forEach(c -> assertThat(all).contains("highlight of channel-" + c));
  }

  @Test
  void should_split_on_block_count_when_entries_are_short() {
    List<List<LayoutBlock>> pages = SlackPages.of(digest(5, 10));

    // 30 channels x (divider + section) alone are over 50 blocks.
    assertThat(pages.size()).isGreaterThan(1);
    pages.forEach(p -> assertThat(p.size()).isLessThanOrEqualTo(50));
    String all = pages.stream().flatMap(p -> texts(p).stream()).reduce("", String::concat);
    IntStream.range(0, 30).forEach(c -> assertThat(all).contains("highlight of channel-" + c));
  }

  @Test
  void should_clip_a_single_oversized_entry_visibly() {
    List<List<LayoutBlock>> pages =
        SlackPages.of(List.of(Part.list("*Summary*", List.of("y".repeat(5000)))));

    List<String> texts = texts(pages.get(0));
    assertThat(texts).allSatisfy(t -> assertThat(t.length()).isLessThanOrEqualTo(3000));
    assertThat(String.join("", texts)).endsWith("…");
  }
}

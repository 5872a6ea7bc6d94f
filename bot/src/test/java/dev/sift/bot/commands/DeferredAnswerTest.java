package dev.sift.bot.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import dev.sift.bot.slack.view.Replies;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** What a person sees after a slash command, in what order, with the notice timer under control. */
class DeferredAnswerTest {
  private final List<Runnable> dueNotices = new ArrayList<>();
  private final Executor noticeTimer = dueNotices::add;
  private final List<String> seen = new CopyOnWriteArrayList<>();

  @Test
  void should_send_only_the_answer_when_it_is_ready_before_the_notice_is_due() {
    DeferredAnswer answers = new DeferredAnswer(Runnable::run, noticeTimer, Replies::text);

    answers.answer("search", () -> Replies.text("1 result"), this::record);
    dueNotices.forEach(Runnable::run);

    assertThat(seen).containsExactly("1 result");
  }

  @Test
  void should_say_it_is_working_first_when_the_answer_is_late() {
    CompletableFuture<Void> slack = new CompletableFuture<>();
    DeferredAnswer answers = new DeferredAnswer(r -> slack.thenRun(r), noticeTimer, Replies::text);

    answers.answer("search", () -> Replies.text("1 result"), this::record);
    dueNotices.forEach(Runnable::run);
    slack.complete(null);

    assertThat(seen).containsExactly(DeferredAnswer.WORKING, "1 result");
  }

  @Test
  void should_apologise_with_the_reason_when_the_answer_fails() {
    DeferredAnswer answers = new DeferredAnswer(Runnable::run, noticeTimer, Replies::text);

    answers.answer(
        "digest",
        () -> {
          throw new IllegalStateException("the index is being rebuilt");
        },
        this::record);

    assertThat(seen).containsExactly("Sorry, that failed: the index is being rebuilt");
  }

  private void record(List<LayoutBlock> blocks) {
    seen.add(((SectionBlock) blocks.get(0)).getText().getText());
  }
}

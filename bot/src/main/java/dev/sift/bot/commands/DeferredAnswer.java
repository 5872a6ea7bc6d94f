package dev.sift.bot.commands;

import com.slack.api.model.block.LayoutBlock;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a slash command after its ack. The work runs on the interactive threads, never on the
 * threads that ack Slack's envelopes, so a burst of slow commands cannot hold each other's acks
 * past Slack's three seconds. When the answer is not ready after {@link #WORKING_AFTER}, the person
 * first sees "Working on it…", then the answer; never the other way round.
 */
public final class DeferredAnswer {
  private static final Logger log = LoggerFactory.getLogger(DeferredAnswer.class);

  /** How long an answer may take before the person is told it is on its way. */
  public static final Duration WORKING_AFTER = Duration.ofMillis(1500);

  static final String WORKING = "Working on it…";

  /** Where the answer goes: the command's {@code response_url}. */
  public interface Reply {
    void send(List<LayoutBlock> blocks) throws IOException;
  }

  private final Executor work;
  private final Executor notice;
  private final Function<String, List<LayoutBlock>> text;

  /**
   * @param work where answers are worked out (the interactive threads)
   * @param text turns a plain sentence into blocks (the notice and the apology for a failure)
   */
  public DeferredAnswer(Executor work, Function<String, List<LayoutBlock>> text) {
    this(
        work,
        CompletableFuture.delayedExecutor(WORKING_AFTER.toMillis(), TimeUnit.MILLISECONDS),
        text);
  }

  DeferredAnswer(Executor work, Executor notice, Function<String, List<LayoutBlock>> text) {
    this.work = work;
    this.notice = notice;
    this.text = text;
  }

  /** Starts working out {@code answer}; returns at once. {@code what} names it in the log. */
  public void answer(String what, Supplier<List<LayoutBlock>> answer, Reply reply) {
    Object order = new Object();
    CompletableFuture<List<LayoutBlock>> done = CompletableFuture.supplyAsync(answer, work);
    notice.execute(
        () -> {
          synchronized (order) {
            if (!done.isDone()) {
              send(reply, text.apply(WORKING));
            }
          }
        });
    done.whenComplete(
        (blocks, error) -> {
          synchronized (order) {
            if (error != null) {
              Throwable cause = error.getCause() == null ? error : error.getCause();
              log.warn("{} failed: {}", what, cause.toString());
              send(reply, text.apply("Sorry, that failed: " + cause.getMessage()));
            } else {
              send(reply, blocks);
            }
          }
        });
  }

  private static void send(Reply reply, List<LayoutBlock> blocks) {
    try {
      reply.send(blocks);
    } catch (IOException | RuntimeException e) {
      log.warn("cannot answer through response_url: {}", e.toString());
    }
  }
}

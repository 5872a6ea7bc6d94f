package dev.sift.bot.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every Web API call Sift makes goes through here: the result is checked ({@code ok}), a 429 waits
 * for as long as Slack's {@code Retry-After} says and tries again, and posts to one channel are
 * spaced about a second apart, as Slack asks of apps.
 */
public final class SlackApi {
  private static final Logger log = LoggerFactory.getLogger(SlackApi.class);
  private static final int MAX_ATTEMPTS = 4;
  private static final Duration POST_SPACING = Duration.ofSeconds(1);
  private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);

  private final java.util.function.Supplier<MethodsClient> client;
  private final ConcurrentHashMap<String, Long> nextPostAt = new ConcurrentHashMap<>();
  private volatile boolean revoked;
  private volatile Observer observer = Observer.NONE;

  public SlackApi(MethodsClient client) {
    this(() -> client);
  }

  /**
   * @param client asked before every call: an installed workspace's token can be refreshed between
   *     two calls
   */
  public SlackApi(java.util.function.Supplier<MethodsClient> client) {
    this.client = client;
  }

  /** Sees every call's outcome (for metrics). */
  public interface Observer {
    Observer NONE =
        new Observer() {
          @Override
          public void called(String method, String outcome) {}

          @Override
          public void rateLimited(String method, Duration wait) {}
        };

    /**
     * @param outcome {@code ok}, Slack's error code, {@code network} or {@code http_NNN}
     */
    void called(String method, String outcome);

    void rateLimited(String method, Duration wait);
  }

  public void observe(Observer observer) {
    this.observer = observer;
  }

  /** A Web API call on the bot's client. */
  @FunctionalInterface
  public interface Call<T extends SlackApiTextResponse> {
    T on(MethodsClient client) throws IOException, SlackApiException;
  }

  /** Calls a method; throws {@link SlackCallException} when Slack says no. */
  public <T extends SlackApiTextResponse> T call(String method, Call<T> call) {
    return call(method, call, true);
  }

  /**
   * @param retryNetworkErrors false for calls that must not happen twice: a post whose answer was
   *     lost may have been made, and a second try would post a second card
   */
  private <T extends SlackApiTextResponse> T call(
      String method, Call<T> call, boolean retryNetworkErrors) {
    if (revoked) {
      throw new SlackCallException(method, "tokens_revoked", null);
    }
    for (int attempt = 1; ; attempt++) {
      try {
        T response = call.on(client.get());
        if (!response.isOk()) {
          observer.called(method, response.getError());
          throw new SlackCallException(method, response.getError(), null);
        }
        observer.called(method, "ok");
        if (response.getWarning() != null) {
          log.debug("{} warned: {}", method, response.getWarning());
        }
        return response;
      } catch (SlackApiException e) {
        int status = e.getResponse().code();
        if (status == 429 && attempt < MAX_ATTEMPTS) {
          Duration wait = retryAfter(e.getResponse().header("Retry-After"));
          observer.rateLimited(method, wait);
          log.info("{} rate limited; retrying in {} s", method, wait.toSeconds());
          sleep(wait.toMillis());
          continue;
        }
        String error = e.getError() != null ? e.getError().getError() : null;
        observer.called(method, error != null ? error : "http_" + status);
        throw new SlackCallException(method, error != null ? error : "HTTP " + status, e);
      } catch (IOException e) {
        if (retryNetworkErrors && attempt < MAX_ATTEMPTS) {
          sleep(250L * attempt);
          continue;
        }
        observer.called(method, "network");
        throw new SlackCallException(method, "network: " + e.getMessage(), e);
      }
    }
  }

  /** Like {@link #call}, after waiting for the channel's turn: about one post per second. */
  public <T extends SlackApiTextResponse> T post(String channel, String method, Call<T> call) {
    awaitTurn(channel);
    return call(method, call, !"chat.postMessage".equals(method));
  }

  /** A message's permalink; empty (logged) when Slack cannot give one. */
  public java.util.Optional<String> permalink(String channel, String ts) {
    try {
      return java.util.Optional.ofNullable(
          call("chat.getPermalink", m -> m.chatGetPermalink(r -> r.channel(channel).messageTs(ts)))
              .getPermalink());
    } catch (SlackCallException e) {
      log.warn("no permalink for {}/{}: {}", channel, ts, e.error());
      return java.util.Optional.empty();
    }
  }

  /**
   * A channel's messages (or one thread's, when {@code threadTs} is given) in {@code [oldestTs,
   * latestTs]} (latest null: up to now), with their metadata, newest first for a channel; at most
   * {@code maxPages} pages of 200. For finding Sift's own posts again by their metadata.
   */
  public java.util.List<com.slack.api.model.Message> messagesWithMetadata(
      String channel, String threadTs, String oldestTs, String latestTs, int maxPages) {
    java.util.List<com.slack.api.model.Message> all = new java.util.ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      String page = cursor;
      java.util.List<com.slack.api.model.Message> found;
      com.slack.api.model.ResponseMetadata more;
      if (threadTs == null) {
        var r =
            call(
                "conversations.history",
                m ->
                    m.conversationsHistory(
                        q ->
                            q.channel(channel)
                                .oldest(oldestTs)
                                .latest(latestTs)
                                .inclusive(true)
                                .includeAllMetadata(true)
                                .limit(200)
                                .cursor(page)));
        found = r.getMessages();
        more = r.getResponseMetadata();
      } else {
        var r =
            call(
                "conversations.replies",
                m ->
                    m.conversationsReplies(
                        q ->
                            q.channel(channel)
                                .ts(threadTs)
                                .oldest(oldestTs)
                                .latest(latestTs)
                                .inclusive(true)
                                .includeAllMetadata(true)
                                .limit(200)
                                .cursor(page)));
        found = r.getMessages();
        more = r.getResponseMetadata();
      }
      if (found != null) {
        all.addAll(found);
      }
      cursor = more == null ? null : more.getNextCursor();
    } while (cursor != null && !cursor.isEmpty() && ++pages < maxPages);
    return all;
  }

  /** After {@code tokens_revoked} or {@code app_uninstalled}: no further calls are attempted. */
  public void revoke() {
    revoked = true;
  }

  public boolean isRevoked() {
    return revoked;
  }

  private void awaitTurn(String channel) {
    long now = System.nanoTime();
    long slot =
        nextPostAt.merge(
            channel,
            now + POST_SPACING.toNanos(),
            (next, ignored) -> Math.max(next, now) + POST_SPACING.toNanos());
    long waitNanos = slot - POST_SPACING.toNanos() - now;
    if (waitNanos > 0) {
      sleep(waitNanos / 1_000_000);
    }
  }

  static Duration retryAfter(String header) {
    try {
      long seconds = header == null ? 1 : Long.parseLong(header.trim());
      Duration d = Duration.ofSeconds(Math.max(1, seconds));
      return d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d;
    } catch (NumberFormatException e) {
      return Duration.ofSeconds(1);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SlackCallException("sleep", "interrupted", e);
    }
  }
}

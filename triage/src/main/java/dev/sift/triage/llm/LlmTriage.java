package dev.sift.triage.llm;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import dev.sift.triage.classify.LabelledExample;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks an LLM for verdicts on a batch of messages, through LangChain4j's chat model API: one
 * request per batch, a JSON schema for the answer where the provider takes one, a deadline per
 * call, retries only for errors worth retrying (waiting as long as {@code Retry-After} says), one
 * repair turn for an answer that does not validate, a circuit breaker and a daily token budget.
 * Whatever it cannot answer, the caller triages with the embedded classifier.
 */
public final class LlmTriage {
  private static final Logger log = LoggerFactory.getLogger(LlmTriage.class);

  /**
   * @param deadline how long one call may take, retries not included
   * @param maxAttempts tries per call for retriable errors (429, 5xx, timeouts)
   * @param jsonSchema whether the provider enforces a JSON schema response format
   */
  public record Settings(Duration deadline, int maxAttempts, boolean jsonSchema) {}

  /**
   * @param opinions valid verdicts by item id
   * @param unavailable true when the LLM was not asked or did not answer (down, over budget): every
   *     item without an opinion should be triaged again later
   */
  public record Result(Map<String, LlmOpinion> opinions, boolean unavailable) {}

  private final ChatModel model;
  private final TriagePrompt prompt;
  private final OpinionReader reader;
  private final Settings settings;
  private final CircuitBreaker breaker;
  private final TokenBudget budget;
  private final LlmStats stats;
  private final ExecutorService calls;

  public LlmTriage(
      ChatModel model,
      TriagePrompt prompt,
      OpinionReader reader,
      Settings settings,
      CircuitBreaker breaker,
      TokenBudget budget,
      LlmStats stats,
      ExecutorService calls) {
    this.model = model;
    this.prompt = prompt;
    this.reader = reader;
    this.settings = settings;
    this.breaker = breaker;
    this.budget = budget;
    this.stats = stats;
    this.calls = calls;
  }

  public LlmStats stats() {
    return stats;
  }

  /** Verdicts for a batch; {@code examples} are the labelled examples nearest to it. */
  public Result triage(List<PromptItem> items, List<LabelledExample> examples) {
    if (items.isEmpty()) {
      return new Result(Map.of(), false);
    }
    String system = prompt.system(examples);
    String user = prompt.user(items);
    long estimate = (system.length() + user.length()) / 4 + 200L * items.size();
    if (!breaker.allows() || !budget.allows(estimate)) {
      stats.unavailable(items.size());
      return new Result(Map.of(), true);
    }
    Set<String> ids = new LinkedHashSet<>();
    items.forEach(i -> ids.add(i.id()));
    List<ChatMessage> conversation =
        new ArrayList<>(List.of(SystemMessage.from(system), UserMessage.from(user)));
    Map<String, LlmOpinion> opinions = new HashMap<>();
    try {
      ChatResponse first = call(conversation, items.size());
      OpinionReader.Reading reading = reader.read(text(first), ids);
      opinions.putAll(reading.opinions());
      if (!reading.problems().isEmpty()) {
        stats.repair();
        conversation.add(first.aiMessage());
        conversation.add(UserMessage.from(prompt.repair(reading.problems())));
        Set<String> missing = new LinkedHashSet<>(ids);
        missing.removeAll(opinions.keySet());
        reader.read(text(call(conversation, 0)), missing).opinions().forEach(opinions::putIfAbsent);
      }
      breaker.succeeded();
      return new Result(opinions, false);
    } catch (LlmUnavailable e) {
      breaker.failed();
      stats.failure();
      stats.unavailable(items.size() - opinions.size());
      log.warn(
          "LLM unavailable ({}); {} messages keep the embedded verdict",
          e.getMessage(),
          items.size() - opinions.size());
      return new Result(opinions, true);
    }
  }

  private ChatResponse call(List<ChatMessage> conversation, int messagesInCall) {
    ChatRequest.Builder request = ChatRequest.builder().messages(conversation);
    if (settings.jsonSchema()) {
      request.responseFormat(prompt.responseFormat());
    }
    ChatRequest built = request.build();
    for (int attempt = 1; ; attempt++) {
      Future<ChatResponse> pending = calls.submit(() -> model.chat(built));
      try {
        ChatResponse response = pending.get(settings.deadline().toMillis(), TimeUnit.MILLISECONDS);
        TokenUsage usage = response.tokenUsage();
        long in = usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
        long out = usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
        stats.call(messagesInCall, in, out);
        budget.spend(in + out);
        return response;
      } catch (TimeoutException e) {
        pending.cancel(true);
        if (attempt >= settings.maxAttempts()) {
          throw new LlmUnavailable("no answer within " + settings.deadline().toSeconds() + " s");
        }
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (!retriable(cause) || attempt >= settings.maxAttempts()) {
          throw new LlmUnavailable(String.valueOf(cause));
        }
        sleep(waitBefore(cause, attempt));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LlmUnavailable("interrupted");
      }
    }
  }

  private static boolean retriable(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof RetriableException
          || c instanceof RetryAfter
          || c instanceof java.io.IOException) {
        return true;
      }
    }
    return false;
  }

  /** Retry-After when the provider sent one, else exponential back-off from half a second. */
  static Duration waitBefore(Throwable t, int attempt) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof RetryAfter r && r.retryAfter() != null) {
        return r.retryAfter().compareTo(Duration.ofSeconds(60)) > 0
            ? Duration.ofSeconds(60)
            : r.retryAfter();
      }
    }
    return Duration.ofMillis(500L << Math.min(attempt - 1, 5));
  }

  private static String text(ChatResponse response) {
    return response.aiMessage() == null ? null : response.aiMessage().text();
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LlmUnavailable("interrupted");
    }
  }

  /** The provider could not give an answer in time: the batch keeps its embedded verdicts. */
  private static final class LlmUnavailable extends RuntimeException {
    LlmUnavailable(String message) {
      super(message);
    }
  }
}

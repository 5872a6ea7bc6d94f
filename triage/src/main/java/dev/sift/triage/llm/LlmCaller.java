package dev.sift.triage.llm;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import dev.sift.triage.audit.Audit;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One way out to the provider for everything Sift asks an LLM (verdicts, summaries): a deadline per
 * call, retries only for errors worth retrying (waiting as long as {@code Retry-After} says, else
 * backing off), the circuit breaker, the daily token budget, and the accounting. Every attempt is
 * audited: provider, model, channels, the SHA-256 of the (already redacted) prompt, tokens; never
 * the prompt itself.
 */
public final class LlmCaller {
  private final ChatModel model;
  private final Duration deadline;
  private final int maxAttempts;
  private final CircuitBreaker breaker;
  private final TokenBudget budget;
  private final LlmStats stats;
  private final ExecutorService calls;
  private final Audit audit;
  private final String provider;
  private final String modelName;

  public LlmCaller(
      ChatModel model,
      Duration deadline,
      int maxAttempts,
      CircuitBreaker breaker,
      TokenBudget budget,
      LlmStats stats,
      ExecutorService calls) {
    this(model, deadline, maxAttempts, breaker, budget, stats, calls, Audit.NONE, null, null);
  }

  /**
   * @param audit where every call is recorded
   * @param provider the provider's name for the audit (openai, anthropic, ...)
   * @param modelName the model's name for the audit
   */
  public LlmCaller(
      ChatModel model,
      Duration deadline,
      int maxAttempts,
      CircuitBreaker breaker,
      TokenBudget budget,
      LlmStats stats,
      ExecutorService calls,
      Audit audit,
      String provider,
      String modelName) {
    this.audit = audit;
    this.provider = provider;
    this.modelName = modelName;
    this.model = model;
    this.deadline = deadline;
    this.maxAttempts = maxAttempts;
    this.breaker = breaker;
    this.budget = budget;
    this.stats = stats;
    this.calls = calls;
  }

  public LlmStats stats() {
    return stats;
  }

  /** Whether a call of about {@code tokens} may go out now (breaker closed, budget left). */
  public boolean available(long tokens) {
    // The budget first: asking the breaker may take its one half-open trial.
    return budget.allows(tokens) && breaker.allows();
  }

  /** The outcome of a whole exchange (first call and any repair), for the breaker. */
  public void succeeded() {
    breaker.succeeded();
  }

  public void failed() {
    breaker.failed();
    stats.failure();
  }

  /**
   * Sends a conversation and returns the answer.
   *
   * @param format a JSON schema format, or null
   * @param messagesInCall how many messages the call is about, for per-message figures
   * @throws Unavailable when no answer came in time or the provider refused for good
   */
  public ChatResponse call(
      List<ChatMessage> conversation, ResponseFormat format, int messagesInCall) {
    return call(conversation, format, messagesInCall, List.of());
  }

  /**
   * Sends a conversation about messages of {@code channels} (ids, for the audit) and returns the
   * answer.
   *
   * @throws Unavailable when no answer came in time or the provider refused for good
   */
  public ChatResponse call(
      List<ChatMessage> conversation,
      ResponseFormat format,
      int messagesInCall,
      Collection<String> channels) {
    String promptHash = Audit.sha256(promptText(conversation));
    String channelIds = String.join(",", new TreeSet<>(channels));
    ChatRequest.Builder request = ChatRequest.builder().messages(conversation);
    if (format != null) {
      request.responseFormat(format);
    }
    ChatRequest built = request.build();
    for (int attempt = 1; ; attempt++) {
      Future<ChatResponse> pending = calls.submit(() -> model.chat(built));
      try {
        ChatResponse response = pending.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        TokenUsage usage = response.tokenUsage();
        long in = usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
        long out = usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
        stats.call(messagesInCall, in, out);
        budget.spend(in + out);
        audited(channelIds, promptHash, "ok", usage);
        return response;
      } catch (TimeoutException e) {
        pending.cancel(true);
        audited(channelIds, promptHash, "timeout", null);
        if (attempt >= maxAttempts) {
          throw new Unavailable("no answer within " + deadline.toSeconds() + " s");
        }
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        audited(channelIds, promptHash, "error: " + cause.getClass().getSimpleName(), null);
        if (!retriable(cause) || attempt >= maxAttempts) {
          throw new Unavailable(String.valueOf(cause));
        }
        sleep(waitBefore(cause, attempt));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new Unavailable("interrupted");
      }
    }
  }

  private void audited(String channels, String promptHash, String outcome, TokenUsage usage) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("provider", provider);
    details.put("model", modelName);
    details.put("prompt_sha256", promptHash);
    details.put("outcome", outcome);
    if (usage != null && usage.inputTokenCount() != null) {
      details.put("input_tokens", usage.inputTokenCount());
    }
    if (usage != null && usage.outputTokenCount() != null) {
      details.put("output_tokens", usage.outputTokenCount());
    }
    audit.record(Audit.SYSTEM, "llm.call", channels.isEmpty() ? null : channels, details);
  }

  /** The prompt as sent (each turn's role and text), for its hash. */
  static String promptText(List<ChatMessage> conversation) {
    StringBuilder b = new StringBuilder();
    for (ChatMessage m : conversation) {
      String text;
      if (m instanceof SystemMessage s) {
        text = s.text();
      } else if (m instanceof UserMessage u) {
        text = u.hasSingleText() ? u.singleText() : String.valueOf(u.contents());
      } else if (m instanceof AiMessage a) {
        text = String.valueOf(a.text());
      } else {
        text = m.toString();
      }
      b.append(m.type()).append('\n').append(text).append('\n');
    }
    return b.toString();
  }

  /** 408, 429, 5xx, timeouts and network errors; never a bad key or a bad request. */
  static boolean retriable(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof HttpException h) {
        int status = h.statusCode();
        return status == 408 || status == 429 || status >= 500;
      }
    }
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof RetriableException || c instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  /** Retry-After when the provider sent one (at most a minute), else back-off from 0.5 s. */
  static Duration waitBefore(Throwable t, int attempt) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof RetryAfter r && r.retryAfter() != null) {
        Duration d = r.retryAfter();
        return d.compareTo(Duration.ofSeconds(60)) > 0 ? Duration.ofSeconds(60) : d;
      }
    }
    return Duration.ofMillis(500L << Math.min(attempt - 1, 5));
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unavailable("interrupted");
    }
  }

  /** The provider gave no usable answer in time: the caller falls back to what works offline. */
  public static final class Unavailable extends RuntimeException {
    Unavailable(String message) {
      super(message);
    }
  }
}

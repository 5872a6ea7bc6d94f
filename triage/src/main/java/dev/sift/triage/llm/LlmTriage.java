package dev.sift.triage.llm;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.sift.triage.classify.LabelledExample;
import dev.sift.triage.verdict.LlmOpinion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks an LLM for verdicts on a batch of messages, through LangChain4j's chat model API: one
 * request per batch, a JSON schema for the answer where the provider takes one, and one repair turn
 * for an answer that does not validate ({@link LlmCaller} handles deadlines, retries, the breaker
 * and the budget). Whatever it cannot answer, the caller triages with the embedded classifier.
 */
public final class LlmTriage {
  private static final Logger log = LoggerFactory.getLogger(LlmTriage.class);

  /**
   * @param opinions valid verdicts by item id
   * @param unavailable true when the LLM was not asked or did not answer (down, over budget): every
   *     item without an opinion should be triaged again later
   */
  public record Result(Map<String, LlmOpinion> opinions, boolean unavailable) {}

  private final LlmCaller caller;
  private final TriagePrompt prompt;
  private final OpinionReader reader;
  private final boolean jsonSchema;

  /**
   * @param jsonSchema whether the provider enforces a JSON schema response format
   */
  public LlmTriage(
      LlmCaller caller, TriagePrompt prompt, OpinionReader reader, boolean jsonSchema) {
    this.caller = caller;
    this.prompt = prompt;
    this.reader = reader;
    this.jsonSchema = jsonSchema;
  }

  public LlmStats stats() {
    return caller.stats();
  }

  /** Verdicts for a batch; {@code examples} are the labelled examples nearest to it. */
  public Result triage(List<PromptItem> items, List<LabelledExample> examples) {
    return triage(items, examples, List.of());
  }

  /** Verdicts for a batch of messages from {@code channels} (ids, for the audit). */
  public Result triage(
      List<PromptItem> items,
      List<LabelledExample> examples,
      java.util.Collection<String> channels) {
    if (items.isEmpty()) {
      return new Result(Map.of(), false);
    }
    String system = prompt.system(examples);
    String user = prompt.user(items);
    long estimate = (system.length() + user.length()) / 4 + 200L * items.size();
    if (!caller.available(estimate)) {
      stats().unavailable(items.size());
      return new Result(Map.of(), true);
    }
    Set<String> ids = new LinkedHashSet<>();
    items.forEach(i -> ids.add(i.id()));
    List<ChatMessage> conversation =
        new ArrayList<>(List.of(SystemMessage.from(system), UserMessage.from(user)));
    Map<String, LlmOpinion> opinions = new HashMap<>();
    try {
      ResponseFormat format = jsonSchema ? prompt.responseFormat() : null;
      ChatResponse first = caller.call(conversation, format, items.size(), channels);
      OpinionReader.Reading reading = reader.read(text(first), ids);
      opinions.putAll(reading.opinions());
      if (!reading.problems().isEmpty()) {
        stats().repair();
        conversation.add(first.aiMessage());
        conversation.add(UserMessage.from(prompt.repair(reading.problems())));
        Set<String> missing = new LinkedHashSet<>(ids);
        missing.removeAll(opinions.keySet());
        reader
            .read(text(caller.call(conversation, format, 0, channels)), missing)
            .opinions()
            .forEach(opinions::putIfAbsent);
      }
      caller.succeeded();
      return new Result(opinions, false);
    } catch (RuntimeException e) {
      caller.failed(); // whatever went wrong, the breaker hears of it (and a trial is released)
      stats().unavailable(items.size() - opinions.size());
      log.warn(
          "LLM unavailable ({}); {} messages keep the embedded verdict",
          e.getMessage(),
          items.size() - opinions.size());
      return new Result(opinions, true);
    }
  }

  private static String text(ChatResponse response) {
    return response.aiMessage() == null ? null : response.aiMessage().text();
  }
}

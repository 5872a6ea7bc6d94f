package dev.sift.triage.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import dev.sift.triage.audit.Audit;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every LLM call leaves one audit entry: who was asked, about which channels, and a hash. */
class LlmCallAuditTest {
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final List<Map<String, Object>> entries = new ArrayList<>();
  private final Audit audit =
      (actor, action, target, details) -> {
        Map<String, Object> e = new java.util.LinkedHashMap<>(details);
        e.put("actor", actor);
        e.put("action", action);
        e.put("target", target);
        entries.add(e);
      };

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  private LlmCaller caller(ChatModel model) {
    return new LlmCaller(
        model,
        Duration.ofSeconds(5),
        1,
        new CircuitBreaker(3, Duration.ofMinutes(1), Clock.systemUTC()),
        new TokenBudget(0, Clock.systemUTC()),
        new LlmStats(0, 0),
        pool,
        audit,
        "openai",
        "gpt-4o-mini");
  }

  @Test
  void should_audit_provider_model_channels_tokens_and_a_hash_but_never_the_prompt() {
    ChatModel model =
        new ChatModel() {
          @Override
          public ChatResponse doChat(ChatRequest request) {
            return ChatResponse.builder()
                .aiMessage(AiMessage.from("{}"))
                .tokenUsage(new TokenUsage(120, 30))
                .build();
          }
        };
    List<ChatMessage> prompt =
        List.of(SystemMessage.from("rules"), UserMessage.from("the portal is down for [EMAIL_1]"));

    caller(model).call(prompt, null, 1, List.of("C2", "C1"));

    assertThat(entries).hasSize(1);
    Map<String, Object> e = entries.get(0);
    assertThat(e)
        .containsEntry("actor", "system")
        .containsEntry("action", "llm.call")
        .containsEntry("target", "C1,C2")
        .containsEntry("provider", "openai")
        .containsEntry("model", "gpt-4o-mini")
        .containsEntry("input_tokens", 120)
        .containsEntry("output_tokens", 30)
        .containsEntry("outcome", "ok")
        .containsEntry("prompt_sha256", Audit.sha256(LlmCaller.promptText(prompt)));
    assertThat(e.get("prompt_sha256").toString()).hasSize(64);
    assertThat(e.toString()).doesNotContain("portal");
  }

  @Test
  void should_hash_different_prompts_differently() {
    assertThat(Audit.sha256(LlmCaller.promptText(List.of(UserMessage.from("a")))))
        .isNotEqualTo(Audit.sha256(LlmCaller.promptText(List.of(UserMessage.from("b")))));
  }

  @Test
  void should_audit_a_failed_call_too() {
    ChatModel model =
        new ChatModel() {
          @Override
          public ChatResponse doChat(ChatRequest request) {
            throw new HttpException(401, "bad key");
          }
        };

    assertThatThrownBy(
            () -> caller(model).call(List.of(UserMessage.from("x")), null, 1, List.of("C1")))
        .isInstanceOf(LlmCaller.Unavailable.class);

    assertThat(entries)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.get("outcome").toString()).startsWith("error");
              assertThat(e).doesNotContainKey("input_tokens");
            });
  }
}

package dev.sift.bot.llm;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.sift.bot.config.ConfigException;
import dev.sift.bot.config.LlmSettings;
import java.util.function.Function;
import okhttp3.OkHttpClient;

/**
 * Builds the LangChain4j chat model a config names. Retries are off in the models: Sift's own loop
 * retries only what is worth retrying and honours {@code Retry-After}.
 */
public final class ChatModels {
  private ChatModels() {}

  /**
   * @param env reads environment variables (the key)
   */
  public static ChatModel create(LlmSettings s, OkHttpClient http, Function<String, String> env) {
    String keyVar = s.keyVariable();
    String key = keyVar == null ? null : env.apply(keyVar);
    if (keyVar != null && (key == null || key.isBlank())) {
      if (!"openai-compatible".equals(s.provider())) {
        throw new ConfigException(
            "llm.provider is "
                + s.provider()
                + " but "
                + keyVar
                + " is not set in the environment");
      }
      key = "none"; // local OpenAI-compatible servers (vLLM, llama.cpp, LM Studio) take any key
    }
    var httpClient = OkHttpLlmClient.builder(http);
    return switch (s.provider()) {
      case "anthropic" -> {
        var b =
            AnthropicChatModel.builder()
                .httpClientBuilder(httpClient)
                .apiKey(key)
                .modelName(s.model())
                .temperature(s.temperature())
                .maxTokens(2048)
                .timeout(s.timeout())
                .maxRetries(0);
        if (s.baseUrl() != null) {
          b.baseUrl(s.baseUrl());
        }
        yield b.build();
      }
      case "ollama" ->
          (ChatModel)
              OllamaChatModel.builder()
                  .httpClientBuilder(httpClient)
                  .baseUrl(s.baseUrl() == null ? "http://localhost:11434" : s.baseUrl())
                  .modelName(s.model())
                  .temperature(s.temperature())
                  .timeout(s.timeout())
                  .maxRetries(0)
                  .build();
      default -> {
        var b =
            OpenAiChatModel.builder()
                .httpClientBuilder(httpClient)
                .apiKey(key)
                .modelName(s.model())
                .temperature(s.temperature())
                .timeout(s.timeout())
                .maxRetries(0);
        if (s.baseUrl() != null) {
          b.baseUrl(s.baseUrl());
        }
        if (s.jsonSchema()) {
          b.supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA).strictJsonSchema(true);
        }
        yield b.build();
      }
    };
  }
}

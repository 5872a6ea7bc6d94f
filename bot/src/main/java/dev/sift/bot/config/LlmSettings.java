package dev.sift.bot.config;

import dev.sift.triage.llm.CascadePolicy;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The LLM provider and how much Sift leans on it ({@code llm:} in sift.yml). Keys come from the
 * environment, never from the file.
 *
 * @param provider openai, openai-compatible, anthropic or ollama
 * @param baseUrl the endpoint (required for openai-compatible; defaults per provider otherwise)
 * @param model the model name
 * @param apiKeyEnv the environment variable holding the key (none needed for ollama)
 * @param temperature sampling temperature
 * @param timeout deadline per call
 * @param maxAttempts tries per call for retriable errors
 * @param jsonSchema whether to ask for a JSON-schema response format (the provider must support it)
 * @param dailyTokenBudget tokens a day before Sift falls back to the embedded classifier; 0 = none
 * @param inputPrice price per million prompt tokens, for the cost estimate
 * @param outputPrice price per million answer tokens
 * @param teams team names the LLM may suggest as owner
 * @param cascade when the LLM is asked
 */
public record LlmSettings(
    String provider,
    String baseUrl,
    String model,
    String apiKeyEnv,
    double temperature,
    Duration timeout,
    int maxAttempts,
    boolean jsonSchema,
    long dailyTokenBudget,
    double inputPrice,
    double outputPrice,
    List<String> teams,
    CascadePolicy cascade) {

  public static final List<String> PROVIDERS =
      List.of("openai", "openai-compatible", "anthropic", "ollama");

  public LlmSettings {
    provider = Objects.requireNonNull(provider, "provider").toLowerCase(Locale.ROOT);
    if (!PROVIDERS.contains(provider)) {
      throw new IllegalArgumentException(
          "unknown provider '" + provider + "'; use one of " + String.join(", ", PROVIDERS));
    }
    if (model == null || model.isBlank()) {
      throw new IllegalArgumentException("llm.model is required, e.g. gpt-4o-mini");
    }
    if ("openai-compatible".equals(provider) && (baseUrl == null || baseUrl.isBlank())) {
      throw new IllegalArgumentException(
          "llm.base_url is required for openai-compatible, e.g. http://localhost:8000/v1");
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("llm.max_attempts must be at least 1");
    }
    teams = List.copyOf(teams);
    Objects.requireNonNull(cascade, "cascade");
  }

  /** The environment variable of the key, by provider unless configured. */
  public String keyVariable() {
    if (apiKeyEnv != null && !apiKeyEnv.isBlank()) {
      return apiKeyEnv;
    }
    return switch (provider) {
      case "anthropic" -> "ANTHROPIC_API_KEY";
      case "ollama" -> null;
      default -> "OPENAI_API_KEY";
    };
  }
}

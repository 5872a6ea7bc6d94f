package dev.sift.bot.health;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * What {@code /health} reports: live while the process serves (until it stops), ready only when
 * Slack is connected, the first catch-up is done and the index is sound.
 *
 * @param connected whether Slack can reach Sift (Socket Mode: the WebSocket is open)
 * @param caughtUp whether the first catch-up after start has finished
 * @param rebuilding whether the index is being rebuilt after corruption
 * @param queued events waiting for triage
 * @param commitAge time since the index last committed
 * @param llmBreakerOpen whether the LLM's circuit breaker is open; null without an LLM
 * @param details more figures for the JSON body
 */
public record Health(
    BooleanSupplier connected,
    BooleanSupplier caughtUp,
    BooleanSupplier rebuilding,
    IntSupplier queued,
    Supplier<Duration> commitAge,
    Supplier<Boolean> llmBreakerOpen,
    Supplier<Map<String, Object>> details) {

  /** A value already in JSON (an object), put in the body as it is. */
  public record Raw(String json) {}

  /** One reading, with the reasons it is not ready. */
  public record Reading(boolean live, boolean ready, String json) {}

  /** Reads every figure once. */
  public Reading read(boolean stopping) {
    boolean up = connected.getAsBoolean();
    boolean caught = caughtUp.getAsBoolean();
    boolean rebuild = rebuilding.getAsBoolean();
    boolean ready = !stopping && up && caught && !rebuild;
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(
        "status",
        stopping
            ? "stopping"
            : !up ? "disconnected" : rebuild ? "rebuilding_index" : !caught ? "catching_up" : "ok");
    body.put("slack_connected", up);
    body.put("caught_up", caught);
    body.put("queued", queued.getAsInt());
    body.put("index_commit_age_seconds", commitAge.get().toSeconds());
    Boolean breaker = llmBreakerOpen.get();
    if (breaker != null) {
      body.put("llm_breaker", breaker ? "open" : "closed");
    }
    body.putAll(details.get());
    return new Reading(!stopping, ready, json(body));
  }

  private static String json(Map<String, Object> body) {
    StringBuilder out = new StringBuilder("{");
    body.forEach(
        (k, v) -> {
          if (out.length() > 1) {
            out.append(',');
          }
          out.append('"').append(k).append("\":");
          if (v instanceof Raw r) {
            out.append(r.json());
          } else if (v instanceof String s) {
            out.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
          } else {
            out.append(v);
          }
        });
    return out.append('}').toString();
  }
}

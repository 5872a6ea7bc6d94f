package dev.sift.bot.sinks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Reads the CloudEvent id back from a stored payload (it is the idempotency key). */
final class EventIds {
  private static final ObjectMapper JSON = new ObjectMapper();

  private EventIds() {}

  static String of(String payload) {
    try {
      return JSON.readTree(payload).path("id").asText();
    } catch (IOException e) {
      throw new IllegalStateException("an outbox entry is not a CloudEvent: " + e.getMessage(), e);
    }
  }
}

package dev.sift.bot.sinks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An event as a CloudEvent 1.0 in JSON structured mode ({@code application/cloudevents+json}), made
 * with the CloudEvents Java SDK so any CloudEvents tooling reads it; what it carries depends on the
 * sink: text only with {@code include_text}, and a private channel's words only where the sink is
 * allowed that channel by name.
 */
public final class EventEnvelope {
  public static final String CONTENT_TYPE = JsonFormat.CONTENT_TYPE;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final EventFormat FORMAT =
      EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);

  private EventEnvelope() {}

  /** The CloudEvent as this sink receives it, as JSON. */
  public static String json(SiftEvent e, SinkSettings sink) {
    Map<String, Object> data = new LinkedHashMap<>(e.data());
    boolean words = sink.mayCarryWords(e);
    if (!words) {
      data.remove("reasons"); // a reason quotes the message
      data.remove("summary");
    }
    if (words && sink.includeText() && e.text() != null) {
      data.put("text", e.text());
    }
    CloudEvent event;
    try {
      event =
          CloudEventBuilder.v1()
              .withId(e.id())
              .withSource(URI.create("/sift/" + (e.team() == null ? "offline" : e.team())))
              .withType(e.type().cloudEventType())
              .withSubject(e.subject())
              .withTime(e.time().atOffset(ZoneOffset.UTC))
              .withDataContentType("application/json")
              .withData(JSON.writeValueAsBytes(data))
              .build();
    } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
      throw new IllegalStateException("an event's data is not JSON: " + ex.getMessage(), ex);
    }
    return new String(FORMAT.serialize(event), StandardCharsets.UTF_8);
  }
}

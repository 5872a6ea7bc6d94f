package dev.sift.bot.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sift.bot.export.ExportChannel;
import dev.sift.bot.export.MessageMapper;
import dev.sift.bot.export.People;
import dev.sift.triage.fuzz.Rand;
import dev.sift.triage.message.Message;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Slack's own Events API payload shapes, filled with plausible values and then mutated (fields
 * dropped, retyped, nested deep, given hostile markup and timestamps), sometimes corrupted as text:
 * the event parser never fails, and the message mapper fails only with an {@link
 * IllegalArgumentException} that says what is wrong, which the intake logs and skips.
 */
class EventParserFuzzTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static final List<JsonNode> SAMPLES =
      List.of(
          sample("MessagePayload"),
          sample("MessageChangedPayload"),
          sample("MessageDeletedPayload"),
          sample("MessageBotPayload"),
          sample("MessageThreadBroadcastPayload"),
          sample("MessageFileSharePayload"),
          sample("AppMentionPayload"));

  private static final List<String> TIMESTAMPS =
      List.of(
          "1452837352.000006",
          "1452837352",
          "0",
          "-1",
          "1e999999999",
          "1E-999999999",
          "99999999999999999999",
          "31556889864403200",
          "NaN",
          "",
          " ",
          "1.2.3",
          "0x10",
          "١٢٣");

  private static final List<String> TEXTS =
      List.of(
          "portal is down",
          "<@U123>",
          "<@U123|maria>",
          "<#C1>",
          "<#C1|general>",
          "<!here>",
          "<!subteam^S1|@team>",
          "<!date^1392734382^{date}|Feb 18>",
          "<!date^99999999999999999>",
          "<!date^-99999999999999999^x>",
          "<!date^abc>",
          "<https://x.io|docs>",
          "<mailto:a@b.co>",
          "<>",
          "<|>",
          "<<>>",
          "&amp;lt;",
          "&",
          "*bold* _it_",
          "```code```",
          "\u0000",
          "\ud800");

  private static final List<String> SUBTYPES =
      List.of(
          "",
          "message_changed",
          "message_deleted",
          "bot_message",
          "thread_broadcast",
          "file_share",
          "me_message",
          "channel_join",
          "message_replied");

  private static final Gen<String> PAYLOADS =
      Rand.gen(
          r -> {
            JsonNode tree = fill(r, SAMPLES.get(r.below(SAMPLES.size())).deepCopy());
            int mutations = r.below(8);
            for (int i = 0; i < mutations; i++) {
              mutate(r, tree);
            }
            String json = tree.toString();
            if (r.chance(2)) {
              json = "{\"event\":" + "[".repeat(r.below(100_000)) + json;
            }
            if (r.chance(5)) {
              int cut = r.below(json.length() + 1);
              json = json.substring(0, cut) + r.junk(4) + json.substring(cut);
            }
            return json;
          });

  private final MessageMapper mapper =
      new MessageMapper("T1", new Names(), id -> id.equals("C1") ? "general" : null);

  @Test
  void should_parse_any_event_or_skip_it_with_a_reason() {
    AtomicInteger inputs = new AtomicInteger();
    assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () ->
            qt().withExamples(5_000)
                .forAll(PAYLOADS)
                .checkAssert(
                    json -> {
                      inputs.incrementAndGet();
                      JsonNode callback = Jsons.read(json);
                      if (callback == null) {
                        return; // not JSON: acked and dropped
                      }
                      SlackEvent e = SlackEvent.read(callback);
                      if (e == null || e.message() == null) {
                        return;
                      }
                      assertThat(e.text()).isNotNull();
                      try {
                        Message m =
                            mapper.map(e.message(), new ExportChannel("C1", "general", false));
                        assertThat(m.text()).isNotNull();
                      } catch (IllegalArgumentException skipped) {
                        assertThat(skipped.getMessage()).isNotBlank();
                      }
                    }));
    System.out.println("fuzz event parser: " + inputs + " inputs, 0 failures");
  }

  /** Gives the sample's blank placeholders values a real event has. */
  private static JsonNode fill(Rand r, JsonNode tree) {
    ObjectNode event = (ObjectNode) tree.path("event");
    event.put("type", "message");
    event.put("channel", "C1");
    event.put("ts", "1452837352.000006");
    event.put("text", text(r));
    if (event.path("subtype").isTextual()) {
      event.put("subtype", r.pick(SUBTYPES));
    }
    for (String inner : List.of("message", "previous_message")) {
      if (event.path(inner).isObject()) {
        ((ObjectNode) event.get(inner)).put("ts", "1452837352.000007");
        ((ObjectNode) event.get(inner)).put("text", text(r));
      }
    }
    if (event.has("deleted_ts")) {
      event.put("deleted_ts", "1452837352.000006");
    }
    if (r.chance(15)) {
      event.put(r.pick(List.of("ts", "thread_ts", "deleted_ts")), r.pick(TIMESTAMPS));
    }
    return tree;
  }

  private static String text(Rand r) {
    StringBuilder text = new StringBuilder();
    int parts = r.below(6);
    for (int i = 0; i < parts; i++) {
      text.append(r.wordOrJunk(TEXTS, 8)).append(' ');
    }
    return text.toString();
  }

  /** Changes one node somewhere in the tree: a value retyped, a field dropped, or deep nesting. */
  private static void mutate(Rand r, JsonNode tree) {
    List<JsonNode> containers = new ArrayList<>();
    collect(tree, 0, containers);
    JsonNode target = containers.get(r.below(containers.size()));
    if (target instanceof ObjectNode object) {
      List<String> fields = new ArrayList<>();
      for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
        fields.add(it.next());
      }
      String field =
          fields.isEmpty() || r.chance(10) ? r.pick(List.of("ts", "text", "x")) : r.pick(fields);
      if (r.chance(20)) {
        object.remove(field);
      } else {
        object.set(field, value(r, field));
      }
    } else if (target instanceof ArrayNode array) {
      if (!array.isEmpty() && r.chance(30)) {
        array.remove(r.below(array.size()));
      } else {
        array.add(value(r, "x"));
      }
    }
  }

  private static JsonNode value(Rand r, String field) {
    return switch (r.below(9)) {
      case 0 -> NODES.nullNode();
      case 1 -> NODES.numberNode(r.below(Integer.MAX_VALUE) - 1_000_000);
      case 2 -> NODES.numberNode(1e300);
      case 3 -> NODES.booleanNode(r.chance(50));
      case 4 -> NODES.textNode(r.pick(TIMESTAMPS));
      case 5 -> NODES.textNode(r.wordOrJunk(TEXTS, 20));
      case 6 -> NODES.objectNode().put("type", r.pick(List.of("rich_text", "date", "link")));
      case 7 -> deep(r.below(900)); // Jackson writes at most 1000 levels; reading is tried below
      default -> NODES.arrayNode().add(r.wordOrJunk(TEXTS, 5));
    };
  }

  private static JsonNode deep(int depth) {
    JsonNode node = NODES.textNode("bottom");
    for (int i = 0; i < depth; i++) {
      node = i % 2 == 0 ? NODES.arrayNode().add(node) : NODES.objectNode().set("elements", node);
    }
    return node;
  }

  /** Containers near the top, so a mutation never nests a deep value into another one. */
  private static void collect(JsonNode node, int depth, List<JsonNode> out) {
    if (node.isContainerNode() && depth < 12 && out.size() < 500) {
      out.add(node);
      node.forEach(child -> collect(child, depth + 1, out));
    }
  }

  private static JsonNode sample(String name) {
    try (InputStream in =
        EventParserFuzzTest.class.getResourceAsStream("/slack-events/" + name + ".json")) {
      return Jsons.MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Knows U123 by name, nobody else; nobody is a bot. */
  private static final class Names implements People {
    @Override
    public String name(String userId) {
      return "U123".equals(userId) ? "maria" : null;
    }

    @Override
    public boolean isBot(String userId) {
      return false;
    }
  }
}

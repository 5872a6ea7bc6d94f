package dev.sift.triage.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import dev.sift.triage.message.Message;
import dev.sift.triage.redact.Redactor;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SummariserTest {
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final List<String> prompts = new ArrayList<>();

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  private Summariser summariser(Function<String, String> answer, int chunkChars) {
    ChatModel model =
        new ChatModel() {
          @Override
          public ChatResponse doChat(ChatRequest request) {
            String user = "";
            for (ChatMessage m : request.messages()) {
              if (m instanceof UserMessage u) {
                user = u.singleText();
              }
            }
            synchronized (prompts) {
              prompts.add(user);
            }
            return ChatResponse.builder()
                .aiMessage(AiMessage.from(answer.apply(user)))
                .tokenUsage(new TokenUsage(user.length() / 4, 50))
                .build();
          }
        };
    LlmCaller caller =
        new LlmCaller(
            model,
            Duration.ofSeconds(5),
            1,
            new CircuitBreaker(3, Duration.ofMinutes(1), Clock.systemUTC()),
            new TokenBudget(0, Clock.systemUTC()),
            new LlmStats(0, 0),
            pool);
    return new Summariser(caller, Redactor.standard(), ZoneId.of("UTC"), chunkChars, m -> true);
  }

  /** Cites every message id it was shown, one bullet each, plus one invented citation. */
  private static String citeAll(String user) {
    StringBuilder b = new StringBuilder("{\"bullets\":[");
    Matcher m = Pattern.compile("<message id=\"(m\\d+)\"").matcher(user);
    Matcher merged = Pattern.compile("<bullet sources=\"([^\"]*)\">([^<]*)</bullet>").matcher(user);
    if (merged.find()) {
      return "{\"bullets\":[{\"text\":\"Merged: the outage and its fix\",\"sources\":[\""
          + merged.group(1).split(" ")[0]
          + "\"]}]}";
    }
    while (m.find()) {
      b.append("{\"text\":\"About ")
          .append(m.group(1))
          .append("\",\"sources\":[\"")
          .append(m.group(1))
          .append("\"]},");
    }
    return b.append("{\"text\":\"Made up\",\"sources\":[\"m999\"]}]}").toString();
  }

  @Test
  void should_cite_existing_messages_and_drop_a_bullet_with_an_invented_citation() {
    List<Message> messages = messages(3, "the portal is down");

    var bullets =
        summariser(SummariserTest::citeAll, Summariser.CHUNK_CHARS)
            .summarise("#support", messages)
            .orElseThrow();

    assertThat(bullets)
        .extracting(Summariser.Bullet::text)
        .containsExactly("About m1", "About m2", "About m3");
    assertThat(bullets.get(1).sourceIds()).containsExactly(messages.get(1).key().id());
  }

  @Test
  void should_chunk_a_long_channel_and_merge_the_parts() {
    List<Message> messages =
        messages(40, "a long discussion about the Q3 roadmap and the launch date");

    var bullets =
        summariser(SummariserTest::citeAll, 800).summarise("#proj", messages).orElseThrow();

    assertThat(prompts.size()).isGreaterThan(2);
    assertThat(prompts.get(prompts.size() - 1)).contains("<bullets>");
    assertThat(bullets)
        .singleElement()
        .extracting(Summariser.Bullet::text)
        .isEqualTo("Merged: the outage and its fix");
  }

  @Test
  void should_send_redacted_text_and_show_people_details_but_never_secrets() {
    List<Message> messages =
        List.of(
            message(
                0,
                "mail maria@acme.example, token xoxb-"
                    + "123456789012-1234567890123-abcdefABCDEF0123456789ab"));

    var bullets =
        summariser(
                user ->
                    "{\"bullets\":[{\"text\":\"Write to [EMAIL_1] about [SECRET_1]\",\"sources\":[\"m1\"]}]}",
                Summariser.CHUNK_CHARS)
            .summarise("#support", messages)
            .orElseThrow();

    assertThat(prompts.get(0)).doesNotContain("maria@acme.example").doesNotContain("xoxb-");
    assertThat(bullets.get(0).text()).contains("maria@acme.example").contains("[SECRET_1]");
  }

  @Test
  void should_give_nothing_when_the_model_fails_so_the_digest_stays_extractive() {
    var summary =
        summariser(
                user -> {
                  throw new IllegalStateException("provider down");
                },
                Summariser.CHUNK_CHARS)
            .summarise("#support", messages(2, "hello"));

    assertThat(summary).isEmpty();
  }

  @Test
  void should_leave_out_messages_that_may_not_be_sent() {
    List<Message> messages =
        List.of(message(0, "release notes are out"), message(1, "secret board topic: layoffs"));
    LlmCaller caller =
        new LlmCaller(
            new ChatModel() {
              @Override
              public ChatResponse doChat(ChatRequest request) {
                prompts.add(request.messages().toString());
                return ChatResponse.builder()
                    .aiMessage(
                        AiMessage.from(
                            "{\"bullets\":[{\"text\":\"Notes out\",\"sources\":[\"m1\"]}]}"))
                    .build();
              }
            },
            Duration.ofSeconds(5),
            1,
            new CircuitBreaker(3, Duration.ofMinutes(1), Clock.systemUTC()),
            new TokenBudget(0, Clock.systemUTC()),
            new LlmStats(0, 0),
            pool);

    var bullets =
        new Summariser(
                caller, Redactor.standard(), ZoneId.of("UTC"), m -> !m.text().contains("board"))
            .summarise("#general", messages)
            .orElseThrow();

    assertThat(prompts.get(0)).doesNotContain("layoffs");
    assertThat(bullets).singleElement().extracting(Summariser.Bullet::text).isEqualTo("Notes out");
  }

  private static List<Message> messages(int n, String text) {
    List<Message> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(message(i, text + " " + i));
    }
    return out;
  }

  private static Message message(int i, String text) {
    return new Message(
        "T1",
        "C1",
        "support",
        (1772700000 + i * 60) + ".000100",
        null,
        "U1",
        "Isa",
        text,
        null,
        false,
        false,
        List.of(),
        List.of());
  }
}

package dev.sift.bot.sinks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sift.bot.http.Hook;
import dev.sift.triage.audit.Audit;
import dev.sift.triage.item.LinkedIssue;
import dev.sift.triage.message.MessageKey;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /hooks/jira}: Jira tells Sift that an issue a Jira sink created was resolved or
 * reassigned, and the item's card says so (a resolve resolves the item). Only a webhook signed with
 * a sink's {@code hook_secret_env} is taken, once (by {@code X-Atlassian-Webhook-Identifier}, or
 * its signature when Jira sends none), and only while its {@code timestamp} is under five minutes
 * old. Issues Sift did not create are answered 200 and ignored, so Jira does not send them again.
 */
public final class JiraHook implements Hook {
  public static final String PATH = "/hooks/jira";
  static final String IDENTIFIER = "X-Atlassian-Webhook-Identifier";

  /** How old a webhook may be; Jira's retries come later than this and are refused. */
  static final Duration WINDOW = Duration.ofMinutes(5);

  /** How far ahead of Sift's clock Jira's may run. */
  static final Duration AHEAD = Duration.ofMinutes(1);

  private static final int MAX_REMEMBERED = 100_000;
  private static final Logger log = LoggerFactory.getLogger(JiraHook.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One Jira sink that takes webhooks. */
  private record Sink(
      String name, java.net.URI base, JiraHookSignature signature, JiraIssues issues) {}

  private final List<Sink> sinks;
  private final BiConsumer<MessageKey, LinkedIssue> resolve;
  private final BiConsumer<MessageKey, LinkedIssue> note;
  private final Audit audit;
  private final Clock clock;
  private final Map<String, Long> seen = new ConcurrentHashMap<>();

  private JiraHook(
      List<Sink> sinks,
      BiConsumer<MessageKey, LinkedIssue> resolve,
      BiConsumer<MessageKey, LinkedIssue> note,
      Audit audit,
      Clock clock) {
    this.sinks = sinks;
    this.resolve = resolve;
    this.note = note;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * The hook of the Jira sinks with {@code hook_secret_env}; empty when none has one.
   *
   * @param resolve resolves an item whose issue was resolved (the issue's note says by whom)
   * @param note shows what else happened to an item's issue (it was assigned)
   * @throws IllegalArgumentException naming the sink whose hook secret is not set
   */
  public static Optional<JiraHook> of(
      List<SinkSettings> settings,
      Path dataDir,
      Function<String, String> env,
      BiConsumer<MessageKey, LinkedIssue> resolve,
      BiConsumer<MessageKey, LinkedIssue> note,
      Audit audit,
      Clock clock) {
    List<Sink> sinks = new ArrayList<>();
    for (SinkSettings s : settings) {
      if (s.jira() == null || s.jira().hookSecretEnv() == null) {
        continue;
      }
      String secret = env.apply(s.jira().hookSecretEnv());
      if (secret == null || secret.isBlank()) {
        throw new IllegalArgumentException(
            "sink '"
                + s.name()
                + "': set the secret of its Jira webhook in the environment variable named by"
                + " hook_secret_env ("
                + s.jira().hookSecretEnv()
                + " is not set)");
      }
      sinks.add(
          new Sink(
              s.name(),
              s.url(),
              new JiraHookSignature(secret),
              JiraIssues.in(Sinks.folder(dataDir, s.name()))));
    }
    return sinks.isEmpty()
        ? Optional.empty()
        : Optional.of(new JiraHook(List.copyOf(sinks), resolve, note, audit, clock));
  }

  @Override
  public Answer handle(Function<String, String> header, byte[] body) {
    String signature = header.apply(JiraHookSignature.HEADER);
    Sink sink = null;
    JiraHookSignature.Verdict verdict = JiraHookSignature.Verdict.MISSING;
    for (Sink s : sinks) {
      JiraHookSignature.Verdict v = s.signature().check(signature, body);
      if (v == JiraHookSignature.Verdict.GENUINE) {
        sink = s;
        break;
      }
      verdict = v;
    }
    if (sink == null) {
      return refused(verdict.name());
    }
    JsonNode hook;
    try {
      hook = JSON.readTree(body);
    } catch (IOException e) {
      return new Answer(400, "not JSON");
    }
    long sentAt = hook.path("timestamp").asLong(0);
    long now = clock.millis();
    if (sentAt <= 0 || now - sentAt > WINDOW.toMillis() || sentAt - now > AHEAD.toMillis()) {
      return refused("STALE");
    }
    String id = header.apply(IDENTIFIER);
    String once = sink.name() + "|" + (id != null ? id : signature.strip());
    forgetOld(now);
    if (seen.putIfAbsent(once, sentAt) != null) {
      return refused("REPLAYED");
    }
    try {
      return apply(sink, hook, id);
    } catch (RuntimeException e) {
      seen.remove(once); // not done: Jira's retry of it is welcome
      throw e;
    }
  }

  private Answer apply(Sink sink, JsonNode hook, String id) {
    Optional<JiraChange> change = JiraChange.of(hook);
    if (change.isEmpty()) {
      return new Answer(200, "nothing Sift shows");
    }
    JiraChange c = change.get();
    Optional<String> itemId = sink.issues().itemOf(c.key());
    if (itemId.isEmpty()) {
      return new Answer(200, "not an issue Sift created");
    }
    MessageKey item = MessageKey.parse(itemId.get());
    LinkedIssue issue =
        new LinkedIssue(
            "Jira", c.key(), JiraClient.browse(sink.base(), c.key()).toString(), c.note());
    (c.resolved() ? resolve : note).accept(item, issue);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("issue", c.key());
    if (c.account() != null) {
      details.put("jira_user", c.account());
    }
    if (id != null) {
      details.put("webhook", id);
    }
    audit.record(
        "jira:" + sink.name(),
        c.resolved() ? "jira.resolve" : "jira.assign",
        itemId.get(),
        details);
    return new Answer(200, "ok");
  }

  private static Answer refused(String why) {
    log.debug("refused a request to {}: {}", PATH, why);
    return new Answer(401, "invalid request: " + why.toLowerCase(java.util.Locale.ROOT));
  }

  /** Identifiers older than the window cannot come back (the timestamp check refuses them). */
  private void forgetOld(long now) {
    if (seen.size() >= MAX_REMEMBERED) {
      seen.values().removeIf(at -> now - at > WINDOW.toMillis());
    }
  }
}

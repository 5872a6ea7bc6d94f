package dev.sift.bot.slack;

import com.slack.api.Slack;
import dev.sift.bot.Sift;
import dev.sift.bot.TestClock;
import dev.sift.bot.config.ConfigLoader;
import dev.sift.bot.config.SiftConfig;
import dev.sift.bot.feedback.CorrectionLog;
import dev.sift.bot.pipeline.TriagePipeline;
import dev.sift.bot.schedule.Claims;
import dev.sift.bot.schedule.Scheduler;
import dev.sift.bot.sla.SlaRoutine;
import dev.sift.triage.item.Task;
import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.message.Message;
import dev.sift.triage.message.MessageKey;
import dev.sift.triage.verdict.Priority;
import dev.sift.triage.verdict.Verdict;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The SLA routine over real parts: Sift's index in a temp dir, the task desk and the scheduler,
 * Slack faked at the network, time from a clock the test moves. {@link #restart} builds a new desk,
 * claims and routine over the same data directory, as a restarted process would.
 */
final class SlaFixture implements AutoCloseable {
  static final String CARDS = "C0OPS";
  static final String SOURCE = "C0ACME";
  static final String OWNER = "U0OWNER";
  static final String AUTHOR = "U0AUTHOR";

  final FakeSlack slack;
  final Sift sift;
  final TestClock clock;
  private final Path data;
  private final SlackApi api;
  TaskDesk desk;
  TriagePipeline pipeline;
  Claims claims;
  Scheduler scheduler;
  private int items;

  SlaFixture(Path data, String yaml, Instant start) throws Exception {
    this.data = data;
    this.clock = new TestClock(start);
    this.slack =
        new FakeSlack()
            .channel(CARDS, "ops-triage", false)
            .channel(SOURCE, "client-acme", false)
            .channel("C0ONCALL", "oncall", false);
    SiftConfig config = ConfigLoader.parse(yaml, "sift.yml", data).withDataDir(data);
    this.sift = new Sift(config);
    this.api = new SlackApi(Slack.getInstance(slack.config()).methods("xoxb-test"));
    restart();
  }

  /** A new desk, claims and routine over the same index and claims file. */
  void restart() {
    if (claims != null) {
      claims.close();
    }
    Directory directory = new Directory(api);
    claims = Claims.open(data.resolve("claims.jsonl"), Instant.EPOCH);
    desk =
        new TaskDesk(
            api,
            sift.config().router(),
            directory,
            new dev.sift.bot.access.Access(directory, (id, name) -> false),
            new PermalinkCache("https://northwind.slack.com/"),
            false,
            null,
            new CorrectionLog(data.resolve("corrections.jsonl")),
            sift.learning(),
            claims,
            clock);
    pipeline = sift.livePipeline(desk);
    desk.attach(pipeline);
    scheduler =
        new Scheduler(
            clock,
            List.of(
                new SlaRoutine(
                    sift.config().sla(),
                    sift.items(),
                    desk,
                    claims,
                    sift.config().router(),
                    api,
                    directory)),
            Duration.ofSeconds(15));
  }

  /** An item with a card in #ops-triage, reported by {@link #AUTHOR}, owned by {@code owner}. */
  MessageKey card(Priority priority, String owner) {
    items++;
    String ts = "17727001" + String.format("%02d", items) + ".000100";
    Message m =
        new Message(
            FakeSlack.TEAM,
            SOURCE,
            "client-acme",
            ts,
            null,
            AUTHOR,
            "Ann",
            "The Acme portal is down <!channel> for everyone",
            null,
            false,
            false,
            List.of(),
            List.of());
    Verdict v = new Verdict("incident", priority, 0.9, 0.5, List.of("outage words"), "embedded");
    TriagedMessage item =
        TriagedMessage.newItem(m, v, null)
            .withTask(new Task(owner, CARDS, "1772709" + String.format("%03d", items) + ".000200"));
    sift.index().upsert(item);
    return item.key();
  }

  /** Moves the clock to {@code at} and runs one scheduler tick. */
  void tickAt(Instant at) {
    clock.set(at);
    scheduler.tick();
  }

  /** Replies Sift posted in the thread of {@code key}'s card. */
  List<FakeSlack.Call> replies(MessageKey key) {
    String cardTs = stored(key).task().cardTs();
    return slack.calls("chat.postMessage").stream()
        .filter(c -> cardTs.equals(c.param("thread_ts")))
        .toList();
  }

  TriagedMessage stored(MessageKey key) {
    return sift.index().find(key).orElseThrow();
  }

  @Override
  public void close() throws Exception {
    desk.close();
    claims.close();
    sift.close();
    slack.close();
  }
}

package dev.sift.bot.digest;

import com.slack.api.Slack;
import dev.sift.bot.access.Access;
import dev.sift.bot.schedule.Claims;
import dev.sift.bot.slack.Directory;
import dev.sift.bot.slack.FakeSlack;
import dev.sift.bot.slack.SlackApi;
import dev.sift.index.MessageIndex;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Scheduled digests wired as the live app wires them, against a fake Slack on MockWebServer, an
 * in-memory index and a claims file in a temp dir. {@link #restart} makes a new routine over the
 * same claims file, as a new process would.
 */
final class DigestRig implements AutoCloseable {
  static final String SUPPORT = "C0SUPPORT";
  static final String SECRET = "G0SECRET";
  static final String LEADS = "C0LEADS";

  final FakeSlack slack;
  final MessageIndex index = MessageIndex.inMemory();
  final Items items = new Items(index);
  final List<DigestSlack.Channel> monitored = new ArrayList<>();
  private final Path claimsFile;
  private final Slack sdk;
  private List<DigestSchedule> schedules;
  Claims claims;
  DigestRoutine routine;

  DigestRig(Path dir, List<DigestSchedule> schedules) throws Exception {
    this.slack = new FakeSlack();
    slack.channel(SUPPORT, "support", false).channel(SECRET, "secret", true);
    slack.channel(LEADS, "leads", false);
    slack.member(LEADS, "U0ANA").member(LEADS, "U0BEN");
    slack.member(SECRET, "U0ANA");
    monitored.add(new DigestSlack.Channel(SUPPORT, "support", false));
    monitored.add(new DigestSlack.Channel(SECRET, "secret", true));
    this.claimsFile = dir.resolve("claims.jsonl");
    this.sdk = Slack.getInstance(slack.config());
    this.schedules = schedules;
    restart(Instant.parse("2026-01-01T00:00:00Z"));
  }

  /** A new routine over the claims file as it is on disk: what a restart sees. */
  DigestRig restart(Instant now) {
    if (claims != null) {
      claims.close();
    }
    claims = Claims.open(claimsFile, now.minus(Duration.ofDays(35)));
    SlackApi api = new SlackApi(sdk.methods("xoxb-test"));
    DigestPoster poster =
        new DigestPoster(
            new DigestSlack(api),
            new ScheduledDigestComposer(index.items(), null),
            () -> List.copyOf(monitored),
            PostFormat.mrkdwn(id -> null, id -> id),
            new Access(new Directory(api), (id, name) -> false));
    routine = new DigestRoutine(schedules, claims, poster);
    return this;
  }

  /** A tick at {@code now}, with Slack's clock at the same time (post ts follow it). */
  void run(Instant now) {
    slack.timeIs(now);
    routine.runDue(now);
  }

  Path claimsFile() {
    return claimsFile;
  }

  List<FakeSlack.Call> posts() {
    return slack.calls("chat.postMessage");
  }

  @Override
  public void close() throws Exception {
    claims.close();
    index.close();
    slack.close();
    sdk.close();
  }
}

package dev.sift.bot.digest;

import dev.sift.bot.schedule.Claims;
import dev.sift.bot.schedule.Routine;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routine that posts scheduled digests: each slot of each schedule exactly once. A slot is
 * claimed in {@link Claims} before anything is posted and marked done with the posts made; a claim
 * left unfinished by a crash is settled from the destination's history, so a post made just before
 * the crash is recorded instead of repeated. After downtime only the latest missed slot is posted,
 * marked late; older ones are logged as skipped.
 */
public final class DigestRoutine implements Routine {
  private static final Logger log = LoggerFactory.getLogger(DigestRoutine.class);
  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

  /** A slot posted later than this after it fell due is marked late. */
  static final Duration GRACE = Duration.ofMinutes(5);

  /** Skipped slots named in the log; more are counted. */
  private static final int SKIPPED_NAMED = 5;

  private final List<DigestSchedule> schedules;
  private final Claims claims;
  private final DigestPoster poster;
  private final Set<String> started = new HashSet<>();

  /** Per schedule, a slot that was already past when Sift first ran it: never posted. */
  private final Map<String, Instant> beforeFirstRun = new HashMap<>();

  private final Posted posted;

  /**
   * Told of each slot once it is posted (or skipped as empty): the sinks' {@code digest.posted}.
   */
  @FunctionalInterface
  public interface Posted {
    void posted(DigestSchedule schedule, Instant slot, String detail, boolean late);
  }

  public DigestRoutine(List<DigestSchedule> schedules, Claims claims, DigestPoster poster) {
    this(schedules, claims, poster, (s, slot, detail, late) -> {});
  }

  public DigestRoutine(
      List<DigestSchedule> schedules, Claims claims, DigestPoster poster, Posted posted) {
    this.schedules = List.copyOf(schedules);
    this.claims = claims;
    this.poster = poster;
    this.posted = posted;
  }

  @Override
  public String name() {
    return "scheduled digests";
  }

  /**
   * Refuses schedules that would show a private channel to people outside it, before the first
   * slot; call once at start.
   *
   * @throws IllegalStateException naming the schedule and the channel
   */
  public void verify() {
    schedules.forEach(poster::verify);
  }

  @Override
  public void runDue(Instant now) {
    for (DigestSchedule s : schedules) {
      try {
        run(s, now);
      } catch (RuntimeException e) {
        // One schedule failing (Slack refusing a post) must not hold up the others.
        log.error("digest '{}' failed: {}", s.name(), e.toString(), e);
      }
    }
  }

  static String prefix(DigestSchedule s) {
    return "digest/" + s.name() + "/";
  }

  static String key(DigestSchedule s, Instant slot) {
    return prefix(s) + slot;
  }

  private void run(DigestSchedule s, Instant now) {
    Optional<Instant> due = s.slots().latest(now);
    boolean first = !started.contains(s.name());
    if (first) {
      settleOlder(s, due.orElse(null)); // when Slack cannot answer, the next tick tries again
      started.add(s.name());
    }
    if (due.isEmpty()) {
      return;
    }
    Instant slot = due.get();
    String key = key(s, slot);
    Optional<Claims.Claim> claim = claims.get(key);
    if (claim.isPresent() && claim.get().done()) {
      return;
    }
    boolean late = now.isAfter(slot.plus(GRACE));
    if (claim.isEmpty() && late && first && !caughtUp(s, slot)) {
      beforeFirstRun.put(s.name(), slot);
    }
    if (slot.equals(beforeFirstRun.get(s.name()))) {
      return;
    }
    String lateNote = null;
    if (late) {
      String at = HH_MM.format(slot.atZone(s.zone()));
      lateNote = first ? "Sift was down at " + at : "due at " + at;
    }
    // A claim already there was interrupted (a crash, a failed post): its posts may exist.
    boolean resume = claim.isPresent();
    if (!resume) {
      resume = !claims.claim(key, now);
      claim = claims.get(key);
      if (claim.isEmpty() || claim.get().done()) {
        return; // another replica is posting this slot (asked again next tick), or posted it
      }
      // resume: taken over from a replica that stopped mid-post; its posts may exist
    }
    PostResult result = poster.post(s, slot, lateNote, claim.get().claimedAt(), now, resume);
    claims.done(key, result.detail());
    log.info("digest '{}' for {}: {}", s.name(), slot, result.detail());
    posted.posted(s, slot, result.detail(), late);
  }

  /**
   * Whether Sift ran this schedule before (it has a claim for an earlier slot): only then is a slot
   * missed while down posted late. A new schedule starts with its next slot.
   */
  private boolean caughtUp(DigestSchedule s, Instant slot) {
    Optional<Claims.Claim> last = claims.latest(prefix(s));
    if (last.isEmpty()) {
      log.info(
          "digest '{}' is new: its first post will be at {}",
          s.name(),
          s.slots().next(slot).map(i -> i.atZone(s.zone()).toString()).orElse("never"));
      return false;
    }
    Instant lastSlot = Instant.parse(last.get().key().substring(prefix(s).length()));
    List<Instant> skipped = new ArrayList<>();
    int count = 0;
    for (Optional<Instant> n = s.slots().next(lastSlot);
        n.isPresent() && n.get().isBefore(slot);
        n = s.slots().next(n.get())) {
      if (count++ < SKIPPED_NAMED) {
        skipped.add(n.get());
      }
      if (count > 10_000) {
        break;
      }
    }
    if (count > 0) {
      log.warn(
          "digest '{}': {} slot(s) missed while Sift was down are skipped (only the latest, {}, is"
              + " posted): {}{}",
          s.name(),
          count,
          slot,
          skipped,
          count > SKIPPED_NAMED ? " …" : "");
    }
    return true;
  }

  /**
   * At start, claims of earlier slots left unfinished by a crash: recorded done if their post is in
   * the destination's history, else skipped, since a later slot has superseded them.
   */
  private void settleOlder(DigestSchedule s, Instant latest) {
    for (Claims.Claim c : claims.unfinished(prefix(s))) {
      Instant slot = Instant.parse(c.key().substring(prefix(s).length()));
      if (slot.equals(latest)) {
        continue; // the latest slot is settled, or finished, by the normal path
      }
      Optional<String> found = poster.find(s, slot, c.claimedAt());
      claims.done(c.key(), found.orElse("skipped: interrupted, superseded by a later slot"));
      log.warn("digest '{}' for {} was interrupted; {}", s.name(), slot, found.orElse("skipped"));
    }
  }

  /**
   * What posting a slot did.
   *
   * @param detail the posts made ({@code C123/1712345678.000100}, space separated) or why none was
   */
  public record PostResult(String detail) {}
}

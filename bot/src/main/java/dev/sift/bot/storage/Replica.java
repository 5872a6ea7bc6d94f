package dev.sift.bot.storage;

import dev.sift.index.Claims;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * This process among the Sift processes sharing one store: it claims once-only work (an event, a
 * digest slot, a reminder) in its own name, so of several replicas exactly one does each. With the
 * embedded index there is only ever one, and every claim is granted.
 */
public final class Replica {
  private final Claims claims;
  private final String id;
  private final Clock clock;

  public Replica(Claims claims, String id, Clock clock) {
    this.claims = claims;
    this.id = id;
    this.clock = clock;
  }

  /**
   * {@code SIFT_REPLICA_ID} when set, else this host's name and process id: unique among running
   * replicas, and a restarted one is a new claimant (its old claims run out with their lease).
   */
  public static String defaultId(Function<String, String> env) {
    String configured = env.apply("SIFT_REPLICA_ID");
    if (configured != null && !configured.isBlank()) {
      return configured.trim();
    }
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "localhost";
    }
    return host + "-" + ManagementFactory.getRuntimeMXBean().getPid();
  }

  public String id() {
    return id;
  }

  /**
   * Claims {@code work} for this replica; true when no other replica has it (or its lease ran out).
   */
  public boolean take(String work, Duration lease) {
    return claims.claim(work, id, clock.instant(), lease);
  }

  /**
   * Claims {@code work} for this replica as done at once; true when no replica claimed it before.
   */
  public boolean takeDone(String work) {
    return claims.claimDone(work, id, clock.instant());
  }

  /** Marks this replica's claim on {@code work} done: no replica does it again. */
  public void finished(String work) {
    claims.done(work, id);
  }

  /** Gives back this replica's claim on work that failed before doing anything. */
  public void giveBack(String work) {
    claims.release(work, id);
  }

  /** The claim on {@code work}, whoever holds it. */
  public Optional<Claims.Held> held(String work) {
    return claims.held(work);
  }

  /** Forgets claims under {@code prefix} older than {@code age}. */
  public void forgetOlderThan(String prefix, Duration age) {
    claims.forgetBefore(prefix, clock.instant().minus(age));
  }
}

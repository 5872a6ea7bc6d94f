package dev.sift.index;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Claims on work that must be done once however many Sift processes share a store: an event Slack
 * delivered twice, a digest slot, a reminder. A claim is held for a lease; work whose claimant died
 * before {@link #done} can be claimed again once the lease has run out, so a crash neither loses
 * the work nor lets two processes do it at once. {@code MessageStoreContract} holds every store to
 * this.
 */
public interface Claims {

  /**
   * A claim as stored.
   *
   * @param owner who holds it
   * @param at when it was claimed
   * @param done whether its work is finished
   */
  record Held(String owner, Instant at, boolean done) {}

  /**
   * Claims {@code name} for {@code owner} at {@code now}. True for exactly one claimant: the first,
   * or a later one once the holder's lease ran out without {@link #done}. A claim already done is
   * never granted again (until {@link #forgetBefore} removes it). The same owner claiming again
   * while its lease runs gets true, so a retry of its own work goes on.
   */
  boolean claim(String name, String owner, Instant now, Duration lease);

  /**
   * Claims {@code name} for {@code owner} already done, in one step: true only when no claim on it
   * existed. For work finished on the spot, such as taking in an event Slack may deliver to two
   * processes: one write to the store instead of a claim and a done, each read before written.
   */
  boolean claimDone(String name, String owner, Instant now);

  /** Marks {@code owner}'s claim done: nobody gets it again. A no-op when the claim is not its. */
  void done(String name, String owner);

  /**
   * Gives {@code owner}'s unfinished claim back (its work failed before doing anything), so anyone
   * may claim it at once. A no-op when the claim is not its or is done.
   */
  void release(String name, String owner);

  /** The claim on {@code name}, if there is one. */
  Optional<Held> held(String name);

  /**
   * Removes the claims whose name starts with {@code prefix} made before {@code cutoff}, so the
   * store does not keep every event id forever.
   */
  void forgetBefore(String prefix, Instant cutoff);
}

package dev.sift.index;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Claims held in memory, for the embedded index: only one process can open it, so the claims only
 * have to hold among its threads. They do not survive a restart; the work that needs that (digest
 * slots, reminders) keeps its own record in the data folder as well.
 */
final class LocalClaims implements Claims {
  private record Claim(String owner, Instant at, Duration lease, boolean done) {}

  private final Map<String, Claim> claims = new HashMap<>();

  @Override
  public synchronized boolean claim(String name, String owner, Instant now, Duration lease) {
    Claim held = claims.get(name);
    if (held != null
        && (held.done()
            || (!held.owner().equals(owner) && now.isBefore(held.at().plus(held.lease()))))) {
      return false;
    }
    claims.put(name, new Claim(owner, now, lease, false));
    return true;
  }

  @Override
  public synchronized boolean claimDone(String name, String owner, Instant now) {
    return claims.putIfAbsent(name, new Claim(owner, now, Duration.ZERO, true)) == null;
  }

  @Override
  public synchronized void done(String name, String owner) {
    Claim held = claims.get(name);
    if (held != null && held.owner().equals(owner)) {
      claims.put(name, new Claim(owner, held.at(), held.lease(), true));
    }
  }

  @Override
  public synchronized void release(String name, String owner) {
    Claim held = claims.get(name);
    if (held != null && held.owner().equals(owner) && !held.done()) {
      claims.remove(name);
    }
  }

  @Override
  public synchronized Optional<Held> held(String name) {
    return Optional.ofNullable(claims.get(name)).map(c -> new Held(c.owner(), c.at(), c.done()));
  }

  @Override
  public synchronized void forgetBefore(String prefix, Instant cutoff) {
    claims
        .entrySet()
        .removeIf(e -> e.getKey().startsWith(prefix) && e.getValue().at().isBefore(cutoff));
  }
}

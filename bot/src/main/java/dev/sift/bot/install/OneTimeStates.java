package dev.sift.bot.install;

import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.service.OAuthStateService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OAuth {@code state} parameters Sift has issued: each good for one redirect within ten
 * minutes, in the browser that started the install (Bolt's cookie check). A state is used up by the
 * first redirect that shows it, good or bad, so a replayed or leaked redirect URL is refused. Kept
 * in memory: an install interrupted by a restart is simply started again.
 */
public final class OneTimeStates implements OAuthStateService {
  static final Duration LIFETIME = Duration.ofMinutes(10);

  private final Clock clock;
  private final Map<String, Instant> issued = new ConcurrentHashMap<>();

  public OneTimeStates(Clock clock) {
    this.clock = clock;
  }

  @Override
  public long getExpirationInSeconds() {
    return LIFETIME.toSeconds();
  }

  @Override
  public void addNewStateToDatastore(String state) {
    Instant now = clock.instant();
    issued.values().removeIf(expiry -> expiry.isBefore(now)); // abandoned installs
    issued.put(state, now.plus(LIFETIME));
  }

  /**
   * Bolt's checks (a state in the query, the same one in the browser's cookie), then the state is
   * taken out whatever the outcome: single use even when the code exchange that follows fails.
   */
  @Override
  public boolean isValid(Request request) {
    String given = extractStateFromQueryString(request);
    if (given == null || given.isBlank()) {
      return false;
    }
    Instant expiry = issued.remove(given);
    boolean fresh = expiry != null && clock.instant().isBefore(expiry);
    return fresh && given.equals(extractStateFromSession(request));
  }

  @Override
  public boolean isAvailableInDatabase(String state) {
    Instant expiry = issued.get(state);
    return expiry != null && clock.instant().isBefore(expiry);
  }

  @Override
  public void deleteStateFromDatastore(String state) {
    if (state != null) {
      issued.remove(state);
    }
  }
}

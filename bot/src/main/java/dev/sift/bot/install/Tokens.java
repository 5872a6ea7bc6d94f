package dev.sift.bot.install;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each workspace's current bot token. A token that expires (token rotation on) is refreshed a while
 * before it does, and one refresh at a time per installation: Slack answers a refresh token once,
 * so two refreshes racing would leave one caller with a token Slack has already replaced. Callers
 * that arrive while a refresh runs wait for it and get its token; events, slash commands and
 * scheduled jobs all come through here.
 */
public final class Tokens {
  private static final Logger log = LoggerFactory.getLogger(Tokens.class);

  /** Refreshed this long before expiry: Slack's tokens live 12 hours. */
  public static final Duration AHEAD = Duration.ofMinutes(30);

  /** Exchanges a refresh token for a new token (oauth.v2.access, grant_type=refresh_token). */
  @FunctionalInterface
  public interface Refresher {
    Installation refresh(Installation expiring);
  }

  private final InstallationStore store;
  private final Refresher refresher;
  private final Clock clock;
  private final Map<String, CompletableFuture<Installation>> running = new ConcurrentHashMap<>();

  public Tokens(InstallationStore store, Refresher refresher, Clock clock) {
    this.store = store;
    this.refresher = refresher;
    this.clock = clock;
  }

  /** The installation serving the workspace, with a token good for a while yet; empty if none. */
  public Optional<Installation> current(String enterpriseId, String teamId) {
    Optional<Installation> found = store.find(enterpriseId, teamId);
    if (found.isEmpty() || !expiring(found.get())) {
      return found;
    }
    return Optional.of(refreshOnce(found.get()));
  }

  private boolean expiring(Installation i) {
    return i.refreshToken() != null
        && i.expiresAt() != null
        && !clock.instant().plus(AHEAD).isBefore(i.expiresAt());
  }

  private Installation refreshOnce(Installation stale) {
    CompletableFuture<Installation> mine = new CompletableFuture<>();
    CompletableFuture<Installation> other = running.putIfAbsent(stale.key(), mine);
    if (other != null) {
      try {
        return other.join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : e;
      }
    }
    try {
      // Read again: a refresh that finished just before this one began has stored a new token.
      Installation latest =
          store
              .find(stale.orgInstall() ? stale.enterpriseId() : null, stale.teamId())
              .orElseThrow(
                  () ->
                      new InstallStoreException(
                          "the installation " + stale.key() + " was deleted"));
      Installation fresh = expiring(latest) ? refresh(latest) : latest;
      mine.complete(fresh);
      return fresh;
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      running.remove(stale.key(), mine);
    }
  }

  private Installation refresh(Installation latest) {
    Installation fresh;
    try {
      fresh = refresher.refresh(latest);
    } catch (RuntimeException e) {
      if (clock.instant().isBefore(latest.expiresAt())) {
        // Still valid for a while: work goes on, and the next call tries again.
        log.warn("could not refresh the token of {} yet: {}", latest, e.getMessage());
        return latest;
      }
      throw e;
    }
    store.save(fresh);
    log.info("refreshed the bot token of {}", fresh);
    return fresh;
  }
}

package dev.sift.bot.install;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import dev.sift.bot.schedule.Routine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A workspace leaves: on {@code app_uninstalled}, or {@code tokens_revoked} naming the bot's token,
 * its installation (tokens) is deleted and its Web API stops at once; its documents and state are
 * deleted once the grace period ({@code install.forget_after}) has passed without a new install. As
 * a {@link Routine}, the scheduler asks it each tick whose time has come.
 */
public final class Uninstalls implements Routine {
  private static final Logger log = LoggerFactory.getLogger(Uninstalls.class);

  private final Workspaces workspaces;
  private final SealedInstallations installations;
  private final Farewells farewells;
  private final TeamData data;
  private final InstallEvents events;
  private final Duration grace;
  private final Clock clock;

  /**
   * @param installations the store of an OAuth app, or null with one bot token (which lives in the
   *     environment: nothing to delete, the Web API just stops)
   */
  public Uninstalls(
      Workspaces workspaces,
      SealedInstallations installations,
      Farewells farewells,
      TeamData data,
      InstallEvents events,
      Duration grace,
      Clock clock) {
    this.workspaces = workspaces;
    this.installations = installations;
    this.farewells = farewells;
    this.data = data;
    this.events = events;
    this.grace = grace;
    this.clock = clock;
  }

  /** Listens for both events on the app. */
  public void register(App app) {
    app.event(
        AppUninstalledEvent.class,
        (payload, ctx) -> {
          left(ctx, "app_uninstalled");
          return ctx.ack();
        });
    app.event(
        TokensRevokedEvent.class,
        (payload, ctx) -> {
          var tokens = payload.getEvent().getTokens();
          // Only user tokens revoked: Sift keeps none, and its bot token still works.
          if (tokens != null && tokens.getBot() != null && !tokens.getBot().isEmpty()) {
            left(ctx, "tokens_revoked");
          }
          return ctx.ack();
        });
  }

  private void left(EventContext ctx, String why) {
    String team = ctx.getTeamId();
    log.warn("{} in {}: its tokens are deleted, its data in {}", why, team, grace);
    if (installations != null) {
      installations.deleteAll(ctx.getEnterpriseId(), ctx.isEnterpriseInstall() ? null : team);
    }
    workspaces.remove(team);
    farewells.schedule(team, clock.instant().plus(grace));
    events.uninstalled(team, why);
  }

  @Override
  public String name() {
    return "forget uninstalled workspaces";
  }

  @Override
  public void runDue(Instant now) {
    for (String team : farewells.dueBy(now)) {
      data.forget(team);
      farewells.done(team);
      events.forgotten(team);
      log.info("deleted the data of {}, uninstalled more than {} ago", team, grace);
    }
  }
}

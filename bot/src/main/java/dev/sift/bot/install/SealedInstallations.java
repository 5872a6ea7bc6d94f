package dev.sift.bot.install;

import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.model.builtin.DefaultBot;
import com.slack.api.bolt.model.builtin.DefaultInstaller;
import com.slack.api.bolt.service.InstallationService;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bolt's {@link InstallationService} on Sift's sealed {@link InstallationStore}: Bolt's OAuth
 * callback saves here, and its authorization looks each request's workspace up here. Only the bot
 * token is kept: Sift asks for no user scopes, so an installer's user token (if Slack sends one) is
 * dropped rather than stored.
 */
public final class SealedInstallations implements InstallationService {
  private static final Logger log = LoggerFactory.getLogger(SealedInstallations.class);

  private final InstallationStore store;
  private final Tokens tokens;
  private final InstallEvents events;
  private final Farewells farewells;

  /**
   * @param farewells workspaces whose data is to be deleted: an install in time cancels that
   */
  public SealedInstallations(
      InstallationStore store, Tokens tokens, InstallEvents events, Farewells farewells) {
    this.store = store;
    this.tokens = tokens;
    this.events = events;
    this.farewells = farewells;
  }

  @Override
  public boolean isHistoricalDataEnabled() {
    return false;
  }

  @Override
  public void setHistoricalDataEnabled(boolean enabled) {
    if (enabled) {
      throw new UnsupportedOperationException("Sift keeps the latest installation only");
    }
  }

  @Override
  public void saveInstallerAndBot(Installer i) {
    // Names are on Bolt's own installer only, not on the interface.
    DefaultInstaller named = i instanceof DefaultInstaller d ? d : new DefaultInstaller();
    Installation installation =
        new Installation(
            i.getEnterpriseId(),
            named.getEnterpriseName(),
            Boolean.TRUE.equals(i.getIsEnterpriseInstall()) ? null : i.getTeamId(),
            named.getTeamName(),
            Boolean.TRUE.equals(i.getIsEnterpriseInstall()),
            i.getAppId(),
            i.getBotId(),
            i.getBotUserId(),
            i.getBotScope(),
            i.getBotAccessToken(),
            i.getBotRefreshToken(),
            i.getBotTokenExpiresAt() == null
                ? null
                : Instant.ofEpochMilli(i.getBotTokenExpiresAt()),
            i.getInstalledAt() == null ? Instant.now() : Instant.ofEpochMilli(i.getInstalledAt()));
    store.save(installation);
    log.info("installed: {}", installation);
    if (installation.teamId() != null && farewells.cancel(installation.teamId())) {
      log.info("{} installed Sift again within the grace period: its data is kept", installation);
    }
    events.installed(installation);
  }

  /** Only Bolt's own token rotation calls this, and Sift refreshes tokens itself: see below. */
  @Override
  public void saveBot(Bot bot) {
    log.debug("ignored Bolt's saveBot for {}: tokens are refreshed by Sift", bot.getTeamId());
  }

  @Override
  public void deleteBot(Bot bot) {
    deleteAll(
        bot.getEnterpriseId(),
        Boolean.TRUE.equals(bot.getIsEnterpriseInstall()) ? null : bot.getTeamId());
  }

  @Override
  public void deleteInstaller(Installer installer) {
    deleteAll(
        installer.getEnterpriseId(),
        Boolean.TRUE.equals(installer.getIsEnterpriseInstall()) ? null : installer.getTeamId());
  }

  @Override
  public void deleteAll(String enterpriseId, String teamId) {
    if (store.delete(enterpriseId, teamId)) {
      log.info("deleted the installation of {}", teamId != null ? teamId : enterpriseId);
    }
  }

  /**
   * The workspace's bot, its token refreshed first when it is about to expire (one refresh at a
   * time, see {@link Tokens}). Bolt gets no refresh token, so its own rotation, which has no such
   * guard, never starts.
   */
  @Override
  public Bot findBot(String enterpriseId, String teamId) {
    return tokens.current(enterpriseId, teamId).map(SealedInstallations::bot).orElse(null);
  }

  /** No user tokens are kept (see the class comment). */
  @Override
  public Installer findInstaller(String enterpriseId, String teamId, String userId) {
    return null;
  }

  private static Bot bot(Installation i) {
    DefaultBot bot = new QuietBot();
    bot.setAppId(i.appId());
    bot.setEnterpriseId(i.enterpriseId());
    bot.setEnterpriseName(i.enterpriseName());
    bot.setTeamId(i.teamId());
    bot.setTeamName(i.teamName());
    bot.setIsEnterpriseInstall(i.orgInstall());
    bot.setScope(i.scope());
    bot.setBotScope(i.scope());
    bot.setBotId(i.botId());
    bot.setBotUserId(i.botUserId());
    bot.setBotAccessToken(i.botToken());
    bot.setBotTokenExpiresAt(i.expiresAt() == null ? null : i.expiresAt().toEpochMilli());
    bot.setInstalledAt(i.installedAt() == null ? null : i.installedAt().toEpochMilli());
    return bot;
  }

  /** Bolt's bot, whose generated toString would print the token. */
  private static final class QuietBot extends DefaultBot {
    @Override
    public String toString() {
      return "Bot[" + (getTeamId() != null ? getTeamId() : getEnterpriseId()) + "]";
    }

    @Override
    public boolean equals(Object o) {
      return super.equals(o);
    }

    @Override
    public int hashCode() {
      return super.hashCode();
    }
  }
}

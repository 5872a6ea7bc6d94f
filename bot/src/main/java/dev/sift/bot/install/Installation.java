package dev.sift.bot.install;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.Objects;

/**
 * Sift installed in one workspace, or in a whole Enterprise Grid org: who it belongs to and its bot
 * token. {@link #toString()} leaves the tokens out, so an installation can be logged.
 *
 * @param enterpriseId the Enterprise Grid org, or null for a stand-alone workspace
 * @param teamId the workspace, or null for an org-wide install
 * @param orgInstall whether Sift was installed for the whole org ({@code is_enterprise_install})
 * @param botToken {@code xoxb-…}
 * @param refreshToken {@code xoxe-1-…} when token rotation is on, else null
 * @param expiresAt when {@code botToken} expires, or null when it does not
 */
public record Installation(
    String enterpriseId,
    String enterpriseName,
    String teamId,
    String teamName,
    boolean orgInstall,
    String appId,
    String botId,
    String botUserId,
    String scope,
    String botToken,
    String refreshToken,
    Instant expiresAt,
    Instant installedAt) {

  public Installation {
    if (orgInstall) {
      Objects.requireNonNull(enterpriseId, "an org install needs its enterprise id");
    } else {
      Objects.requireNonNull(teamId, "a workspace install needs its team id");
    }
    Objects.requireNonNull(botToken, "botToken");
  }

  /**
   * The name of the record: one per workspace, one per org install. Ids are Slack's ({@code T…},
   * {@code E…}), letters and digits only, so they are safe in a file name.
   */
  @JsonIgnore
  public String key() {
    return key(orgInstall ? enterpriseId : null, orgInstall ? null : teamId);
  }

  static String key(String orgEnterpriseId, String teamId) {
    String name = orgEnterpriseId != null ? "org-" + orgEnterpriseId : "team-" + teamId;
    if (!name.matches("[A-Za-z0-9-]+")) {
      throw new IllegalArgumentException("not a Slack id: " + name);
    }
    return name;
  }

  /** The same installation with a refreshed token. */
  public Installation withToken(String botToken, String refreshToken, Instant expiresAt) {
    return new Installation(
        enterpriseId,
        enterpriseName,
        teamId,
        teamName,
        orgInstall,
        appId,
        botId,
        botUserId,
        scope,
        botToken,
        refreshToken,
        expiresAt,
        installedAt);
  }

  @Override
  public String toString() {
    return "Installation["
        + (orgInstall ? "org " + enterpriseId : "team " + teamId)
        + (enterpriseId != null && !orgInstall ? " of " + enterpriseId : "")
        + ", bot "
        + botUserId
        + (expiresAt != null ? ", token expires " + expiresAt : "")
        + "]";
  }
}

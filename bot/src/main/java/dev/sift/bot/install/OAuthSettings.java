package dev.sift.bot.install;

import java.time.Duration;
import java.util.Map;

/**
 * Sift installed by OAuth in any number of workspaces rather than with one bot token: the app's
 * client id and secret (from the environment, like every secret) and the {@code install:} section
 * of sift.yml.
 *
 * @param redirectUri the public {@code https://…/slack/oauth_redirect} registered with Slack, or
 *     null to let Slack use the app's only one
 * @param scopes the bot scopes asked for, comma-separated
 * @param forgetAfter how long after an uninstall the workspace's documents and state are deleted
 */
public record OAuthSettings(
    String clientId, String clientSecret, String redirectUri, String scopes, Duration forgetAfter) {
  public static final String CLIENT_ID_ENV = "SLACK_CLIENT_ID";
  public static final String CLIENT_SECRET_ENV = "SLACK_CLIENT_SECRET";

  /** What the manifest asks for: see manifest.yml's oauth_config. */
  public static final String DEFAULT_SCOPES =
      "channels:history,groups:history,channels:read,groups:read,channels:join,chat:write,"
          + "reactions:write,reactions:read,users:read,usergroups:read,im:write,im:history,"
          + "commands,app_mentions:read";

  public static final Duration DEFAULT_FORGET_AFTER = Duration.ofDays(30);

  public OAuthSettings {
    if (clientId == null || clientId.isBlank() || clientSecret == null || clientSecret.isBlank()) {
      throw new IllegalArgumentException(
          "OAuth installation needs both "
              + CLIENT_ID_ENV
              + " and "
              + CLIENT_SECRET_ENV
              + " (the app's Basic Information page)");
    }
    scopes = scopes == null || scopes.isBlank() ? DEFAULT_SCOPES : scopes.replace(" ", "");
    forgetAfter = forgetAfter == null ? DEFAULT_FORGET_AFTER : forgetAfter;
    if (forgetAfter.isNegative()) {
      throw new IllegalArgumentException("install.forget_after must not be negative");
    }
    if (redirectUri != null
        && !redirectUri.startsWith("https://")
        && !redirectUri.startsWith("http://")) {
      throw new IllegalArgumentException(
          "install.redirect_uri must be a URL such as https://sift.example.com/slack/oauth_redirect");
    }
  }

  /**
   * The settings when {@code SLACK_CLIENT_ID} is set (OAuth mode), else null (one workspace, one
   * bot token).
   */
  public static OAuthSettings fromEnv(
      Map<String, String> env, String redirectUri, String scopes, Duration forgetAfter) {
    String id = env.get(CLIENT_ID_ENV);
    String secret = env.get(CLIENT_SECRET_ENV);
    if ((id == null || id.isBlank()) && (secret == null || secret.isBlank())) {
      return null;
    }
    return new OAuthSettings(id, secret, redirectUri, scopes, forgetAfter);
  }

  @Override
  public String toString() {
    return "OAuthSettings[client " + clientId + ", scopes " + scopes + "]";
  }
}

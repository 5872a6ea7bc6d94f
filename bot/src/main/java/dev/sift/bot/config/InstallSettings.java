package dev.sift.bot.config;

import java.time.Duration;

/**
 * How Sift is installed by OAuth in several workspaces ({@code install:} in sift.yml); used only
 * when {@code SLACK_CLIENT_ID} and {@code SLACK_CLIENT_SECRET} are set.
 *
 * @param redirectUri the public URL of {@code /slack/oauth_redirect}, as registered with Slack, or
 *     null for the app's only one
 * @param scopes bot scopes to ask for, comma-separated, or null for the manifest's
 * @param forgetAfter how long after a workspace uninstalls Sift its documents and state are deleted
 */
public record InstallSettings(String redirectUri, String scopes, Duration forgetAfter) {
  public static final InstallSettings DEFAULTS =
      new InstallSettings(null, null, Duration.ofDays(30));

  public InstallSettings {
    forgetAfter = forgetAfter == null ? Duration.ofDays(30) : forgetAfter;
    if (forgetAfter.isNegative()) {
      throw new IllegalArgumentException("install.forget_after must not be negative");
    }
  }
}

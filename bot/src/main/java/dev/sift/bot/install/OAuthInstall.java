package dev.sift.bot.install;

import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.service.InstallationService;
import com.slack.api.bolt.service.OAuthStateService;

/**
 * Turns Sift's Bolt app into one that installs by OAuth: {@code GET /slack/install} sends the
 * installer to Slack with a fresh state, and {@code GET /slack/oauth_redirect} checks the state,
 * exchanges the code ({@code oauth.v2.access}) and stores the installation. Everything past the
 * state check is Bolt's own flow.
 */
public final class OAuthInstall {
  public static final String INSTALL_PATH = "/slack/install";
  public static final String REDIRECT_PATH = "/slack/oauth_redirect";

  private OAuthInstall() {}

  /** The app's config for OAuth: client, scopes and Sift's two paths. */
  public static AppConfig.AppConfigBuilder configure(
      AppConfig.AppConfigBuilder config, OAuthSettings settings) {
    return config
        .singleTeamBotToken(null)
        .clientId(settings.clientId())
        .clientSecret(settings.clientSecret())
        .scope(settings.scopes())
        .userScope(null) // no user tokens: nothing Sift does acts as a person
        .redirectUri(settings.redirectUri())
        .appPath("/slack/")
        .oauthInstallPath("install")
        .oauthRedirectUriPath("oauth_redirect")
        .stateValidationEnabled(true)
        // Straight to Slack's consent screen: Bolt's page would only add a button to click.
        .oAuthInstallPageRenderingEnabled(false)
        // Bolt checks each request's token with auth.test; once in ten minutes is enough.
        .authTestCacheEnabled(true);
  }

  /** Plugs the store and the states into the app and opens the two paths. */
  public static void attach(App app, InstallationService installations, OAuthStateService states) {
    app.service(states);
    app.service(installations);
    app.asOAuthApp(true);
    app.oauthCallbackStateError(
        (request, response) -> {
          // Bolt's default answers 200 with a failure page; a refusal should look like one.
          response.setStatusCode(400);
          response.setContentType("text/html; charset=utf-8");
          response.setBody(
              "<html><body><h1>This install link is no longer valid</h1><p>It expired, was"
                  + " already used, or was opened in another browser. <a href=\""
                  + INSTALL_PATH
                  + "\">Start the installation again</a>.</p></body></html>");
          return response;
        });
  }
}

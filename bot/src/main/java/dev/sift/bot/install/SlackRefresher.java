package dev.sift.bot.install;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.oauth.OAuthV2AccessResponse;
import java.io.IOException;
import java.time.Clock;

/**
 * The refresh itself: {@code oauth.v2.access} with {@code grant_type=refresh_token}, answered with
 * a new bot token, a new refresh token and how long the token lives. Errors name Slack's error
 * code, never a token.
 */
public final class SlackRefresher implements Tokens.Refresher {
  private final MethodsClient slack;
  private final OAuthSettings settings;
  private final Clock clock;

  /**
   * @param slack a client with no token (the client id and secret authenticate the call)
   */
  public SlackRefresher(MethodsClient slack, OAuthSettings settings, Clock clock) {
    this.slack = slack;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public Installation refresh(Installation expiring) {
    OAuthV2AccessResponse r;
    try {
      r =
          slack.oauthV2Access(
              q ->
                  q.clientId(settings.clientId())
                      .clientSecret(settings.clientSecret())
                      .grantType("refresh_token")
                      .refreshToken(expiring.refreshToken()));
    } catch (IOException e) {
      throw new IllegalStateException("oauth.v2.access failed: network: " + e.getMessage(), e);
    } catch (SlackApiException e) {
      throw new IllegalStateException(
          "oauth.v2.access failed: HTTP " + e.getResponse().code(), null);
    }
    if (!r.isOk() || r.getAccessToken() == null) {
      throw new IllegalStateException(
          "oauth.v2.access refused to refresh the token of "
              + expiring.key()
              + ": "
              + (r.getError() != null ? r.getError() : "no token in the answer"));
    }
    return expiring.withToken(
        r.getAccessToken(),
        r.getRefreshToken() != null ? r.getRefreshToken() : expiring.refreshToken(),
        r.getExpiresIn() == null ? null : clock.instant().plusSeconds(r.getExpiresIn()));
  }
}

package dev.sift.bot.slack;

/** A Slack Web API call that failed for good: Slack said no, or kept rate limiting us. */
public final class SlackCallException extends RuntimeException {
  /** Slack's answers that mean the token is wrong, not that Slack is away. */
  public static final java.util.Set<String> REFUSED_TOKEN =
      java.util.Set.of(
          "invalid_auth",
          "not_authed",
          "account_inactive",
          "token_revoked",
          "token_expired",
          "not_allowed_token_type");

  private final String method;
  private final String error;

  public SlackCallException(String method, String error, Throwable cause) {
    super(method + " failed: " + error, cause);
    this.method = method;
    this.error = error;
  }

  public String method() {
    return method;
  }

  /** Slack's error code, e.g. {@code channel_not_found}, or an HTTP status. */
  public String error() {
    return error;
  }
}

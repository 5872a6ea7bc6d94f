package dev.sift.bot.slack;

/** A Slack Web API call that failed for good: Slack said no, or kept rate limiting us. */
public final class SlackCallException extends RuntimeException {
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

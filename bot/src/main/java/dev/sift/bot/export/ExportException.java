package dev.sift.bot.export;

/** A Slack export that cannot be read at all: missing, not a zip or folder, or not an export. */
public final class ExportException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ExportException(String message) {
    super(message);
  }

  public ExportException(String message, Throwable cause) {
    super(message, cause);
  }
}

package dev.sift.bot.install;

/**
 * The installation store cannot be used as it is: a missing or wrong key, a record sealed with an
 * unknown key, a record altered on disk. The message says which and what to do; it never holds a
 * token.
 */
public final class InstallStoreException extends RuntimeException {
  public InstallStoreException(String message) {
    super(message);
  }

  public InstallStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}

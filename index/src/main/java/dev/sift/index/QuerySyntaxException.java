package dev.sift.index;

/** A search query the user typed that cannot be understood; the message says what and why. */
public class QuerySyntaxException extends IllegalArgumentException {
  public QuerySyntaxException(String message) {
    super(message);
  }
}

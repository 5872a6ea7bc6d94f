package dev.sift.triage.taxonomy;

/** A taxonomy file that cannot be used; the message names the file, the line and the fix. */
public class TaxonomyException extends RuntimeException {
  public TaxonomyException(String message) {
    super(message);
  }

  public TaxonomyException(String message, Throwable cause) {
    super(message, cause);
  }
}

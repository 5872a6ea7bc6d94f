package dev.sift.triage.llm;

import java.time.Duration;

/**
 * An error from a provider that says when to try again (HTTP {@code Retry-After}); the HTTP client
 * the app gives the models throws one, and the retry loop finds it among an exception's causes.
 */
public interface RetryAfter {
  Duration retryAfter();
}

/**
 * Replacing personal data and secrets in message text by placeholders before the text leaves the
 * process for an LLM provider, and mapping the placeholders back inside the process for display.
 *
 * <p>{@link dev.sift.triage.redact.Redactor} finds the values, {@link
 * dev.sift.triage.redact.Redacted} holds the redacted text with its originals and restores them,
 * and {@link dev.sift.triage.redact.InvisibleText} removes characters that hide text from people
 * but not from models. All matching uses RE2/J, so it stays linear in the text length whatever
 * users paste.
 */
package dev.sift.triage.redact;

package dev.sift.triage.llm;

/**
 * One message as the LLM sees it: already redacted and stripped of invisible characters.
 *
 * @param id a short id the answer refers back to ("1", "2", ...)
 * @param channel the channel's name
 * @param author the author's name, or null
 * @param text the redacted text
 */
public record PromptItem(String id, String channel, String author, String text) {}

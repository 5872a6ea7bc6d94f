package dev.sift.index;

import dev.sift.triage.item.TriagedMessage;

/**
 * One search result.
 *
 * @param snippet the text around the matched words, matches wrapped in {@code *}, or the start of
 *     the message when it matched by meaning only
 * @param semantic true when the message was found by meaning, not by its words
 */
public record SearchHit(TriagedMessage message, String snippet, double score, boolean semantic) {}

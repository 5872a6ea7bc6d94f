package dev.sift.bot.feedback;

import dev.sift.triage.verdict.Priority;
import java.time.Instant;

/**
 * A person's verdict on a message the classifier got wrong: it overrides the stored verdict and
 * becomes a labelled example.
 *
 * @param messageId the corrected message's key id (team/channel/ts)
 * @param text the message text the example is learnt from
 * @param category the right category
 * @param priority the right priority
 * @param note why, in the corrector's words (may be empty)
 * @param by the user id of who corrected it
 * @param at when
 */
public record Correction(
    String messageId,
    String text,
    String category,
    Priority priority,
    String note,
    String by,
    Instant at) {}

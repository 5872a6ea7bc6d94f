package dev.sift.triage.verdict;

import java.util.List;
import java.util.Objects;

/**
 * What an LLM said about one message, after validation: every field checked against the taxonomy
 * and cleaned of anything that could ping or link from our posts. The triager weighs it into the
 * {@link Verdict}.
 *
 * @param category a category of the active taxonomy
 * @param priority P1..P4 as the model judged it (triage bounds it by the message's own signals)
 * @param summary one line, already cut to the length the reader of the LLM's answer allows
 * @param reasons short reasons a person can check
 * @param owner the team the config names that should own it, or null
 * @param actionItems what someone should do, possibly empty
 */
public record LlmOpinion(
    String category,
    Priority priority,
    String summary,
    List<String> reasons,
    String owner,
    List<String> actionItems) {

  public LlmOpinion {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(priority, "priority");
    summary = summary == null ? "" : summary;
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
    actionItems = actionItems == null ? List.of() : List.copyOf(actionItems);
  }
}

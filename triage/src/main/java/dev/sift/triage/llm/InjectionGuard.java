package dev.sift.triage.llm;

import com.google.re2j.Pattern;
import dev.sift.triage.redact.InvisibleText;

/**
 * Spots message text that addresses the triage model instead of colleagues ("ignore previous
 * instructions", "mark this P1", "you are now…"). Such a message keeps the embedded verdict: its
 * own words decide, not its instructions. Matching is RE2 (linear time on any input).
 */
public final class InjectionGuard {
  private static final Pattern INSTRUCTIONS =
      Pattern.compile(
          "(?i)("
              + "\\b(ignore|disregard|forget|override|bypass)\\b.{0,40}\\b(instruction|instructions|prompt|rules|guidelines|above|previous|prior|system)\\b"
              + "|\\b(system|developer)\\s*(prompt|message|instructions?)\\s*[:=]"
              + "|\\byou are (now|no longer)\\b"
              + "|\\bact as\\b.{0,30}\\b(assistant|model|ai|admin|system|triage)\\b"
              + "|\\b(mark|set|classify|label|tag|flag|triage|rate|treat|escalate)\\b.{0,30}\\b(this|it|message|ticket|me)\\b.{0,30}\\b(as\\s+)?(p[1-4]|priority\\s*[1-4]|critical|urgent|incident|highest priority|top priority)\\b"
              + "|\\b(new|updated|real)\\s+instructions?\\b"
              + "|\\b(respond|reply|answer|output)\\s+(only\\s+)?(with|in)\\b.{0,30}\\b(json|p1|category|priority)\\b"
              + "|\\bas an ai\\b|\\blanguage model\\b|\\b(llm|gpt|claude|chatgpt)\\b.{0,40}\\b(must|should|will|shall)\\b"
              + "|<\\s*/?\\s*(message|messages|system|instructions?)\\s*>"
              + "|\\[\\s*(system|inst)\\s*\\]"
              + ")",
          Pattern.DOTALL);

  private InjectionGuard() {}

  /** True when the text tries to instruct the model. */
  public static boolean looksLikeInjection(String text) {
    return text != null && INSTRUCTIONS.matcher(InvisibleText.strip(text)).find();
  }
}

package dev.sift.triage.priority;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;

/**
 * Words and markers in a message that make it more urgent than its category alone says. RE2/J keeps
 * matching linear in the message length, whatever users paste.
 */
final class Signals {
  private static final int FLAGS = Pattern.CASE_INSENSITIVE;

  static final Pattern OUTAGE =
      Pattern.compile(
          "\\b(down|outage|offline|unreachable|502|503|504|500s?|5xx|not loading|won'?t load"
              + "|can'?t (log|sign) ?in|cannot (log|sign) ?in|unable to (log|sign) ?in|timing out"
              + "|times out|crash(ed|ing)?|broken for (all|every)|sev ?[01]|p1|paged|pager)\\b",
          FLAGS);
  static final Pattern SECURITY =
      Pattern.compile(
          "\\b(breach|breached|leak(ed)?|phish(ing)?|compromised|ransomware|malware"
              + "|exposed (key|credential|secret|token)s?|unauthori[sz]ed access|security incident"
              + "|hacked)\\b",
          FLAGS);
  static final Pattern DATA_LOSS =
      Pattern.compile(
          "\\b(data loss|lost (all|the|our) data|deleted (all|the)|corrupt(ed|ion)?|wiped"
              + "|missing (records|data|invoices|payments)|double[- ]charged)\\b",
          FLAGS);
  static final Pattern BROADCAST = Pattern.compile("(^|\\s)@(here|channel|everyone)\\b", FLAGS);
  static final Pattern DEADLINE =
      Pattern.compile(
          "\\b(asap|urgent(ly)?|eod|end of (the )?day|cob|today|tonight|tomorrow|right away"
              + "|immediately|by (mon|tue|wed|thu|fri|sat|sun)[a-z]*|by (noon|morning|tonight)"
              + "|deadline|due (today|tomorrow|by)"
              + "|(by|before|due) (the )?\\d{1,2}(st|nd|rd|th)?\\b"
              + "|(by|before|due) (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \\d{1,2}"
              + "|(by|before|due) \\d{4}-\\d{2}-\\d{2})\\b",
          FLAGS);

  private Signals() {}

  /** The first match of {@code pattern} in {@code text}, quoted for a reason, or null. */
  static String quoted(Pattern pattern, String text) {
    com.google.re2j.Matcher m = pattern.matcher(text);
    return m.find() ? "'" + m.group().trim() + "'" : null;
  }

  /** Every severity signal of a text as reasons, most serious first. */
  static List<String> severe(String text) {
    List<String> reasons = new ArrayList<>();
    String s = quoted(SECURITY, text);
    if (s != null) {
      reasons.add("security words (" + s + ")");
    }
    s = quoted(DATA_LOSS, text);
    if (s != null) {
      reasons.add("data-loss words (" + s + ")");
    }
    s = quoted(OUTAGE, text);
    if (s != null) {
      reasons.add("outage words (" + s + ")");
    }
    return reasons;
  }
}

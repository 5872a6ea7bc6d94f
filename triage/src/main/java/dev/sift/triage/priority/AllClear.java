package dev.sift.triage.priority;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.Optional;

/**
 * A message saying a problem is over: a monitoring recovery ({@code [Recovered]}, {@code
 * [RESOLVED]}, Datadog "Recovered:", PagerDuty "Resolved #42") or a person's all-clear ("resolved",
 * "back up", "working again", "fine now").
 *
 * <p>This is the one place callers ask whether a message is an all-clear: the prioritiser never
 * raises one, and the item it answers can be marked recovering or resolved. A person's words count
 * only when said now and as fact: not quoted or pasted, not asked ("is it back up?"), not denied
 * ("not resolved yet"), not supposed ("once it's back up"), and not taken back in the same message
 * ("resolved, but still failing for Acme").
 *
 * @param words the words that say so, quoted from the text, e.g. {@code [Recovered]} or {@code back
 *     up}
 * @param alert the monitoring alert that recovered, when a tool said so; null for a person's words
 */
public record AllClear(String words, Alert alert) {
  private static final Pattern SAID =
      Pattern.compile(
          "\\b(resolved|recovered|all clear|all-clear|back to normal|back online"
              + "|(is|are|was|were|been|it's|its|we're|came|come|coming|all|now) back up"
              + "|back up (now|again|and running)|up and running again|fine now|(all )?good now"
              + "|working again|works again|(is|are|been|has been|have been) fixed|fixed now"
              + "|mitigated|no longer (down|failing|broken|an issue|happening)|closing this)\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern TAKEN_BACK =
      Pattern.compile(
          "\\b((down|failing|broken|crashing|erroring|timing out|firing) again"
              + "|still (down|failing|broken|crashing|erroring|seeing|getting|timing out|happening"
              + "|can'?t|cannot|unable|not)|re-?opened|regress(ed|ion)|not (fully|yet|quite))\\b",
          Pattern.CASE_INSENSITIVE);

  /** The all-clear in a message's text, if it is one. */
  public static Optional<AllClear> in(String text) {
    Optional<Alert> alert = Alert.in(text);
    if (alert.isPresent()) {
      Alert a = alert.get();
      return a.state() == Alert.State.RECOVERED
          ? Optional.of(new AllClear(a.marker(), a))
          : Optional.empty(); // a firing alert that mentions "recovered" is still firing
    }
    ChatText chat = ChatText.of(text);
    if (TAKEN_BACK.matcher(chat.live()).find()) {
      return Optional.empty();
    }
    Matcher m = SAID.matcher(chat.live());
    while (m.find()) {
      if (chat.asserted(m.start())) {
        return Optional.of(new AllClear(text.substring(m.start(), m.end()), null));
      }
    }
    return Optional.empty();
  }
}

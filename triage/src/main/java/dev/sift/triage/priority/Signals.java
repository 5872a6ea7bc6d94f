package dev.sift.triage.priority;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;

/**
 * Words and markers in a message that make it more urgent than its category alone says, looked for
 * only in what the author says now ({@link ChatText#live()}) and only where it is stated as fact.
 * RE2/J keeps matching linear in the message length, whatever users paste.
 */
final class Signals {
  private static final int FLAGS = Pattern.CASE_INSENSITIVE;

  // "down" only as a state ("is down", "down for everyone"), never "shut down", "narrow it down".
  private static final String DOWN =
      "(\\b(is|are|was|were|been|be|being|'s|’s|went|goes|going|gone|seems|looks|still|completely"
          + "|totally|entirely|fully|prod|production|site|server|service|api|portal|app|website|db"
          + "|database|vpn|email|network|internet|wifi|everything) down\\b"
          + "|\\bdown for (everyone|everybody|all|me|us|anyone|all of us)\\b)";
  // An HTTP 5xx only where it reads as a status ("getting 502s", "HTTP 500", "503 errors"),
  // never a duration, a size or a count ("500ms", "500 users").
  private static final String HTTP_5XX =
      "(\\b5xx\\b|\\b5\\d\\ds\\b"
          + "|\\b(http|status|error|code|got|getting|get|gets|seeing|returns|returning|returned"
          + "|throwing|throws|serving|with|all|lots of|bunch of) (an? )?5\\d\\d(?:[^\\w.,]|[.,](?:\\s|$)|$)"
          + "|\\b5\\d\\d (errors?|responses?|bad gateway|service unavailable|gateway time-?out"
          + "|internal server error|status)\\b)";
  static final Pattern OUTAGE =
      Pattern.compile(
          DOWN
              + "|"
              + HTTP_5XX
              + "|\\b(outage|offline|unreachable"
              + "|can'?t (log|sign) ?in|cannot (log|sign) ?in|unable to (log|sign) ?in"
              + "|broken for (all|every)|sev ?[01]|p1|paged)\\b",
          FLAGS);
  // A crash, a time-out or a page that won't load is everyday trouble on one machine ("Firefox
  // keeps crashing", "smbmount times out"); it is an outage only where the sentence names
  // something shared or many people.
  static final Pattern FAILING =
      Pattern.compile(
          "\\b(crash(ed|es|ing)?|timing out|times out|timed out|not loading|won'?t load)\\b",
          FLAGS);
  // The shared thing is what fails, so it comes before the word ("the api is timing out", not
  // "the browser crashes on this website"); many people can be named anywhere.
  private static final Pattern SHARED_THING =
      Pattern.compile(
          "\\b(prod|production|live|servers?|services?|site|website|api|apis|backend|database|db"
              + "|cluster|nodes?|pods?|portal|checkout|payments?|gateway|workers?|queue|login)\\b",
          FLAGS);
  private static final Pattern MANY_PEOPLE =
      Pattern.compile(
          "\\b(everyone|everybody|all users|every user|customers?|clients?|users)\\b", FLAGS);
  private static final Pattern LOCAL =
      Pattern.compile(
          "\\b(for me|on my|my (own )?(machine|laptop|computer|pc|box|desktop))\\b", FLAGS);
  static final Pattern SECURITY =
      Pattern.compile(
          "\\b(breach|breached|leak(ed|s|ing)?|phish(ing)?|compromised|ransomware|malware"
              + "|exposed (key|credential|secret|token)s?|unauthori[sz]ed access|security incident"
              + "|hacked)\\b",
          FLAGS);
  // A leak of memory, connections or handles is a bug to fix, not a security incident.
  private static final Pattern NOT_SECURITY =
      Pattern.compile(
          "\\b(memory|resource|connection|thread|handle|file|fd|descriptor|socket|goroutine|space"
              + "|abstraction|classloader|class loader|heap|native|buffer|metaspace|permgen|gas"
              + "|water|light|context|listener|event listener|object|reference count|refcount"
              + "|ref count)s? leak(ed|s|ing)?\\b"
              + "|\\bleak(s|ed|ing)? (\\w+ )?(memory|connections?|handles?|threads?|sockets?|descriptors?"
              + "|fds?|resources?|goroutines?|listeners?)\\b",
          FLAGS);
  // A message about memory use: its "leak" is the memory's, however far from the word ("memory
  // keeps growing ... obviously a leak").
  private static final Pattern MEMORY_TALK =
      Pattern.compile(
          "\\b(memory|ram|heap|out of memory|oom|garbage collect\\w*|\\d+ ?[mg]i?b)\\b", FLAGS);
  private static final Pattern LEAK = Pattern.compile("\\bleak(ed|s|ing)?\\b", FLAGS);
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
  // Writing about an incident that is over: a summary, a postmortem, a root-cause analysis.
  static final Pattern RETROSPECTIVE =
      Pattern.compile(
          "\\b(post-?incident|post-?mortem|retrospective|retro|rca|root cause"
              + "|incident (summary|review|report)|summary of [^.\\n]{0,60}(outage|incident|downtime))\\b",
          FLAGS);
  // An alert its own tool says pages no one: muted, silenced, in a maintenance window.
  static final Pattern MUTED =
      Pattern.compile(
          "\\b(muted|silenced|snoozed|scheduled (downtime|maintenance)|maintenance window)\\b",
          FLAGS);
  // Words of trouble of any size: an urgent category with none of them in the text is a guess.
  static final Pattern TROUBLE =
      Pattern.compile(
          "\\b(error|errors|fail|fails|failed|failing|failure|broken|break|breaks|down|outage"
              + "|not working|n'?t work(ing)?|can'?t|cannot|unable|blank|stuck|hang(s|ing)?|hung"
              + "|slow|latency|timeout|timing out|times out|spik(e|es|ing)|alert|alerts|exception"
              + "|crash(ed|es|ing)?|bounc(e|es|ed|ing)|refused|denied|locked out|missing|wrong"
              + "|lost|issue|issues|problem|problems|incident|sev ?\\d|degraded|unavailable"
              + "|firing|warning|critical|dead|gone|stale|behind|expired|expires|leak(ed|s)?"
              + "|phish(ing)?|compromised|breach|ddos|attack|greyed|empty|bug|urgent|asap|help"
              + "|losing|calling|panicking|[45]\\d\\ds|[45]xx|(http|status|error) [45]\\d\\d"
              + "|:fire:|:rotating_light:|!!)",
          FLAGS);

  private Signals() {}

  /** The first match of {@code pattern} the author states as fact, quoted for a reason, or null. */
  static String quoted(Pattern pattern, ChatText chat) {
    String live = chat.live();
    if (pattern == SECURITY) {
      live = blank(NOT_SECURITY, live);
      if (MEMORY_TALK.matcher(chat.text()).find()) {
        live = blank(LEAK, live);
      }
    }
    Matcher m = pattern.matcher(live);
    while (m.find()) {
      if (chat.asserted(m.start())) {
        return quote(chat.text().substring(m.start(), m.end()));
      }
    }
    return null;
  }

  /** The first match of {@code pattern} in what the author says now, stated or not, or null. */
  static String anywhere(Pattern pattern, ChatText chat) {
    Matcher m = pattern.matcher(chat.live());
    return m.find() ? quote(chat.text().substring(m.start(), m.end())) : null;
  }

  /**
   * The first outage the author states as fact, quoted for a reason, or null: outage words, or a
   * crash or time-out of something shared ({@link #FAILING}).
   */
  static String outage(ChatText chat) {
    String outage = quoted(OUTAGE, chat);
    if (outage != null) {
      return outage;
    }
    Matcher m = FAILING.matcher(chat.live());
    while (m.find()) {
      String sentence = chat.sentence(m.start());
      String before = chat.text().substring(chat.sentenceStart(m.start()), m.start());
      boolean shared = SHARED_THING.matcher(before).find() || MANY_PEOPLE.matcher(sentence).find();
      if (chat.asserted(m.start()) && shared && !LOCAL.matcher(sentence).find()) {
        return quote(chat.text().substring(m.start(), m.end()));
      }
    }
    return null;
  }

  /** Every severity signal of a text as reasons, most serious first. */
  static List<String> severe(ChatText chat) {
    List<String> reasons = new ArrayList<>();
    String s = quoted(SECURITY, chat);
    if (s != null) {
      reasons.add("security words (" + s + ")");
    }
    s = quoted(DATA_LOSS, chat);
    if (s != null) {
      reasons.add("data-loss words (" + s + ")");
    }
    s = outage(chat);
    if (s != null) {
      reasons.add("outage words (" + s + ")");
    }
    return reasons;
  }

  private static String quote(String words) {
    return "'" + words.strip().replaceAll("[.,;:!?]+$", "") + "'";
  }

  private static String blank(Pattern pattern, String text) {
    char[] chars = text.toCharArray();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      for (int i = m.start(); i < m.end(); i++) {
        chars[i] = ' ';
      }
    }
    return new String(chars);
  }
}

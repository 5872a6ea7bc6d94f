package dev.sift.triage.priority;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * A message's text read as chat: which characters the author is saying now, and which are quoted
 * ({@code >} lines, text in quotation marks), pasted (code blocks, inline code, log lines, stack
 * traces) or parts of identifiers (paths, URLs, file and package names, #channels).
 *
 * <p>{@link #live()} has the same length as the text, with everything not said now blanked out, so
 * a match in it quotes the author's own words at the same offsets. Around a match, {@link #asked},
 * {@link #negated} and {@link #hypothetical} say whether its sentence asks, denies or supposes
 * rather than reports. All patterns are RE2/J, linear in the text's length.
 */
public final class ChatText {
  private static final Pattern FENCED = Pattern.compile("(?s)```.*?(```|$)");
  private static final Pattern INLINE_CODE = Pattern.compile("`[^`\n]*`");
  private static final Pattern QUOTE_LINE = Pattern.compile("(?m)^[ \t]*(>|&gt;).*$");
  private static final Pattern LOG_LINE =
      Pattern.compile(
          "(?m)^[ \t]*(at [\\w$.<>/]+\\(.*\\)|caused by:.*|exception in thread.*|traceback \\(.*"
              + "|file \".*\", line \\d+.*|\\.\\.\\. \\d+ more.*"
              + "|\\[?\\d{4}-\\d{2}-\\d{2}[t ]\\d{2}:\\d{2}.*|\\[?\\d{2}:\\d{2}:\\d{2}[.,\\]].*"
              + "|[\\w$]+(\\.[\\w$]+)+(exception|error)\\b.*)$",
          Pattern.CASE_INSENSITIVE);
  // Log levels only in capitals: "Warning: the portal is down" is a person talking.
  private static final Pattern LOG_LEVEL_LINE =
      Pattern.compile("(?m)^[ \t]*\\[?(ERROR|WARN|INFO|DEBUG|TRACE|FATAL|SEVERE)\\]?[ :].*$");
  // A quotation in marks, unless it directly follows a verb of seeing ("I get 'Export failed'"),
  // where it is what the author observes rather than words they cite.
  private static final Pattern MARKS =
      Pattern.compile(
          "(^|[^\\w])(\"[^\"\n]{1,200}\"|“[^”\n]{1,200}”|‘[^’\n]{1,200}’|'[^'\n]{1,200}')($|[^\\w])");
  private static final Pattern SEEING =
      Pattern.compile(
          "\\b(get|gets|getting|got|see|sees|seeing|saw|shows?|showing|showed|returns?|returning"
              + "|returned|throws?|throwing|threw|says|saying|said|errors?|message|with|reads)"
              + "[\\s:]*$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern IDENTIFIER =
      Pattern.compile(
          "(https?://\\S+|#[\\w-]+|[\\w$-]*[\\w$]([._/\\\\:=][\\w$-]+)+|[a-z]+[A-Z]\\w*|\\w+_\\w*)");

  private static final Pattern NEGATION =
      Pattern.compile(
          "\\b(not|no|never|without|zero|nothing|none|nobody|isn'?t|aren'?t|wasn'?t|weren'?t"
              + "|don'?t|doesn'?t|didn'?t|won'?t|hasn'?t|haven'?t|hadn'?t|no longer|nor)"
              + "(\\s+\\S+){0,2}\\s*$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern SUPPOSING =
      Pattern.compile(
          "\\b(if|in case|what if|suppose|supposing|unless|in the event|whether|hypothetically"
              + "|for example|e\\.g\\.|such as|once|until|as soon as|in a drill|would|might"
              + "|could (be|go|get)|will|'ll|planned|scheduled|maintenance window"
              + "|(i|we) (thought|though|assumed|figured))\\b",
          Pattern.CASE_INSENSITIVE);
  // A word named as a topic ("they don't know about an outage", "questions regarding the crash").
  private static final Pattern TOPIC =
      Pattern.compile(
          "\\b(about|regarding|re:)\\s+((an?|the|any|this|that|some)\\s+)?$",
          Pattern.CASE_INSENSITIVE);
  // A helper telling someone what they see ("it looks like you're getting a 500 error"): the
  // addressee's trouble, already theirs to report, not the author's.
  private static final Pattern ADDRESSEE =
      Pattern.compile(
          "\\b(you|you'?re|your|u|ur)\\s+(are\\s+|re\\s+)?(\\w+ly\\s+)?(get|getting|see|seeing|hit"
              + "|hitting|having|got)\\b|\\b(you'?re|your|ur)\\s+$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern REPORTING_QUESTION =
      Pattern.compile(
          "\\b(anyone else|anybody else|just me|only me|for anyone|for everyone|for everybody"
              + "|for all|everyone else)\\b",
          Pattern.CASE_INSENSITIVE);

  private final String text;
  private final String live;

  private ChatText(String text) {
    this.text = text;
    char[] chars = text.toCharArray();
    blank(chars, FENCED, 0);
    blank(chars, QUOTE_LINE, 0);
    blank(chars, LOG_LINE, 0);
    blank(chars, LOG_LEVEL_LINE, 0);
    blank(chars, INLINE_CODE, 0);
    blankQuotations(chars);
    blank(chars, IDENTIFIER, 0);
    this.live = new String(chars);
  }

  /** Reads a message's text. */
  public static ChatText of(String text) {
    return new ChatText(text == null ? "" : text);
  }

  /** The text as written. */
  public String text() {
    return text;
  }

  /** The text with quoted, pasted and identifier characters replaced by spaces. */
  public String live() {
    return live;
  }

  /**
   * Whether the sentence around {@code offset} asks a question ("is it down?") rather than reports;
   * "is it down for anyone else?" reports (the asker sees it), so it does not count as asking.
   */
  public boolean asked(int offset) {
    int end = sentenceEnd(offset);
    if (end >= text.length() || text.charAt(end) != '?') {
      return false;
    }
    String sentence = text.substring(sentenceStart(offset), end);
    return !REPORTING_QUESTION.matcher(sentence).find();
  }

  /** Whether a negation ("not", "no", "isn't", "without") comes up to three words before. */
  public boolean negated(int start) {
    return NEGATION.matcher(clauseBefore(start)).find();
  }

  /** Whether the clause before {@code start} supposes ("if", "in case", "would", "once"). */
  public boolean hypothetical(int start) {
    return SUPPOSING.matcher(clauseBefore(start)).find();
  }

  /**
   * Whether the words at {@code start} are only named as a topic ("about an outage") or as what the
   * person addressed is getting ("you're getting a 500 error"), not reported by the author.
   */
  public boolean secondHand(int start) {
    String clause = clauseBefore(start);
    return TOPIC.matcher(clause).find() || ADDRESSEE.matcher(clause).find();
  }

  /**
   * Whether a match at {@code start} is stated as fact: not asked, negated, supposed or
   * second-hand.
   */
  public boolean asserted(int start) {
    return !asked(start) && !negated(start) && !hypothetical(start) && !secondHand(start);
  }

  private String clauseBefore(int start) {
    int from = start;
    while (from > 0 && ",;.!?:\n()".indexOf(text.charAt(from - 1)) < 0) {
      from--;
    }
    String clause = text.substring(from, start);
    int but = clause.toLowerCase(java.util.Locale.ROOT).lastIndexOf(" but ");
    return but < 0 ? clause : clause.substring(but + 5);
  }

  /** The sentence around {@code offset}, as written. */
  public String sentence(int offset) {
    return text.substring(sentenceStart(offset), sentenceEnd(offset));
  }

  /** Where the sentence around {@code offset} starts. */
  int sentenceStart(int offset) {
    int i = Math.min(offset, text.length());
    while (i > 0 && ".!?\n".indexOf(text.charAt(i - 1)) < 0) {
      i--;
    }
    return i;
  }

  private int sentenceEnd(int offset) {
    int i = offset;
    while (i < text.length() && ".!?\n".indexOf(text.charAt(i)) < 0) {
      i++;
    }
    return i;
  }

  private void blankQuotations(char[] chars) {
    Matcher m = MARKS.matcher(new String(chars));
    int from = 0;
    while (m.find(from)) {
      int start = m.start(2);
      if (!SEEING.matcher(text.substring(Math.max(0, start - 40), start)).find()) {
        for (int i = start; i < m.end(2); i++) {
          chars[i] = ' ';
        }
      }
      from = m.end(2);
    }
  }

  private static void blank(char[] chars, Pattern pattern, int group) {
    Matcher m = pattern.matcher(new String(chars));
    while (m.find()) {
      for (int i = m.start(group); i < m.end(group); i++) {
        chars[i] = ' ';
      }
    }
  }
}

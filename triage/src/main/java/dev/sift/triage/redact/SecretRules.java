package dev.sift.triage.redact;

import com.google.re2j.Pattern;
import java.util.List;

/**
 * Credentials people paste into Slack by mistake. They run before the personal-data rules because
 * keys contain digit runs and {@code @} signs that would otherwise be taken for cards or e-mails.
 */
final class SecretRules {
  static final String KIND = "secret";

  private static final String PEM_BEGIN = "-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----";
  private static final String PEM_BLOCK =
      PEM_BEGIN + "[\\s\\S]*?-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----";

  /**
   * A block cut off before its END line still leaks key material. A separate rule rather than an
   * alternative of {@link #PEM_BLOCK}: there, the search for an END line would run to the end of
   * the text for every header, which is quadratic when someone pastes many headers.
   */
  private static final String PEM_TRUNCATED = PEM_BEGIN + "(?:\\s*[A-Za-z0-9+/=]{16,})*";

  private static final String SLACK_WEBHOOK =
      "(?:https?://)?hooks\\.slack\\.com/(?:services|workflows|triggers)/[A-Za-z0-9_/-]+";
  private static final String SLACK_TOKEN = "(?:xox[abeprs]|xapp)-[A-Za-z0-9-]{10,}";
  private static final String AWS_ACCESS_KEY_ID = "\\b(?:AKIA|ASIA)[A-Z0-9]{16}\\b";
  private static final String AWS_SECRET_ACCESS_KEY =
      "(?i)aws_?secret_?access_?key[\"']?[ \\t]*[:=][ \\t]*[\"']?([A-Za-z0-9/+=]{40})";
  private static final String GITHUB_TOKEN =
      "gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,}";

  /** OpenAI ({@code sk-…}, {@code sk-proj-…}) and Anthropic ({@code sk-ant-…}) keys. */
  private static final String SK_KEY = "\\bsk-[A-Za-z0-9_-]{20,}";

  private static final String JWT = "\\beyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]*";

  /** {@code scheme://user:password@host}: only the password is redacted. */
  private static final String URL_PASSWORD =
      "[A-Za-z][A-Za-z0-9+.-]*://[^\\s:/?#@<>|]*:([^\\s/?#<>|]+)@[A-Za-z0-9.-]+";

  /** {@code password=…}, {@code "passwd": "…"}, {@code pwd: …}: only the value is redacted. */
  private static final String PASSWORD_ASSIGNMENT =
      "(?i)(?:password|passwd|pwd)[\"']?[ \\t]*[:=][ \\t]*"
          + "(?:\"([^\"\\r\\n]+)\"|'([^'\\r\\n]+)'|([^\\s\"'&,;<>|]+))";

  private SecretRules() {}

  static List<Rule> all() {
    return List.of(
        Rule.of(KIND, PEM_BLOCK),
        Rule.of(KIND, PEM_TRUNCATED),
        Rule.of(KIND, SLACK_WEBHOOK),
        Rule.of(KIND, SLACK_TOKEN),
        Rule.of(KIND, AWS_ACCESS_KEY_ID),
        new Rule(KIND, Pattern.compile(AWS_SECRET_ACCESS_KEY), SecretRules::endsKey, false),
        Rule.of(KIND, GITHUB_TOKEN),
        new Rule(KIND, Pattern.compile(SK_KEY), SecretRules::hasDigit, false),
        Rule.of(KIND, JWT),
        Rule.of(KIND, URL_PASSWORD),
        Rule.of(KIND, PASSWORD_ASSIGNMENT));
  }

  /** An AWS secret key is exactly 40 characters; a longer run is something else. */
  private static int endsKey(String text, int start, int end) {
    if (end < text.length()) {
      char c = text.charAt(end);
      if (Character.isLetterOrDigit(c) || c == '/' || c == '+' || c == '=') {
        return -1;
      }
    }
    return end;
  }

  /**
   * Real keys are random and always contain digits; this keeps hyphenated words such as {@code
   * sk-learn-tutorial-for-beginners} readable.
   */
  private static int hasDigit(String text, int start, int end) {
    return Candidates.digits(text.substring(start, end)) > 0 ? end : -1;
  }
}

package dev.sift.triage.redact;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A text with its sensitive values replaced by placeholders, and the values themselves. Only the
 * text may leave the process; the originals stay inside it to restore what people are shown.
 *
 * @param text the text with placeholders such as {@code [EMAIL_1]}
 * @param originals each placeholder mapped to the value it replaced, in order of appearance
 */
public record Redacted(String text, Map<String, String> originals) {
  static final Pattern PLACEHOLDER = Pattern.compile("\\[[A-Z]+_[1-9][0-9]*\\]");

  public Redacted {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(originals, "originals");
    for (Map.Entry<String, String> e : originals.entrySet()) {
      Objects.requireNonNull(e.getValue(), "original of " + e.getKey());
      if (!PLACEHOLDER.matches(e.getKey())) {
        throw new IllegalArgumentException("not a placeholder: " + e.getKey());
      }
    }
    originals = Collections.unmodifiableMap(new LinkedHashMap<>(originals));
  }

  /**
   * {@code textWithPlaceholders} (typically an LLM's answer about {@link #text}) with each known
   * placeholder replaced by its original; unknown bracket tokens are left as they are.
   */
  public String restore(String textWithPlaceholders) {
    Objects.requireNonNull(textWithPlaceholders, "textWithPlaceholders");
    if (originals.isEmpty()) {
      return textWithPlaceholders;
    }
    Matcher m = PLACEHOLDER.matcher(textWithPlaceholders);
    StringBuilder out = new StringBuilder(textWithPlaceholders.length());
    int last = 0;
    while (m.find()) {
      String original = originals.get(m.group());
      if (original != null) {
        out.append(textWithPlaceholders, last, m.start()).append(original);
        last = m.end();
      }
    }
    return out.append(textWithPlaceholders, last, textWithPlaceholders.length()).toString();
  }

  /** Whether anything was redacted. */
  public boolean changed() {
    return !originals.isEmpty();
  }

  /** The kinds redacted, such as {@code "email"} and {@code "secret"}, in order of appearance. */
  public Set<String> kinds() {
    Set<String> kinds = new LinkedHashSet<>();
    for (String placeholder : originals.keySet()) {
      kinds.add(placeholder.substring(1, placeholder.lastIndexOf('_')).toLowerCase(Locale.ROOT));
    }
    return Collections.unmodifiableSet(kinds);
  }
}

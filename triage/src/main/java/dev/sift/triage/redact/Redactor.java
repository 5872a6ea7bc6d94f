package dev.sift.triage.redact;

import com.google.re2j.Matcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Replaces personal data and secrets in a text by numbered placeholders ({@code [EMAIL_1]}, {@code
 * [SECRET_2]}) before the text leaves the process. Immutable and safe to share between threads.
 *
 * <p>Rules run in a fixed order (secrets, IBAN, card, SSN, e-mail, phone); text a rule claims is
 * blanked for the rules after it, so a key's digits never become a card. Callers strip invisible
 * characters first ({@link InvisibleText#strip}) so that a zero-width space cannot split a value;
 * the redactor itself keeps every other character, so {@link Redacted#restore} gives the input
 * back.
 */
public final class Redactor {
  private final List<Rule> rules;

  private Redactor(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** Secrets, IBANs, cards, US SSNs, e-mail addresses and phone numbers. */
  public static Redactor standard() {
    List<Rule> rules = new ArrayList<>(SecretRules.all());
    rules.addAll(PersonalDataRules.all());
    return new Redactor(rules);
  }

  /** The text with each value replaced by its placeholder; the same string if nothing was found. */
  public Redacted redact(String text) {
    Objects.requireNonNull(text, "text");
    List<Span> spans = new ArrayList<>();
    BitSet claimed = new BitSet(text.length());
    String view = text;
    for (Rule rule : rules) {
      List<Span> found = find(rule, view, claimed);
      if (!found.isEmpty()) {
        spans.addAll(found);
        view = blank(view, found, claimed);
      }
    }
    if (spans.isEmpty()) {
      return new Redacted(text, Map.of());
    }
    spans.sort(Comparator.comparingInt(Span::start));
    return replace(text, spans);
  }

  private static List<Span> find(Rule rule, String view, BitSet claimed) {
    List<Span> found = new ArrayList<>();
    Matcher m = rule.pattern().matcher(view);
    int from = 0;
    while (from <= view.length() && m.find(from)) {
      int group = firstGroup(m);
      int start = m.start(group);
      int end = rule.confirm().end(view, start, m.end(group));
      if (end > start && overlaps(claimed, start, end)) {
        end = -1; // reaches into a value an earlier rule took, e.g. a token used as a URL password
      }
      if (end > start) {
        found.add(new Span(rule.kind(), start, end));
        from = end;
      } else {
        from = rule.digitGroups() ? nextGroup(view, m.start(), m.end()) : m.end();
        from = Math.max(from, m.start() + 1);
      }
    }
    return found;
  }

  private static boolean overlaps(BitSet claimed, int start, int end) {
    for (int i = start; i < end; i++) {
      if (claimed.get(i)) {
        return true;
      }
    }
    return false;
  }

  private static int firstGroup(Matcher m) {
    for (int g = 1; g <= m.groupCount(); g++) {
      if (m.start(g) >= 0) {
        return g;
      }
    }
    return 0;
  }

  /** Where the second digit group of a rejected candidate starts, or its end if it has only one. */
  private static int nextGroup(String view, int start, int end) {
    for (int i = start + 1; i < end; i++) {
      char before = view.charAt(i - 1);
      if ((before == ' ' || before == '-') && Character.isDigit(view.charAt(i))) {
        return i;
      }
    }
    return end;
  }

  /** Spaces stop every rule's pattern, so later rules cannot match across a claimed value. */
  private static String blank(String view, List<Span> found, BitSet claimed) {
    char[] chars = view.toCharArray();
    for (Span s : found) {
      Arrays.fill(chars, s.start(), s.end(), ' ');
      claimed.set(s.start(), s.end());
    }
    return new String(chars);
  }

  private static Redacted replace(String text, List<Span> spans) {
    // Placeholders the author typed themselves are skipped, so that restore gives the text back.
    Set<String> taken = new HashSet<>();
    Matcher typed = Redacted.PLACEHOLDER.matcher(text);
    while (typed.find()) {
      taken.add(typed.group());
    }
    Map<String, Integer> counters = new HashMap<>();
    Map<String, String> placeholderOf = new HashMap<>();
    Map<String, String> originals = new LinkedHashMap<>();
    StringBuilder out = new StringBuilder(text.length());
    int last = 0;
    for (Span s : spans) {
      String value = text.substring(s.start(), s.end());
      String placeholder =
          placeholderOf.computeIfAbsent(
              s.kind() + '\u0000' + value, k -> next(s.kind(), counters, taken));
      originals.putIfAbsent(placeholder, value);
      out.append(text, last, s.start()).append(placeholder);
      last = s.end();
    }
    out.append(text, last, text.length());
    return new Redacted(out.toString(), originals);
  }

  private static String next(String kind, Map<String, Integer> counters, Set<String> taken) {
    String placeholder;
    do {
      int n = counters.merge(kind, 1, Integer::sum);
      placeholder = "[" + kind.toUpperCase(Locale.ROOT) + "_" + n + "]";
    } while (taken.contains(placeholder));
    return placeholder;
  }

  private record Span(String kind, int start, int end) {}
}

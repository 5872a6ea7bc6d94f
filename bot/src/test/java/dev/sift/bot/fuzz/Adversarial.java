package dev.sift.bot.fuzz;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One-megabyte texts that make backtracking regexes blow up: long runs of one character with a
 * mismatch at the end, nested brackets, runs of spaces, and repeats of what a pattern looks for
 * (URLs, e-mail halves, digit groups, key prefixes, code fences, mentions).
 */
public final class Adversarial {
  public static final int SIZE = 1 << 20;

  private Adversarial() {}

  /** Name → text of {@link #SIZE} characters. */
  public static Map<String, String> inputs() {
    return inputs(SIZE);
  }

  /** The few inputs the CI test runs every stage on; the benchmark runs all. */
  public static Map<String, String> worst() {
    Map<String, String> all = inputs();
    Map<String, String> worst = new LinkedHashMap<>();
    for (String name : new String[] {"a*1M!", "spaces*1M x", "quotes", "digit groups"}) {
      worst.put(name, all.get(name));
    }
    return worst;
  }

  /** Name → text of {@code size} characters (names say 1M whatever the size). */
  public static Map<String, String> inputs(int size) {
    Map<String, String> in = new LinkedHashMap<>();
    in.put("a*1M", "a".repeat(size));
    in.put("a*1M!", "a".repeat(size - 1) + "!");
    in.put("spaces*1M x", " ".repeat(size - 1) + "x");
    in.put("space-newline runs", fill(" \t \n", size));
    in.put("nested <<>>", "<".repeat(size / 2) + ">".repeat(size / 2));
    in.put("nested [(", fill("[(", size));
    in.put("url-ish", "http://" + fill("a.b/", size));
    in.put("email halves", fill("a.b@c-", size));
    in.put("digit groups", fill("4111 ", size));
    in.put("digits*1M", "1".repeat(size));
    in.put("emoji codes", fill(":a_b", size));
    in.put("code fences", fill("```x", size));
    in.put("broadcasts", fill("@here ", size));
    in.put("pem headers", fill("-----BEGIN RSA PRIVATE KEY-----\n", size));
    in.put("password=", fill("password=", size));
    in.put("token prefixes", fill("xoxb-sk-ghp_", size));
    in.put("quotes", fill("\"a ", size));
    in.put("punctuation", fill(".,;:!?", size));
    in.put("slack markup", fill("<@U1|<#C1|&amp;", size));
    return in;
  }

  private static String fill(String unit, int size) {
    return unit.repeat(size / unit.length() + 1).substring(0, size);
  }
}

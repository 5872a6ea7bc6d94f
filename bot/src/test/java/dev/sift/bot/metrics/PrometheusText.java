package dev.sift.bot.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reader of Prometheus' text exposition format (version 0.0.4) that fails on anything the format
 * does not allow: names, label syntax and escapes, values, a TYPE after its samples or twice, a
 * family's samples not kept together, histograms without a +Inf bucket or with buckets that fall.
 */
public final class PrometheusText {
  private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
  private static final Pattern SAMPLE =
      Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{.*\\})?\\s+(\\S+)(\\s+-?\\d+)?");
  private static final List<String> TYPES =
      List.of("counter", "gauge", "histogram", "summary", "untyped");

  public record Sample(String name, Map<String, String> labels, double value) {}

  public record Family(String name, String type, List<Sample> samples) {}

  private PrometheusText() {}

  public static Map<String, Family> parse(String text) {
    Map<String, Family> families = new LinkedHashMap<>();
    String current = null;
    List<String> closed = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      String where = "line " + (i + 1) + ": " + line;
      if (line.isBlank()) {
        continue;
      }
      if (line.startsWith("#")) {
        String[] parts = line.split(" ", 4);
        if (parts.length >= 3 && (parts[1].equals("TYPE") || parts[1].equals("HELP"))) {
          check(NAME.matcher(parts[2]).matches(), "bad metric name", where);
          if (parts[1].equals("TYPE")) {
            check(parts.length == 4 && TYPES.contains(parts[3]), "bad TYPE", where);
            check(!families.containsKey(parts[2]), "TYPE given twice or after samples", where);
            families.put(parts[2], new Family(parts[2], parts[3], new ArrayList<>()));
          }
        }
        continue;
      }
      Matcher m = SAMPLE.matcher(line);
      check(m.matches(), "not a sample line", where);
      String name = m.group(1);
      Family family = familyOf(name, families);
      if (family == null) {
        check(!families.containsKey(name), "sample after TYPE of another family", where);
        family = new Family(name, "untyped", new ArrayList<>());
        families.put(name, family);
      }
      if (!family.name().equals(current)) {
        check(!closed.contains(family.name()), "samples of a family are not together", where);
        if (current != null) {
          closed.add(current);
        }
        current = family.name();
      }
      family.samples().add(new Sample(name, labels(m.group(2), where), value(m.group(3), where)));
    }
    families.values().forEach(PrometheusText::checkHistogram);
    return families;
  }

  private static Family familyOf(String sample, Map<String, Family> families) {
    for (String suffix : List.of("", "_bucket", "_sum", "_count", "_total", "_created")) {
      if (sample.endsWith(suffix)) {
        Family f = families.get(sample.substring(0, sample.length() - suffix.length()));
        if (f != null) {
          return f;
        }
      }
    }
    return null;
  }

  private static Map<String, String> labels(String block, String where) {
    Map<String, String> out = new LinkedHashMap<>();
    if (block == null) {
      return out;
    }
    String s = block.substring(1, block.length() - 1);
    int i = 0;
    while (i < s.length()) {
      int eq = s.indexOf('=', i);
      check(eq > i, "label without '='", where);
      String name = s.substring(i, eq).strip();
      check(LABEL.matcher(name).matches(), "bad label name '" + name + "'", where);
      check(eq + 1 < s.length() && s.charAt(eq + 1) == '"', "label value not quoted", where);
      StringBuilder value = new StringBuilder();
      int j = eq + 2;
      for (; j < s.length() && s.charAt(j) != '"'; j++) {
        char c = s.charAt(j);
        if (c == '\\') {
          char next = s.charAt(++j);
          check("\\\"n".indexOf(next) >= 0, "bad escape in a label value", where);
          value.append(next == 'n' ? '\n' : next);
        } else {
          value.append(c);
        }
      }
      check(j < s.length(), "unterminated label value", where);
      check(out.put(name, value.toString()) == null, "label given twice", where);
      i = j + 1;
      if (i < s.length()) {
        check(s.charAt(i) == ',', "labels not separated by ','", where);
        i++;
      }
    }
    return out;
  }

  private static double value(String v, String where) {
    return switch (v) {
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      case "NaN" -> Double.NaN;
      default -> {
        try {
          yield Double.parseDouble(v);
        } catch (NumberFormatException e) {
          throw new AssertionError("not a value: " + where);
        }
      }
    };
  }

  private static void checkHistogram(Family f) {
    if (!f.type().equals("histogram")) {
      return;
    }
    Map<Map<String, String>, List<Sample>> series = new LinkedHashMap<>();
    for (Sample s : f.samples()) {
      if (s.name().endsWith("_bucket")) {
        Map<String, String> key = new LinkedHashMap<>(s.labels());
        check(key.remove("le") != null, "bucket without le", f.name());
        series.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
      }
    }
    check(!series.isEmpty(), "histogram without buckets", f.name());
    series.forEach(
        (labels, buckets) -> {
          double last = -1;
          for (Sample b : buckets) {
            check(b.value() >= last, "buckets fall", f.name() + labels);
            last = b.value();
          }
          Sample inf = buckets.get(buckets.size() - 1);
          check("+Inf".equals(inf.labels().get("le")), "no +Inf bucket last", f.name() + labels);
          double count =
              f.samples().stream()
                  .filter(s -> s.name().equals(f.name() + "_count") && s.labels().equals(labels))
                  .findFirst()
                  .orElseThrow(() -> new AssertionError("no _count for " + f.name() + labels))
                  .value();
          check(count == inf.value(), "_count differs from the +Inf bucket", f.name() + labels);
        });
  }

  private static void check(boolean ok, String problem, String where) {
    if (!ok) {
      throw new AssertionError(problem + " — " + where);
    }
  }

  /** The value of the one sample with this name and these labels (among others). */
  public static double value(
      Map<String, Family> families, String sample, Map<String, String> labels) {
    List<Sample> found = new ArrayList<>();
    for (Family f : families.values()) {
      for (Sample s : f.samples()) {
        if (s.name().equals(sample) && s.labels().entrySet().containsAll(labels.entrySet())) {
          found.add(s);
        }
      }
    }
    if (found.size() != 1) {
      throw new AssertionError(
          found.size() + " samples " + sample + labels + " in " + families.keySet());
    }
    return found.get(0).value();
  }
}

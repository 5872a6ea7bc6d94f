package dev.sift.bot.fuzz;

import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * QuickTheories' randomness as the few choices a structured generator makes (a number below n, a
 * pick from a list, a run of awkward characters), so generators read as code and still shrink:
 * every choice is one draw that QuickTheories can make smaller.
 */
public final class Rand {
  /** Characters that break parsers: quotes, escapes, separators, controls, surrogates, BOMs. */
  private static final String AWKWARD =
      "\"'\\/:;,.-_*#@!?<>&|=+()[]{}`~^%$ \t\n\r\u0000\u0007\u00a0\u00e9\u2028\u200b\u202e\ufeff"
          + "\ud83d\ude00\ud800\udc00\u201c\u201d\u3042";

  private final RandomnessSource in;

  private Rand(RandomnessSource in) {
    this.in = in;
  }

  /** A generator that builds its value from choices. */
  public static <T> Gen<T> gen(java.util.function.Function<Rand, T> build) {
    return in -> build.apply(new Rand(in));
  }

  /** A value of another generator, drawn from the same choices. */
  public <T> T draw(Gen<T> gen) {
    return gen.generate(in);
  }

  /** 0 ≤ n < bound. */
  public int below(int bound) {
    return (int) in.next(Constraint.between(0, bound - 1));
  }

  /** True about percent times in a hundred (shrinks to false). */
  public boolean chance(int percent) {
    return below(100) < percent;
  }

  public <T> T pick(List<T> options) {
    return options.get(below(options.size()));
  }

  /** Up to {@code max} characters mixing letters, digits and {@link #AWKWARD} ones. */
  public String junk(int max) {
    int n = below(max + 1);
    StringBuilder out = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      switch (below(4)) {
        case 0 -> out.append((char) ('a' + below(26)));
        case 1 -> out.append((char) ('0' + below(10)));
        case 2 -> out.append(AWKWARD.charAt(below(AWKWARD.length())));
        default -> out.append((char) below(0x10000));
      }
    }
    return out.toString();
  }

  /** One of {@code words} most of the time, else junk: near-valid input finds the deep bugs. */
  public String wordOrJunk(List<String> words, int junkMax) {
    return chance(80) ? pick(words) : junk(junkMax);
  }
}

package dev.sift.triage.redact;

import java.util.Objects;

/**
 * Removes characters that people cannot see but models read: zero-width characters, bidi controls,
 * soft hyphens, variation selectors other than the emoji one, and the Unicode tag block that "ASCII
 * smuggling" prompt injections use. Other control characters become spaces. Everything else, emoji
 * and accented letters included, is kept exactly as it was.
 */
public final class InvisibleText {
  private static final int ZERO_WIDTH_JOINER = 0x200D;
  private static final int EMOJI_PRESENTATION = 0xFE0F;

  private InvisibleText() {}

  /** {@code text} without invisible characters; the same string if it had none. */
  public static String strip(String text) {
    Objects.requireNonNull(text, "text");
    StringBuilder out = new StringBuilder(text.length());
    boolean changed = false;
    int previous = -1;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == ZERO_WIDTH_JOINER
          && isEmoji(previous)
          && i < text.length()
          && isEmoji(text.codePointAt(i))) {
        out.appendCodePoint(cp); // joins 👩 and 💻 into one emoji, as in 👩‍💻
      } else if (isHidden(cp)) {
        changed = true;
        continue;
      } else if (Character.getType(cp) == Character.CONTROL && cp != '\n' && cp != '\t') {
        out.append(' ');
        changed = true;
      } else {
        out.appendCodePoint(cp);
      }
      previous = cp;
    }
    return changed ? out.toString() : text;
  }

  private static boolean isHidden(int cp) {
    return (cp >= 0x200B && cp <= 0x200F) // zero-width space, non-joiner, joiner, LRM, RLM
        || (cp >= 0x202A && cp <= 0x202E) // bidi embeddings and overrides
        || (cp >= 0x2060 && cp <= 0x2064) // word joiner, invisible operators
        || (cp >= 0x2066 && cp <= 0x2069) // bidi isolates
        || cp == 0xFEFF // byte order mark, zero-width no-break space
        || cp == 0x00AD // soft hyphen
        || (cp >= 0xFE00 && cp <= 0xFE0E) // variation selectors, keeping FE0F for emoji
        || (cp >= 0xE0000 && cp <= 0xE007F) // tags: invisible copies of ASCII
        || (cp >= 0xE0100 && cp <= 0xE01EF); // variation selectors supplement
  }

  /** Close enough for deciding whether a zero-width joiner sits inside an emoji sequence. */
  private static boolean isEmoji(int cp) {
    return (cp >= 0x1F000 && cp <= 0x1FAFF)
        || (cp >= 0x2300 && cp <= 0x23FF)
        || (cp >= 0x2600 && cp <= 0x27BF)
        || (cp >= 0x2B00 && cp <= 0x2BFF)
        || cp == EMOJI_PRESENTATION;
  }
}

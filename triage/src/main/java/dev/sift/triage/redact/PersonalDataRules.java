package dev.sift.triage.redact;

import com.google.re2j.Pattern;
import java.util.List;

/**
 * Bank, card and identity numbers, e-mail addresses and phone numbers. Numbers are confirmed by
 * their check digits or structure and by what stands next to them, so that dates, times, versions,
 * ticket ids, amounts, Slack timestamps and IP addresses stay readable for the model.
 */
final class PersonalDataRules {
  /** Country, check digits, then 11 to 30 characters: either unbroken or in groups of four. */
  private static final String IBAN =
      "\\b[A-Z]{2}[0-9]{2}(?:[A-Z0-9]{11,30}|(?: [A-Z0-9]{4}){2,7}(?: [A-Z0-9]{1,4})?)\\b";

  /** Unbroken, in groups of four, or the 4-6-5 grouping of American Express. */
  private static final String CARD =
      "[0-9]{13,19}|[0-9]{4}(?:[ -][0-9]{4}){2,3}(?:[ -][0-9]{1,4})?"
          + "|[0-9]{4}[ -][0-9]{6}[ -][0-9]{4,5}";

  private static final String SSN = "[0-9]{3}-[0-9]{2}-[0-9]{4}";
  private static final String EMAIL =
      "[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}";

  /**
   * International (+44 20 7946 0958, +1 (415) 555-0132, +44 (0)20 …), area code in brackets ((415)
   * 555-0132), national with a leading zero (020 7946 0958), North American (415-555-0132),
   * unbroken national (02079460958) and French pairs (01 23 45 67 89). Each form needs separators
   * or a prefix, so plain digit runs such as ids and timestamps do not match.
   */
  private static final String PHONE =
      "\\+[1-9][0-9]{0,2}(?:[ .-]?\\(0\\))?[ .-]?\\(?[0-9]{1,4}\\)?(?:[ .-]?[0-9]{2,4}){1,5}"
          + "|\\([0-9]{2,5}\\)[ -]?[0-9]{3,4}[ -]?[0-9]{3,4}"
          + "|0[0-9]{1,4}[ -][0-9]{3,4}[ -]?[0-9]{3,4}"
          + "|[2-9][0-9]{2}[-. ][0-9]{3}[-. ][0-9]{4}"
          + "|0[0-9]{9,10}"
          + "|0[1-9](?:[ .-]?[0-9]{2}){4}";

  private PersonalDataRules() {}

  /** In the order they must run: IBAN before card, as an IBAN holds a long digit run. */
  static List<Rule> all() {
    return List.of(
        new Rule("iban", Pattern.compile(IBAN), PersonalDataRules::iban, false),
        new Rule("card", Pattern.compile(CARD), PersonalDataRules::card, true),
        new Rule("ssn", Pattern.compile(SSN), PersonalDataRules::ssn, false),
        Rule.of("email", EMAIL),
        new Rule("phone", Pattern.compile(PHONE), PersonalDataRules::phone, false));
  }

  private static int iban(String text, int start, int end) {
    return Candidates.longestValid(
        text,
        start,
        end,
        v ->
            v.replace(" ", "").length() >= 15
                && v.replace(" ", "").length() <= 34
                && Checksums.mod97(v));
  }

  /** No issuer number starts with 0, and runs of zeros would pass the Luhn check. */
  private static int card(String text, int start, int end) {
    if (start > 0 && text.charAt(start - 1) == '+') {
      return -1; // an international phone number, not a card
    }
    return Candidates.longestValid(
        text,
        start,
        end,
        v ->
            Candidates.digits(v) >= 13
                && Candidates.digits(v) <= 19
                && v.charAt(0) != '0'
                && Checksums.luhn(v));
  }

  /** Area not 000, 666 or 9xx, group not 00, serial not 0000: never issued. */
  private static int ssn(String text, int start, int end) {
    if (!Candidates.standalone(text, start, end, true)) {
      return -1;
    }
    String area = text.substring(start, start + 3);
    boolean issued =
        !area.equals("000")
            && !area.equals("666")
            && area.charAt(0) != '9'
            && !text.startsWith("00", start + 4)
            && !text.startsWith("0000", start + 7);
    return issued ? end : -1;
  }

  /** E.164 allows at most 15 digits; fewer than 9 is more likely a short code or an id. */
  private static int phone(String text, int start, int end) {
    int digits = Candidates.digits(text.substring(start, end));
    boolean valid = digits >= 9 && digits <= 15 && Candidates.standalone(text, start, end, true);
    return valid ? end : -1;
  }
}

package dev.sift.triage.redact;

/**
 * The check digits of card numbers and IBANs. Most digit runs that look like one fail its check, so
 * checking keeps order numbers and the like readable for the model.
 */
final class Checksums {
  private Checksums() {}

  /** Whether the digits of {@code number} pass the Luhn check; other characters are skipped. */
  static boolean luhn(String number) {
    int sum = 0;
    boolean twice = false;
    for (int i = number.length() - 1; i >= 0; i--) {
      char c = number.charAt(i);
      if (c < '0' || c > '9') {
        continue;
      }
      int d = c - '0';
      if (twice) {
        d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      }
      sum += d;
      twice = !twice;
    }
    return sum % 10 == 0;
  }

  /**
   * Whether {@code iban} (spaces allowed) passes the ISO 13616 check: moved four characters to the
   * end and read with A=10 … Z=35, the number is 1 modulo 97.
   */
  static boolean mod97(String iban) {
    String compact = iban.replace(" ", "");
    if (compact.length() < 5) {
      return false;
    }
    String rearranged = compact.substring(4) + compact.substring(0, 4);
    int remainder = 0;
    for (int i = 0; i < rearranged.length(); i++) {
      char c = rearranged.charAt(i);
      if (c >= '0' && c <= '9') {
        remainder = (remainder * 10 + (c - '0')) % 97;
      } else if (c >= 'A' && c <= 'Z') {
        remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
      } else {
        return false;
      }
    }
    return remainder == 1;
  }
}

package dev.sift.bot.doctor;

import java.util.Objects;

/**
 * What one check found.
 *
 * @param status whether it passed
 * @param check what was checked, a word or two ("scopes", "#ops-oncall")
 * @param detail what was found, in a sentence
 * @param fix what to do about it, in words; null when nothing needs doing
 */
public record Finding(Status status, String check, String detail, String fix) {
  /** How a check came out. Only {@link #FAIL} makes {@code sift doctor} exit non-zero. */
  public enum Status {
    OK,
    WARN,
    FAIL
  }

  public Finding {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(detail, "detail");
  }

  public static Finding ok(String check, String detail) {
    return new Finding(Status.OK, check, detail, null);
  }

  public static Finding warn(String check, String detail, String fix) {
    return new Finding(Status.WARN, check, detail, fix);
  }

  public static Finding fail(String check, String detail, String fix) {
    return new Finding(Status.FAIL, check, detail, fix);
  }

  /** The line {@code sift doctor} prints. */
  public String line() {
    String mark =
        switch (status) {
          case OK -> "ok  ";
          case WARN -> "warn";
          case FAIL -> "FAIL";
        };
    return mark + "  " + check + ": " + detail + (fix == null ? "" : " Fix: " + fix);
  }
}

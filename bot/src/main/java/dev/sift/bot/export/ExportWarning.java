package dev.sift.bot.export;

import java.util.Objects;

/**
 * A part of an export that was skipped while the rest was read, e.g. a day file that is not valid
 * JSON or a message without a timestamp.
 *
 * @param file the path inside the export, e.g. {@code general/2016-01-14.json}
 * @param reason what was wrong and what was skipped, for a person to read
 */
public record ExportWarning(String file, String reason) {

  public ExportWarning {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public String toString() {
    return file + ": " + reason;
  }
}

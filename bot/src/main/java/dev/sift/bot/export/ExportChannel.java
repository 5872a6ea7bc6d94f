package dev.sift.bot.export;

import java.util.Objects;

/**
 * A channel listed in an export's {@code channels.json} (public) or {@code groups.json} (private).
 *
 * @param id Slack channel id, e.g. {@code C0JGLMMNX}
 * @param name channel name without '#', which is also the name of its folder in the export
 * @param isPrivate whether it came from {@code groups.json}
 */
public record ExportChannel(String id, String name, boolean isPrivate) {

  public ExportChannel {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
  }
}

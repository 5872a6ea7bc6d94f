package dev.sift.bot.export;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sift.triage.message.Message;
import dev.sift.triage.message.SlackTs;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The day files of an export's channel folders, {@code <channel>/<YYYY-MM-DD>.json}, each a JSON
 * array of the messages posted that day. A bad file or message is skipped with a warning, so one
 * broken day never costs the rest of the history.
 */
final class DayFiles {
  private static final Pattern DAY_FILE = Pattern.compile("([^/]+)/(\\d{4}-\\d{2}-\\d{2})\\.json");

  private final ExportFiles files;
  private final List<ExportChannel> channels;
  private final Set<String> directMessageFolders;
  // folder name → its day files, sorted by name and so by date
  private final Map<String, List<String>> byFolder = new TreeMap<>();

  DayFiles(ExportFiles files, List<ExportChannel> channels, Set<String> directMessageFolders) {
    this.files = files;
    this.channels = channels;
    this.directMessageFolders = directMessageFolders;
    for (String name : files.names()) {
      Matcher day = DAY_FILE.matcher(name);
      if (day.matches()) {
        byFolder.computeIfAbsent(day.group(1), f -> new ArrayList<>()).add(name);
      }
    }
  }

  /** Reads every channel's messages, sorted by ts ascending across channels. */
  List<Message> read(MessageMapper mapper, Consumer<ExportWarning> warnings) {
    warnAboutUnlistedFolders(warnings);
    List<Timed> timed = new ArrayList<>();
    for (ExportChannel channel : channels) {
      // A channel without a folder had no messages in the exported range.
      for (String file : byFolder.getOrDefault(channel.name(), List.of())) {
        JsonNode day = parse(file, warnings);
        if (day == null) {
          continue;
        }
        for (int i = 0; i < day.size(); i++) {
          try {
            Message message = mapper.map(day.get(i), channel);
            timed.add(new Timed(SlackTs.micros(message.ts()), message));
          } catch (IllegalArgumentException e) {
            warnings.accept(
                new ExportWarning(
                    file, "message " + (i + 1) + " " + e.getMessage() + "; skipped it"));
          }
        }
      }
    }
    // Parse each ts once, not once per comparison.
    timed.sort(Comparator.comparingLong(Timed::micros));
    return timed.stream().map(Timed::message).toList();
  }

  /** The {@code team} of the first message that names one, or null. */
  String firstTeam() {
    for (ExportChannel channel : channels) {
      for (String file : byFolder.getOrDefault(channel.name(), List.of())) {
        JsonNode day = parse(file, warning -> {});
        for (JsonNode message : day == null ? List.<JsonNode>of() : day) {
          String team = Json.text(message, "team");
          if (team != null) {
            return team;
          }
        }
      }
    }
    return null;
  }

  private void warnAboutUnlistedFolders(Consumer<ExportWarning> warnings) {
    Set<String> listed = new HashSet<>();
    channels.forEach(c -> listed.add(c.name()));
    for (String folder : byFolder.keySet()) {
      if (!listed.contains(folder) && !directMessageFolders.contains(folder)) {
        warnings.accept(
            new ExportWarning(
                folder + "/",
                "folder is not a channel listed in channels.json or groups.json; skipped it"));
      }
    }
  }

  /** The day's array of messages, or null (with a warning) when the file is not one. */
  private JsonNode parse(String file, Consumer<ExportWarning> warnings) {
    try (InputStream in = files.open(file)) {
      JsonNode day = SlackExport.JSON.readTree(in);
      if (day == null || !day.isArray()) {
        warnings.accept(new ExportWarning(file, "is not a JSON array of messages; skipped it"));
        return null;
      }
      return day;
    } catch (JacksonException e) {
      warnings.accept(
          new ExportWarning(
              file, "is not valid JSON (" + e.getOriginalMessage() + "); skipped it"));
    } catch (IOException e) {
      warnings.accept(new ExportWarning(file, "could not be read (" + e + "); skipped it"));
    }
    return null;
  }

  private record Timed(long micros, Message message) {}
}

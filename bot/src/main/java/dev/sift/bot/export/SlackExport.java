package dev.sift.bot.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sift.triage.message.Message;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A Slack workspace export, zipped or unzipped, read as the channels it lists and the messages of
 * their day files ({@code <channel>/<YYYY-MM-DD>.json}).
 *
 * <p>Only channels are read: {@code channels.json} (public) and {@code groups.json} (private).
 * Direct messages ({@code dms.json}, {@code mpims.json}) are skipped on purpose: triage routes what
 * is asked of a team in its channels, and private conversations have no routing channel and no
 * audience to show results to. Not thread-safe; close it to release the zip file.
 */
public final class SlackExport implements Closeable {
  /** The workspace id for an export that names none, neither in users.json nor in messages. */
  public static final String DEFAULT_WORKSPACE_ID = "T-EXPORT";

  /**
   * The most JSON tokens one file may hold. A real day file or users.json of 64 MB has a few
   * million; a bomb of tiny objects within the byte limit would fill the heap with nodes.
   */
  static final long MAX_TOKENS = 8_000_000;

  static final ObjectMapper JSON =
      new ObjectMapper(
          JsonFactory.builder()
              .streamReadConstraints(
                  StreamReadConstraints.builder().maxTokenCount(MAX_TOKENS).build())
              .build());

  private final Path path;
  private final ExportFiles files;
  private final List<ExportChannel> channels;
  private final Set<String> directMessageFolders;
  private final ExportUsers users;
  private String workspaceId;

  private SlackExport(
      Path path,
      ExportFiles files,
      List<ExportChannel> channels,
      Set<String> directMessageFolders,
      ExportUsers users) {
    this.path = path;
    this.files = files;
    this.channels = List.copyOf(channels);
    this.directMessageFolders = Set.copyOf(directMessageFolders);
    this.users = users;
  }

  /**
   * Opens an export: a {@code .zip} file or a directory, with {@code channels.json} at its top or
   * under one top folder.
   *
   * @throws ExportException when the path is missing, not a readable zip or directory, or not a
   *     Slack export
   */
  public static SlackExport open(Path path) {
    return open(path, ExportFiles.MAX_FILE_BYTES);
  }

  /** For tests: opens with a lower limit on the bytes one file may unpack to. */
  static SlackExport open(Path path, long maxFileBytes) {
    ExportFiles files = ExportFiles.open(path).withMaxFileBytes(maxFileBytes);
    try {
      List<ExportChannel> channels = new ArrayList<>();
      addChannels(readMeta(path, files, "channels.json"), false, channels);
      addChannels(readMeta(path, files, "groups.json"), true, channels);
      Set<String> directMessageFolders = new HashSet<>();
      // DM folders are named by id, group DM folders by name; both are skipped without a warning.
      for (String list : List.of("dms.json", "mpims.json")) {
        for (JsonNode conversation : readMeta(path, files, list)) {
          directMessageFolders.add(conversation.path("id").asText());
          directMessageFolders.add(conversation.path("name").asText());
        }
      }
      ExportUsers users = ExportUsers.from(readMeta(path, files, "users.json"));
      return new SlackExport(path, files, channels, directMessageFolders, users);
    } catch (RuntimeException e) {
      try {
        files.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /** Reads a top-level list such as channels.json; an empty one when the export has none. */
  private static JsonNode readMeta(Path path, ExportFiles files, String name) {
    if (!files.contains(name)) {
      return JSON.createArrayNode();
    }
    try (InputStream in = files.open(name)) {
      JsonNode json = JSON.readTree(in);
      if (json == null || !json.isArray()) {
        throw new ExportException(path + ": " + name + " is not a JSON array");
      }
      return json;
    } catch (IOException e) {
      throw new ExportException(path + ": " + name + " could not be read: " + e.getMessage(), e);
    }
  }

  private static void addChannels(JsonNode list, boolean isPrivate, List<ExportChannel> out) {
    for (JsonNode channel : list) {
      String id = Json.text(channel, "id");
      String name = Json.text(channel, "name");
      // Without both there is neither a folder to read nor a channel to file messages under.
      if (id != null && name != null) {
        out.add(new ExportChannel(id, name, isPrivate));
      }
    }
  }

  /** The file or directory this export was opened from. */
  public Path path() {
    return path;
  }

  /** Public channels first, then private ones, in the order the export lists them. */
  public List<ExportChannel> channels() {
    return channels;
  }

  /**
   * The workspace id: the {@code team_id} (or {@code team}) of the users in users.json, else the
   * {@code team} of the first message that has one, else {@link #DEFAULT_WORKSPACE_ID}. Without
   * users.json this reads day files until one names a team, once.
   */
  public String workspaceId() {
    if (workspaceId == null) {
      String fromUsers = users.teamId();
      workspaceId = fromUsers != null ? fromUsers : dayFiles().firstTeam();
      if (workspaceId == null) {
        workspaceId = DEFAULT_WORKSPACE_ID;
      }
    }
    return workspaceId;
  }

  /**
   * Every message of every channel, sorted by ts across channels (ties keep channel order).
   *
   * @param warnings told of each day file, message or folder skipped; the rest is still read
   */
  public List<Message> messages(Consumer<ExportWarning> warnings) {
    Map<String, String> channelNames = new HashMap<>();
    channels.forEach(c -> channelNames.put(c.id(), c.name()));
    MessageMapper mapper = new MessageMapper(workspaceId(), users, channelNames::get);
    return dayFiles().read(mapper, warnings);
  }

  private DayFiles dayFiles() {
    return new DayFiles(files, channels, directMessageFolders);
  }

  /** Releases the zip file; reading after this fails. */
  @Override
  public void close() {
    try {
      files.close();
    } catch (IOException e) {
      throw new UncheckedIOException("could not close " + path, e);
    }
  }
}

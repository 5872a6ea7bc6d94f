package dev.sift.bot.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sift.bot.config.LiveSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which channels Sift triages: those sift.yml lists (or every channel the bot is in when it lists
 * none), plus those someone ran {@code /triage watch} in, minus those someone ran {@code /triage
 * unwatch} in. The commands' effect is saved in the data directory, so it survives restarts.
 */
public final class Watchlist {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final LiveSettings settings;
  private final Path file;
  private final Set<String> watched = new TreeSet<>();
  private final Set<String> unwatched = new TreeSet<>();

  public Watchlist(LiveSettings settings, Path file) {
    this.settings = settings;
    this.file = file;
    if (Files.isRegularFile(file)) {
      try {
        Saved saved = JSON.readValue(file.toFile(), Saved.class);
        watched.addAll(saved.watched());
        unwatched.addAll(saved.unwatched());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
      }
    }
  }

  private record Saved(Set<String> watched, Set<String> unwatched) {
    Saved {
      watched = watched == null ? Set.of() : watched;
      unwatched = unwatched == null ? Set.of() : unwatched;
    }
  }

  /** Whether messages of this channel are triaged. */
  public synchronized boolean monitors(String channelId, String channelName) {
    if (unwatched.contains(channelId)) {
      return false;
    }
    return settings.channels().isEmpty()
        || watched.contains(channelId)
        || LiveSettings.listed(settings.channels(), channelId, channelName);
  }

  /** Whether other bots' posts in this channel are triaged (monitoring alerts). */
  public boolean triagesBots(String channelId, String channelName) {
    return LiveSettings.listed(settings.botChannels(), channelId, channelName);
  }

  public synchronized void watch(String channelId) {
    unwatched.remove(channelId);
    watched.add(channelId);
    save();
  }

  public synchronized void unwatch(String channelId) {
    watched.remove(channelId);
    unwatched.add(channelId);
    save();
  }

  private void save() {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      JSON.writerWithDefaultPrettyPrinter()
          .writeValue(tmp.toFile(), Map.of("watched", watched, "unwatched", unwatched));
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save " + file + ": " + e.getMessage(), e);
    }
  }
}

package dev.sift.bot.install;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Workspaces that uninstalled Sift, each with the time its data is to be deleted, kept in {@code
 * <data>/farewells.json} so the grace period survives restarts. Written whole and renamed into
 * place: a crash leaves the old list or the new one.
 */
public final class Farewells {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final Map<String, Instant> due = new TreeMap<>();

  public Farewells(Path file) {
    this.file = file;
    if (Files.exists(file)) {
      try {
        Map<String, String> read = JSON.readValue(file.toFile(), new TypeReference<>() {});
        read.forEach((team, at) -> due.put(team, Instant.parse(at)));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
      }
    }
  }

  /** The workspace's data goes at {@code at}, unless it installs Sift again before. */
  public synchronized void schedule(String teamId, Instant at) {
    due.putIfAbsent(
        teamId, at); // a second event (tokens_revoked after app_uninstalled) changes nothing
    save();
  }

  /** The workspace came back (installed again): its data stays. True if a deletion was pending. */
  public synchronized boolean cancel(String teamId) {
    boolean was = due.remove(teamId) != null;
    if (was) {
      save();
    }
    return was;
  }

  /** Workspaces whose time has come by {@code now}. */
  public synchronized java.util.List<String> dueBy(Instant now) {
    return due.entrySet().stream()
        .filter(e -> !e.getValue().isAfter(now))
        .map(Map.Entry::getKey)
        .toList();
  }

  public synchronized Map<String, Instant> pending() {
    return Map.copyOf(due);
  }

  /** The workspace's data is gone. */
  public synchronized void done(String teamId) {
    due.remove(teamId);
    save();
  }

  private void save() {
    Map<String, String> out = new TreeMap<>();
    due.forEach((team, at) -> out.put(team, at.toString()));
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      JSON.writeValue(temp.toFile(), out);
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}

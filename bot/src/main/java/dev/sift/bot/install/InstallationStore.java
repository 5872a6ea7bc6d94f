package dev.sift.bot.install;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Installations on disk, one sealed file per workspace or org install under {@code
 * <data>/installations/}. Each file is replaced atomically (written beside it, synced, renamed), so
 * a crash leaves the old record or the new one, never half of one.
 */
public final class InstallationStore {
  static final String SUFFIX = ".sealed";
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final Path dir;
  private final Sealer sealer;

  InstallationStore(Path dir, Sealer sealer) {
    this.dir = dir;
    this.sealer = sealer;
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * The store under {@code dataDir} with the keys from {@code env}; every record is opened once
   * here, so a wrong key or an altered record stops the start with a clear error, not the first
   * event of that workspace.
   */
  public static InstallationStore open(Path dataDir, java.util.Map<String, String> env) {
    InstallationStore store =
        new InstallationStore(
            dataDir.resolve("installations"),
            new Sealer(
                TokenKey.fromEnv(env, TokenKey.ENV),
                TokenKey.optionalFromEnv(env, TokenKey.PREVIOUS_ENV)));
    store.all();
    return store;
  }

  /** Saves (or replaces) an installation's record. */
  public void save(Installation installation) {
    String name = installation.key();
    byte[] plain;
    try {
      plain = JSON.writeValueAsBytes(installation);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    write(name, sealer.seal(plain, name));
  }

  /**
   * The installation serving {@code teamId}: the workspace's own, else its org's install (an org
   * install serves every workspace of the org, and events from them carry the workspace's id).
   */
  public Optional<Installation> find(String enterpriseId, String teamId) {
    if (teamId != null) {
      Optional<Installation> own = read(Installation.key(null, teamId));
      if (own.isPresent()) {
        return own;
      }
    }
    return enterpriseId == null ? Optional.empty() : read(Installation.key(enterpriseId, null));
  }

  /**
   * Deletes the workspace's record (or, with no team, the org install's); true if there was one.
   */
  public boolean delete(String enterpriseId, String teamId) {
    String name =
        teamId != null ? Installation.key(null, teamId) : Installation.key(enterpriseId, null);
    try {
      return Files.deleteIfExists(file(name));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + file(name) + ": " + e.getMessage(), e);
    }
  }

  /** Every installation. */
  public List<Installation> all() {
    List<Installation> out = new ArrayList<>();
    for (String name : names()) {
      read(name).ifPresent(out::add);
    }
    return out;
  }

  /** The record names on disk. */
  List<String> names() {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(SUFFIX))
          .map(n -> n.substring(0, n.length() - SUFFIX.length()))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  /** A record as stored (sealed), for key rotation. */
  String sealed(String name) {
    try {
      return Files.readString(file(name), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file(name) + ": " + e.getMessage(), e);
    }
  }

  Sealer sealer() {
    return sealer;
  }

  private Optional<Installation> read(String name) {
    Path file = file(name);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    byte[] plain = sealer.open(sealed(name), name);
    try {
      return Optional.of(JSON.readValue(plain, Installation.class));
    } catch (IOException e) {
      // Not e's message: Jackson quotes the input, and the input holds the tokens.
      throw new InstallStoreException(
          "the installation record " + name + " decrypts but is not an installation");
    }
  }

  /** Writes beside the record, syncs, renames over it, syncs the directory. */
  void write(String name, String sealed) {
    Path target = file(name);
    Path temp = dir.resolve(name + SUFFIX + ".tmp");
    try {
      try (FileChannel out =
          FileChannel.open(
              temp,
              StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE)) {
        out.write(java.nio.ByteBuffer.wrap(sealed.getBytes(StandardCharsets.US_ASCII)));
        out.force(true);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
        d.force(true);
      } catch (IOException e) {
        // Some file systems cannot sync a directory; the rename itself is still atomic.
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  private Path file(String name) {
    return dir.resolve(name + SUFFIX);
  }
}

package dev.sift.bot.install;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Re-encrypts every installation record with the current key ({@code SIFT_TOKEN_KEY}), reading the
 * old ones with the previous key ({@code SIFT_TOKEN_KEY_PREVIOUS}). Every record is opened before
 * any is written, so a record that cannot be read stops the rotation with nothing changed; each
 * record is then replaced atomically, and one already sealed with the current key is left as it is,
 * so a rotation stopped half-way is finished by running it again.
 */
public final class KeyRotation {
  private final InstallationStore store;

  public KeyRotation(InstallationStore store) {
    this.store = store;
  }

  /** What a rotation did. */
  public record Result(int rotated, int alreadyCurrent, String keyId) {}

  public Result run() {
    Sealer sealer = store.sealer();
    String currentId = sealer.current().id();
    Map<String, byte[]> pending = new LinkedHashMap<>();
    List<String> current = new ArrayList<>();
    for (String name : store.names()) {
      String sealed = store.sealed(name);
      byte[] plain = sealer.open(sealed, name); // throws, naming the record, before any write
      if (Sealer.keyIdOf(sealed, name).equals(currentId)) {
        current.add(name);
      } else {
        pending.put(name, plain);
      }
    }
    pending.forEach((name, plain) -> store.write(name, sealer.seal(plain, name)));
    return new Result(pending.size(), current.size(), currentId);
  }
}

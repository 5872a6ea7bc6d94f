package dev.sift.bot.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sift keys rotate}: every record re-encrypted with the new key, none lost. */
class KeyRotationTest {
  @TempDir Path data;
  private final String oldKey = Keys.newKey();
  private final String newKey = Keys.newKey();

  @Test
  void should_re_encrypt_every_record_with_the_new_key_and_keep_them_all() {
    InstallationStore before = InstallationStore.open(data, Keys.env(oldKey));
    List<Installation> installed =
        List.of(
            Keys.team("T0AAA", "xoxb-a"), Keys.team("T0BBB", "xoxb-b"), Keys.org("E0C", "xoxb-c"));
    installed.forEach(before::save);

    var result = new KeyRotation(InstallationStore.open(data, Keys.env(newKey, oldKey))).run();

    assertThat(result.rotated()).isEqualTo(3);
    InstallationStore after = InstallationStore.open(data, Keys.env(newKey));
    assertThat(after.all()).containsExactlyInAnyOrderElementsOf(installed);
    assertThatThrownBy(() -> InstallationStore.open(data, Keys.env(oldKey)))
        .isInstanceOf(InstallStoreException.class);
  }

  @Test
  void should_finish_a_rotation_that_stopped_half_way_when_run_again() {
    InstallationStore old = InstallationStore.open(data, Keys.env(oldKey));
    old.save(Keys.team("T0AAA", "xoxb-a"));
    old.save(Keys.team("T0BBB", "xoxb-b"));
    // As if the first rotation stopped after one record: one sealed with each key.
    InstallationStore both = InstallationStore.open(data, Keys.env(newKey, oldKey));
    both.save(Keys.team("T0AAA", "xoxb-a"));
    assertThat(both.all()).hasSize(2); // the app still reads both while rotating

    var result = new KeyRotation(both).run();

    assertThat(result.rotated()).isEqualTo(1);
    assertThat(result.alreadyCurrent()).isEqualTo(1);
    assertThat(InstallationStore.open(data, Keys.env(newKey)).all())
        .extracting(Installation::botToken)
        .containsExactlyInAnyOrder("xoxb-a", "xoxb-b");
  }

  @Test
  void should_change_nothing_when_the_previous_key_is_wrong() {
    InstallationStore.open(data, Keys.env(oldKey)).save(Keys.team("T0AAA", "xoxb-a"));
    String sealed = InstallationStore.open(data, Keys.env(oldKey)).sealed("team-T0AAA");
    InstallationStore store =
        new InstallationStore(
            data.resolve("installations"),
            new Sealer(TokenKey.parse(newKey, "new"), TokenKey.parse(Keys.newKey(), "wrong")));

    assertThatThrownBy(() -> new KeyRotation(store).run())
        .isInstanceOf(InstallStoreException.class)
        .hasMessageContaining("team-T0AAA")
        .hasMessageContaining("was encrypted with key");
    assertThat(store.sealed("team-T0AAA")).isEqualTo(sealed);
  }
}

package dev.sift.bot.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The installation store: tokens sealed at rest, clear errors for every way a key can be wrong. */
class InstallationStoreTest {
  private static final String TOKEN = "xoxb-1111-2222-SECRETSECRETSECRET";

  @TempDir Path data;
  private final String key = Keys.newKey();

  @Test
  void should_keep_an_installation_with_its_token_encrypted_on_disk() throws Exception {
    InstallationStore store = InstallationStore.open(data, Keys.env(key));

    store.save(Keys.team("T0AAA", TOKEN));

    assertThat(InstallationStore.open(data, Keys.env(key)).find(null, "T0AAA"))
        .hasValueSatisfying(i -> assertThat(i.botToken()).isEqualTo(TOKEN));
    Path file = data.resolve("installations/team-T0AAA.sealed");
    String onDisk = Files.readString(file, StandardCharsets.US_ASCII);
    assertThat(onDisk).doesNotContain(TOKEN).doesNotContain("SECRET").doesNotContain("T0AAA");
    assertThat(data.resolve("installations")).isDirectoryNotContaining("glob:**.tmp");
  }

  @Test
  void should_use_a_fresh_nonce_for_every_record() {
    InstallationStore store = InstallationStore.open(data, Keys.env(key));
    store.save(Keys.team("T0AAA", TOKEN));
    String first = store.sealed("team-T0AAA");

    store.save(Keys.team("T0AAA", TOKEN));

    assertThat(store.sealed("team-T0AAA")).isNotEqualTo(first);
  }

  @Test
  void should_serve_every_workspace_of_an_org_from_its_org_install() {
    InstallationStore store = InstallationStore.open(data, Keys.env(key));
    store.save(Keys.org("E0ORG", "xoxb-org-token"));
    store.save(Keys.team("T0OWN", "xoxb-own-token"));

    assertThat(store.find("E0ORG", "T0ANY")).map(Installation::botToken).hasValue("xoxb-org-token");
    assertThat(store.find("E0ORG", "T0OWN")).map(Installation::botToken).hasValue("xoxb-own-token");
    assertThat(store.find(null, "T0ANY")).isEmpty();
    assertThat(store.find("E0OTHER", "T0ANY")).isEmpty();
  }

  @Test
  void should_refuse_a_record_altered_on_disk_with_a_clear_error() throws Exception {
    InstallationStore.open(data, Keys.env(key)).save(Keys.team("T0AAA", TOKEN));
    Path file = data.resolve("installations/team-T0AAA.sealed");
    char[] sealed = Files.readString(file).toCharArray();
    int at = sealed.length - 10;
    sealed[at] = sealed[at] == 'A' ? 'B' : 'A';
    Files.writeString(file, new String(sealed));

    assertThatThrownBy(() -> InstallationStore.open(data, Keys.env(key)))
        .isInstanceOf(InstallStoreException.class)
        .hasMessageContaining("team-T0AAA")
        .hasMessageContaining("altered or damaged");
  }

  @Test
  void should_refuse_a_record_copied_over_another_workspaces() throws Exception {
    InstallationStore store = InstallationStore.open(data, Keys.env(key));
    store.save(Keys.team("T0AAA", TOKEN));
    Path dir = data.resolve("installations");
    Files.copy(dir.resolve("team-T0AAA.sealed"), dir.resolve("team-T0BBB.sealed"));

    assertThatThrownBy(() -> store.find(null, "T0BBB"))
        .isInstanceOf(InstallStoreException.class)
        .hasMessageContaining("team-T0BBB")
        .hasMessageContaining("copied from another record");
  }

  @Test
  void should_name_both_keys_when_the_key_is_not_the_one_the_records_were_written_with() {
    InstallationStore.open(data, Keys.env(key)).save(Keys.team("T0AAA", TOKEN));
    String other = Keys.newKey();

    assertThatThrownBy(() -> InstallationStore.open(data, Keys.env(other)))
        .isInstanceOf(InstallStoreException.class)
        .hasMessageContaining("team-T0AAA")
        .hasMessageContaining(TokenKey.parse(key, "k").id())
        .hasMessageContaining(TokenKey.parse(other, "k").id())
        .hasMessageContaining(TokenKey.PREVIOUS_ENV);
  }

  @Test
  void should_refuse_to_open_without_a_key_or_with_one_of_the_wrong_length() {
    assertThatThrownBy(() -> InstallationStore.open(data, Map.of()))
        .isInstanceOf(InstallStoreException.class)
        .hasMessageContaining("SIFT_TOKEN_KEY is not set")
        .hasMessageContaining("openssl rand -base64 32");
    assertThatThrownBy(() -> InstallationStore.open(data, Keys.env("c2hvcnQ=")))
        .hasMessageContaining("must be 32 bytes")
        .hasMessageContaining("5 bytes");
    assertThatThrownBy(() -> InstallationStore.open(data, Keys.env("not base64 at all!")))
        .hasMessageContaining("not base64");
  }

  @Test
  void should_never_show_a_token_in_an_installations_text_or_in_an_error() throws Exception {
    Installation org = Keys.org("E0ORG", TOKEN);
    assertThat(org.toString()).doesNotContain(TOKEN).doesNotContain("xoxe").contains("E0ORG");

    InstallationStore.open(data, Keys.env(key)).save(org);
    Path file = data.resolve("installations/org-E0ORG.sealed");
    Files.writeString(file, Files.readString(file).replace("sift1.", "sift1x."));
    assertThatThrownBy(() -> InstallationStore.open(data, Keys.env(key)))
        .satisfies(e -> assertThat(e.toString()).doesNotContain(TOKEN))
        .hasMessageContaining("not a sealed Sift record");
  }

  @Test
  void should_forget_a_workspace_when_deleted() {
    InstallationStore store = InstallationStore.open(data, Keys.env(key));
    store.save(Keys.team("T0AAA", TOKEN));

    assertThat(store.delete(null, "T0AAA")).isTrue();

    assertThat(store.find(null, "T0AAA")).isEmpty();
    assertThat(store.delete(null, "T0AAA")).isFalse();
  }
}

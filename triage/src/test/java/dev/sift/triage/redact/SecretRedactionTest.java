package dev.sift.triage.redact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fake credentials are split in two so that secret scanners on the repository do not flag the
 * fixtures.
 */
class SecretRedactionTest {
  static final String SLACK_BOT_TOKEN =
      "xoxb-" + "1234567890-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx";
  static final String GITHUB_TOKEN = "gh" + "p_abcdefghijklmnopqrstuvwxyz0123456789";
  static final String AWS_KEY_ID = "AKIA" + "IOSFODNN7EXAMPLE";
  static final String AWS_SECRET = "wJalrXUtnFEMI/" + "K7MDENG/bPxRfiCYEXAMPLEKEY";
  static final String JWT =
      "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
          + "eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ."
          + "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

  private final Redactor redactor = Redactor.standard();

  @ParameterizedTest
  @ValueSource(
      strings = {
        SLACK_BOT_TOKEN,
        "xapp-" + "1-A0123456789-1234567890123-abcdef0123456789",
        "https://hooks.slack.com/" + "services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX",
        AWS_KEY_ID,
        GITHUB_TOKEN,
        "github_pat_" + "11ABCDEFG0abcdefghijklmnop_xyz",
        "sk-" + "proj-abc123DEF456ghi789JKL",
        "sk-" + "ant-api03-abcdEFGH1234ijklMNOP",
        JWT
      })
  void should_redact_whole_credential_when_it_has_a_known_token_format(String secret) {
    var r = redactor.redact("use " + secret + " for now");

    assertThat(r.text()).isEqualTo("use [SECRET_1] for now");
    assertThat(r.originals()).containsEntry("[SECRET_1]", secret);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "tokens start with xoxb- and xapp-",
        "xoxb-short",
        "ghp_short",
        "AKIA1234",
        "pip install sk-learn-tutorial-for-beginners",
        "task-abcdefghijklmnopqrstu1",
        "header eyJhbGciOiJIUzI1NiJ9 alone",
        "forgot my password? Password:\nnext line",
        "https://example.com:8080/path@x"
      })
  void should_keep_text_when_it_only_looks_like_a_credential(String text) {
    assertThat(redactor.redact(text).text()).isEqualTo(text);
  }

  @Test
  void should_redact_only_the_value_when_an_aws_secret_is_assigned() {
    var r = redactor.redact("aws_secret_access_key = " + AWS_SECRET + "\nregion = eu-west-1");

    assertThat(r.text()).isEqualTo("aws_secret_access_key = [SECRET_1]\nregion = eu-west-1");
  }

  @Test
  void should_keep_scheme_user_and_host_when_a_url_carries_a_password() {
    var r =
        redactor.redact(
            "db is postgres://app:hunter2@db.internal:5432/prod and <https://bob:p@ss@x.io|x>");

    assertThat(r.text())
        .isEqualTo(
            "db is postgres://app:[SECRET_1]@db.internal:5432/prod and"
                + " <https://bob:[SECRET_2]@x.io|x>");
    assertThat(r.originals()).containsValues("hunter2", "p@ss");
  }

  @Test
  void should_redact_the_token_once_when_it_is_used_as_a_url_password() {
    var r = redactor.redact("git clone https://me:" + GITHUB_TOKEN + "@github.com/acme/app");

    assertThat(r.text()).isEqualTo("git clone https://me:[SECRET_1]@github.com/acme/app");
    assertThat(r.originals()).containsExactly(entry("[SECRET_1]", GITHUB_TOKEN));
  }

  @Test
  void should_redact_only_the_value_when_a_password_is_assigned() {
    var r =
        redactor.redact(
            "login?user=bob&password=hunter2&x=1; {\"passwd\": \"correct horse\"}; pwd: s3cr3t");

    assertThat(r.text())
        .isEqualTo(
            "login?user=bob&password=[SECRET_1]&x=1; {\"passwd\": \"[SECRET_2]\"}; pwd:"
                + " [SECRET_3]");
  }

  @Test
  void should_redact_whole_block_when_a_pem_private_key_is_pasted() {
    String key =
        "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAx4111111111111111\n"
            + "abcdEFGH1234ijklmnop\n-----END RSA PRIVATE KEY-----";

    var r = redactor.redact("oops:\n```" + key + "```\nplease rotate");

    assertThat(r.text()).isEqualTo("oops:\n```[SECRET_1]```\nplease rotate");
    assertThat(r.kinds()).containsExactly("secret");
  }

  @Test
  void should_redact_key_lines_when_a_pem_block_is_cut_off_before_its_end() {
    var r =
        redactor.redact(
            "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmU\n"
                + "AAAAAAAAAAABAAAAMwAAAAtzc2gtZW\n(truncated) can someone rotate it");

    assertThat(r.text()).isEqualTo("[SECRET_1]\n(truncated) can someone rotate it");
  }
}

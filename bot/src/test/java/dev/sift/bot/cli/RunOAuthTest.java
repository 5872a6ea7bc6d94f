package dev.sift.bot.cli;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code sift run} does not silently ignore an OAuth set-up it cannot serve yet. */
class RunOAuthTest {
  @Test
  void should_refuse_to_run_with_a_client_id_rather_than_ignore_it() {
    assertThatThrownBy(() -> RunCommand.refuseOAuthForNow(Map.of("SLACK_CLIENT_ID", "1111.2222")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SLACK_CLIENT_ID")
        .hasMessageContaining("SLACK_BOT_TOKEN");
    assertThatCode(() -> RunCommand.refuseOAuthForNow(Map.of())).doesNotThrowAnyException();
  }
}

package dev.sift.triage.priority;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AllClearTest {
  @Test
  void should_pair_an_alerts_recovery_with_its_firing_by_subject() {
    Alert firing = Alert.in("[Firing] vpn-gateway: unreachable\nEnvironment: prod").orElseThrow();
    AllClear clear =
        AllClear.in(":white_check_mark: [Recovered] vpn-gateway: unreachable\n").orElseThrow();

    assertThat(firing.state()).isEqualTo(Alert.State.FIRING);
    assertThat(clear.alert().state()).isEqualTo(Alert.State.RECOVERED);
    assertThat(clear.alert().subject()).isEqualTo(firing.subject());
    assertThat(clear.words()).isEqualTo("[Recovered]");
  }

  @Test
  void should_read_the_states_of_common_alerting_tools() {
    assertThat(Alert.in("[FIRING:3] KubePodCrashLooping").orElseThrow().state())
        .isEqualTo(Alert.State.FIRING);
    assertThat(Alert.in("Triggered: [P2] disk full on db-1").orElseThrow().state())
        .isEqualTo(Alert.State.FIRING);
    assertThat(Alert.in("Acknowledged #4521 portal-web down").orElseThrow().state())
        .isEqualTo(Alert.State.ACKNOWLEDGED);
    assertThat(Alert.in("[No Data] Queue depth").orElseThrow().state()).isEqualTo(Alert.State.INFO);
    assertThat(Alert.in("OK - will do after lunch")).isEmpty();
    assertThat(Alert.in("the alert said [Recovered] but it is not")).isEmpty();
  }

  @Test
  void should_take_a_persons_all_clear_only_when_stated_as_fact() {
    assertThat(AllClear.in("portal is back up, thanks everyone")).isPresent();
    assertThat(AllClear.in("all good now on my side")).isPresent();
    assertThat(AllClear.in("is it back up?")).isEmpty();
    assertThat(AllClear.in("not resolved yet, still looking")).isEmpty();
    assertThat(AllClear.in("ping me once it's back up")).isEmpty();
    assertThat(AllClear.in("please back up the database before the migration")).isEmpty();
    assertThat(AllClear.in("> resolved\nwho wrote that? it is still failing")).isEmpty();
  }

  @Test
  void should_never_call_a_firing_alert_an_all_clear() {
    assertThat(AllClear.in("[Firing] checkout: error rate recovered then spiked again")).isEmpty();
  }
}

package dev.sift.bot.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The test's reader of the exposition format refuses what Prometheus would. */
class PrometheusTextTest {
  @Test
  void should_read_a_well_formed_exposition() {
    var f =
        PrometheusText.parse(
            "# HELP x_total X.\n# TYPE x_total counter\nx_total{a=\"b\\\"c\"} 2.0\n");

    assertThat(PrometheusText.value(f, "x_total", Map.of("a", "b\"c"))).isEqualTo(2.0);
  }

  @Test
  void should_refuse_what_the_format_does_not_allow() {
    assertThatThrownBy(() -> PrometheusText.parse("9bad 1\n")).hasMessageContaining("sample");
    assertThatThrownBy(() -> PrometheusText.parse("x{a=b} 1\n")).hasMessageContaining("quoted");
    assertThatThrownBy(() -> PrometheusText.parse("x one\n")).hasMessageContaining("value");
    assertThatThrownBy(() -> PrometheusText.parse("x 1\n# TYPE x gauge\n"))
        .hasMessageContaining("TYPE");
    assertThatThrownBy(
            () -> PrometheusText.parse("# TYPE a gauge\na 1\n# TYPE b gauge\nb 1\na 2\n"))
        .hasMessageContaining("together");
    assertThatThrownBy(
            () ->
                PrometheusText.parse(
                    "# TYPE h histogram\nh_bucket{le=\"1\"} 2\nh_bucket{le=\"+Inf\"} 1\nh_count 1\n"))
        .hasMessageContaining("fall");
  }
}

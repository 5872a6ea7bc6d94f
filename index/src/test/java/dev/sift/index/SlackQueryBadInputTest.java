package dev.sift.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Queries the fuzz test found failing, kept as plain regressions. */
class SlackQueryBadInputTest {
  private static final ZoneId UTC = ZoneId.of("UTC");

  @Test
  void should_refuse_a_query_longer_than_lucene_takes() {
    String words =
        IntStream.range(0, 1100).mapToObj(i -> "word" + i).collect(Collectors.joining(" "));
    String channels =
        "in:" + IntStream.range(0, 1100).mapToObj(i -> "c" + i).collect(Collectors.joining(","));

    for (String query : new String[] {words, channels}) {
      assertThatThrownBy(() -> SlackQuery.parse(query, UTC))
          .isInstanceOf(QuerySyntaxException.class)
          .hasMessageContaining("too long");
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "after:+999999999-12-31",
        "before:-999999999-01-01",
        "on:+10000-01-01",
        "during:0000",
        "during:+999999999-12-31"
      })
  void should_refuse_a_date_no_message_can_have(String query) {
    assertThatThrownBy(() -> SlackQuery.parse(query, UTC))
        .isInstanceOf(QuerySyntaxException.class)
        .hasMessageContaining("between 1970 and 9999");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"sort:\"", "\"in:\"", "a\"b in:\"", "-\" \"", "x\"y\"z"})
  void should_read_stray_quotes_without_failing(String query) {
    assertThat(SlackQuery.parse(query, UTC)).isNotNull();
  }
}

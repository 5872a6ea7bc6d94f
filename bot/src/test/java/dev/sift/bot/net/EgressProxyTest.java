package dev.sift.bot.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sift.bot.Sift;
import dev.sift.bot.config.ConfigLoader;
import dev.sift.bot.config.SiftConfig;
import java.nio.file.Path;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sift's one HTTP client through a proxy: a MockWebServer plays the proxy and records requests. */
class EgressProxyTest {
  @TempDir Path data;
  private final MockWebServer proxy = new MockWebServer();
  private final MockWebServer direct = new MockWebServer();

  @BeforeEach
  void start() throws Exception {
    proxy.start();
    direct.start();
  }

  @AfterEach
  void stop() throws Exception {
    proxy.close();
    direct.close();
  }

  @Test
  void should_send_slack_calls_through_https_proxy_from_the_environment() throws Exception {
    proxy.enqueue(json("{\"ok\":true,\"team_id\":\"T1\"}"));
    Map<String, String> env =
        Map.of("HTTPS_PROXY", "http://sift:s3cret@127.0.0.1:" + proxy.getPort());

    try (Sift sift = new Sift(SiftConfig.defaults().withDataDir(data), env::get)) {
      String body = post(sift.http(), "http://slack.invalid/api/auth.test");

      assertThat(body).contains("T1");
    }
    RecordedRequest seen = proxy.takeRequest();
    // A proxied request names its whole target; a direct one would have failed to resolve.
    assertThat(seen.getRequestLine()).contains("http://slack.invalid/api/auth.test");
  }

  @Test
  void should_authenticate_to_the_proxy_when_it_asks() throws Exception {
    proxy.enqueue(
        new MockResponse.Builder().code(407).setHeader("Proxy-Authenticate", "Basic").build());
    proxy.enqueue(json("{\"ok\":true}"));
    EgressProxy p =
        EgressProxy.resolve("http://sift:s3cret@127.0.0.1:" + proxy.getPort(), k -> null)
            .orElseThrow();

    post(p.applyTo(new OkHttpClient.Builder()).build(), "http://slack.invalid/api/auth.test");

    proxy.takeRequest();
    assertThat(proxy.takeRequest().getHeaders().get("Proxy-Authorization"))
        .isEqualTo(okhttp3.Credentials.basic("sift", "s3cret"));
  }

  @Test
  void should_go_direct_to_hosts_no_proxy_lists() throws Exception {
    direct.enqueue(json("{\"ok\":true,\"direct\":true}"));
    Map<String, String> env =
        Map.of(
            "HTTPS_PROXY",
            "http://127.0.0.1:" + proxy.getPort(),
            "NO_PROXY",
            "internal.example, localhost");
    EgressProxy p = EgressProxy.resolve(null, env::get).orElseThrow();

    String body =
        post(p.applyTo(new OkHttpClient.Builder()).build(), direct.url("/v1/chat").toString());

    assertThat(body).contains("direct");
    assertThat(proxy.getRequestCount()).isZero();
    assertThat(p.bypasses("llm.internal.example")).isTrue();
    assertThat(p.bypasses("slack.com")).isFalse();
  }

  @Test
  void should_prefer_slack_proxy_in_sift_yml_over_the_environment() {
    SiftConfig config =
        ConfigLoader.parse("slack:\n  proxy: http://proxy.corp.example:3128\n", "sift.yml", data);
    EgressProxy p =
        EgressProxy.resolve(config.live().proxy(), Map.of("HTTPS_PROXY", "http://other:1")::get)
            .orElseThrow();

    assertThat(p.shown()).isEqualTo("http://proxy.corp.example:3128");
    assertThat(p.forHost("slack.com")).isEqualTo("http://proxy.corp.example:3128");
  }

  @Test
  void should_refuse_a_proxy_that_is_not_an_http_url_naming_the_key_and_line() {
    assertThatThrownBy(
            () ->
                ConfigLoader.parse(
                    "slack:\n  workers: 2\n  proxy: socks5://proxy:1080\n", "sift.yml", data))
        .hasMessageContaining("line 3")
        .hasMessageContaining("slack.proxy")
        .hasMessageContaining("http://");
  }

  private static String post(OkHttpClient client, String url) throws Exception {
    Request request =
        new Request.Builder().url(url).post(okhttp3.RequestBody.create(new byte[0], null)).build();
    try (Response r = client.newCall(request).execute()) {
      return r.body().string();
    }
  }

  private static MockResponse json(String body) {
    return new MockResponse.Builder()
        .code(200)
        .setHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }
}

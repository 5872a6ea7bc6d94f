package dev.sift.bot.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;

/**
 * The HTTP(S) proxy every outgoing request goes through, but to the hosts {@code NO_PROXY} lists.
 * From {@code slack.proxy} in sift.yml, else the {@code HTTPS_PROXY} environment variable (or
 * {@code https_proxy}); a proxy URL may carry {@code user:password@} for Basic proxy
 * authentication.
 *
 * @param url {@code http://host:port}, with optional user info
 * @param noProxy host names or suffixes ({@code .corp.example}, {@code corp.example}) and {@code *}
 */
public record EgressProxy(URI url, List<String> noProxy) {

  public EgressProxy {
    if (url.getHost() == null) {
      throw new IllegalArgumentException("the proxy must look like http://host:port, was " + url);
    }
    noProxy = List.copyOf(noProxy);
  }

  /**
   * The proxy to use, if any.
   *
   * @param configured {@code slack.proxy} from sift.yml, or null
   * @param env the environment
   */
  public static Optional<EgressProxy> resolve(String configured, Function<String, String> env) {
    String raw = firstSet(configured, env.apply("HTTPS_PROXY"), env.apply("https_proxy"));
    if (raw == null) {
      return Optional.empty();
    }
    String noProxy = firstSet(env.apply("NO_PROXY"), env.apply("no_proxy"));
    return Optional.of(new EgressProxy(parse(raw), noProxyList(noProxy)));
  }

  /** Whether requests to {@code host} go direct. */
  public boolean bypasses(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    for (String entry : noProxy) {
      if (entry.equals("*")
          || h.equals(entry)
          || h.endsWith(entry.startsWith(".") ? entry : "." + entry)) {
        return true;
      }
    }
    return false;
  }

  /** The client builder with this proxy (and its credentials) set. */
  public OkHttpClient.Builder applyTo(OkHttpClient.Builder builder) {
    builder.proxySelector(selector());
    String userInfo = url.getRawUserInfo();
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      String user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
      String password = colon < 0 ? "" : decode(userInfo.substring(colon + 1));
      String credential = Credentials.basic(user, password);
      builder.proxyAuthenticator(
          (route, response) ->
              response.request().header("Proxy-Authorization") != null
                  ? null // refused once already: do not loop
                  : response
                      .request()
                      .newBuilder()
                      .header("Proxy-Authorization", credential)
                      .build());
    }
    return builder;
  }

  /**
   * The proxy URL for Slack's SDK (Socket Mode's WebSocket), or null when Slack's host bypasses it.
   */
  public String forHost(String host) {
    return bypasses(host) ? null : url.toString();
  }

  /** The proxy URL without its credentials, for logs. */
  public String shown() {
    return url.getScheme() + "://" + url.getHost() + ":" + port();
  }

  private ProxySelector selector() {
    Proxy proxy =
        new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(url.getHost(), port()));
    return new ProxySelector() {
      @Override
      public List<Proxy> select(URI uri) {
        return uri.getHost() != null && bypasses(uri.getHost())
            ? List.of(Proxy.NO_PROXY)
            : List.of(proxy);
      }

      @Override
      public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {}
    };
  }

  private int port() {
    return url.getPort() >= 0 ? url.getPort() : 80;
  }

  private static URI parse(String raw) {
    String s = raw.strip();
    if (!s.contains("://")) {
      s = "http://" + s; // "proxy.corp:3128", as many tools accept
    }
    try {
      URI uri = new URI(s);
      if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
        throw new IllegalArgumentException(
            "the proxy must be an http:// URL such as http://proxy.corp.example:3128, was '"
                + raw
                + "'");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("the proxy is not a URL: '" + raw + "'", e);
    }
  }

  private static List<String> noProxyList(String raw) {
    if (raw == null) {
      return List.of();
    }
    return Arrays.stream(raw.split(","))
        .map(s -> s.strip().toLowerCase(Locale.ROOT).replaceFirst(":\\d+$", ""))
        .filter(s -> !s.isEmpty())
        .toList();
  }

  private static String firstSet(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}

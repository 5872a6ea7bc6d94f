package dev.sift.bot.cli;

import com.slack.api.SlackConfig;
import dev.sift.bot.Sift;
import dev.sift.bot.config.SiftConfig;
import dev.sift.bot.install.FrontDoor;
import dev.sift.bot.install.OAuthSettings;
import dev.sift.bot.net.EgressProxy;
import dev.sift.bot.slack.LiveApp;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sift run}: the live Slack app, until stopped. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    header = "Run the live Slack app (Socket Mode or HTTP).",
    description = {
      "Run the Slack app. Socket Mode when SLACK_APP_TOKEN is set (no public URL needed),",
      "otherwise HTTP mode on --port, which needs SLACK_SIGNING_SECRET. SLACK_BOT_TOKEN is",
      "always required. Health: http://127.0.0.1:PORT/health (/health/live, /health/ready),",
      "Prometheus metrics: http://127.0.0.1:PORT/metrics"
    })
final class RunCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description =
          "HTTP port for health and, in HTTP mode, Slack's requests (default: $SIFT_PORT,"
              + " else 3000).")
  Integer port;

  @Option(
      names = "--bind",
      paramLabel = "ADDRESS",
      description =
          "Address the HTTP port listens on (default: 127.0.0.1, this machine only). In HTTP mode"
              + " Slack must reach /slack/events: use 0.0.0.0, or keep 127.0.0.1 behind a reverse"
              + " proxy.")
  String bind;

  @Spec CommandSpec spec;

  /**
   * The config takes effect at start (there is no reload): each start writes the file's SHA-256 to
   * the audit log, so a changed config shows as a new hash beside who started Sift.
   */
  private void recordConfig(Sift sift) {
    var file = common.configFile();
    String hash = "defaults";
    if (file.isPresent()) {
      try {
        hash = dev.sift.triage.audit.Audit.sha256(java.nio.file.Files.readString(file.get()));
      } catch (java.io.IOException e) {
        hash = "unreadable: " + e.getMessage();
      }
    }
    sift.audit()
        .record(
            "cli:" + System.getProperty("user.name", "unknown"),
            "config.loaded",
            file.map(p -> p.toAbsolutePath().toString()).orElse(null),
            java.util.Map.of("sha256", hash));
  }

  @Override
  public Integer call() throws InterruptedException {
    SiftConfig config = common.resolve();
    String apiUrl = System.getenv("SLACK_API_URL");
    OAuthSettings oauth =
        OAuthSettings.fromEnv(
            System.getenv(),
            config.install().redirectUri(),
            config.install().scopes(),
            config.install().forgetAfter());
    if (oauth != null) {
      return runInstalled(config, oauth, apiUrl);
    }
    Sift sift = new Sift(config);
    recordConfig(sift);
    LiveApp.Options options;
    try {
      options =
          new LiveApp.Options(
              System.getenv("SLACK_BOT_TOKEN"),
              System.getenv("SLACK_APP_TOKEN"),
              System.getenv("SLACK_SIGNING_SECRET"),
              port != null ? port : envPort(),
              slackConfig(
                  apiUrl != null && !apiUrl.isBlank() ? apiUrl : config.live().apiUrl(),
                  sift.proxy().orElse(null)),
              true,
              bind);
    } catch (RuntimeException e) {
      sift.close();
      throw e;
    }
    LiveApp app;
    try {
      app = LiveApp.start(sift, options);
    } catch (RuntimeException e) {
      sift.close();
      throw e;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  app.close();
                  sift.close();
                  stopped.countDown();
                },
                "sift-shutdown"));
    spec.commandLine()
        .getOut()
        .printf(
            "Sift is running (%s). Health: http://%s:%d/health, metrics: /metrics. Ctrl-C stops"
                + " it.%n",
            options.socketMode() ? "Socket Mode" : "HTTP mode", options.bind(), app.port());
    stopped.await();
    return 0;
  }

  /**
   * The SDK's config: Slack's own endpoints, or {@code SLACK_API_URL} (GovSlack, an egress proxy, a
   * Slack-compatible emulator; else {@code slack.api_url}), used for every Web API call, {@code
   * apps.connections.open} too; and the egress proxy for Socket Mode's WebSocket.
   */
  static SlackConfig slackConfig(String apiUrl, EgressProxy proxy) {
    SlackConfig config = new SlackConfig();
    if (proxy != null) {
      // The Web API goes through the shared OkHttpClient, which has the proxy; Socket Mode's
      // WebSocket client takes it from here.
      String host =
          java.net
              .URI
              .create(apiUrl != null && !apiUrl.isBlank() ? apiUrl.strip() : "https://slack.com/")
              .getHost();
      config.setProxyUrl(proxy.forHost(host == null ? "slack.com" : host));
    }
    if (apiUrl != null && !apiUrl.isBlank()) {
      String prefix = apiUrl.strip();
      if (!prefix.startsWith("https://") && !prefix.startsWith("http://")) {
        throw new IllegalArgumentException(
            "SLACK_API_URL must be an http(s) URL such as https://slack.com/api/, was '"
                + apiUrl
                + "'");
      }
      config.setMethodsEndpointUrlPrefix(prefix.endsWith("/") ? prefix : prefix + "/");
    }
    return config;
  }

  /**
   * Installed by OAuth in several workspaces (SLACK_CLIENT_ID set): HTTP mode, one port for the
   * install pages and every workspace's requests, each workspace served by its own Sift.
   */
  private Integer runInstalled(SiftConfig config, OAuthSettings oauth, String apiUrl)
      throws InterruptedException {
    FrontDoor door;
    try {
      door =
          FrontDoor.open(
              config,
              oauth,
              System.getenv(),
              slackConfig(
                  apiUrl != null && !apiUrl.isBlank() ? apiUrl : config.live().apiUrl(),
                  EgressProxy.resolve(config.live().proxy(), System::getenv).orElse(null)),
              bind == null || bind.isBlank() ? LiveApp.LOOPBACK : bind.strip(),
              port != null ? port : envPort(),
              System.getenv("SLACK_SIGNING_SECRET"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot open the HTTP port: " + e.getMessage(), e);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  door.close();
                  stopped.countDown();
                },
                "sift-shutdown"));
    spec.commandLine()
        .getOut()
        .printf(
            "Sift is running for %d installed workspace(s) (HTTP mode). Install it in another at"
                + " :%d%s. Ctrl-C stops it.%n",
            door.fleet().serving().size(), door.port(), FrontDoor.INSTALL_PATH);
    stopped.await();
    return 0;
  }

  private static int envPort() {
    String p = System.getenv("SIFT_PORT");
    if (p == null || p.isBlank()) {
      return 3000;
    }
    try {
      return Integer.parseInt(p.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("SIFT_PORT must be a port number, was '" + p + "'");
    }
  }
}

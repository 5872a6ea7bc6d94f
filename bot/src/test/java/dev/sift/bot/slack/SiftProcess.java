package dev.sift.bot.slack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code sift run} process for the drills, against the {@link SlackEmulator}: started on a
 * free port of 127.0.0.1 with its log in the work folder, killed with {@code kill -9} or stopped
 * with SIGTERM, and asked for its health.
 */
final class SiftProcess {
  private final Path work;
  private final String name;
  private final Map<String, String> env;
  private int started;
  private volatile Process process;
  private volatile int port;

  /**
   * @param name names its logs ({@code <name>-<n>.log}, one per start)
   * @param env environment besides the Slack tokens
   */
  SiftProcess(Path work, String name, Map<String, String> env) {
    this.work = work;
    this.name = name;
    this.env = Map.copyOf(env);
  }

  void start(SlackEmulator slack, Path config) throws IOException {
    port = freePort();
    started++;
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
            java,
            "-Xmx1g",
            "-cp",
            System.getProperty("java.class.path"),
            "dev.sift.bot.cli.SiftCommand",
            "run",
            "--config",
            config.toString(),
            "--port",
            Integer.toString(port));
    pb.environment().put("SLACK_BOT_TOKEN", "xoxb-drill");
    pb.environment().put("SLACK_APP_TOKEN", "xapp-drill");
    pb.environment().put("SLACK_API_URL", slack.apiUrl());
    pb.environment().putAll(env);
    pb.redirectErrorStream(true);
    pb.redirectOutput(work.resolve(name + "-" + started + ".log").toFile());
    process = pb.start();
  }

  /** Waits until it answers on /health and Slack has a connection from it. */
  void awaitUp(SlackEmulator slack, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      if (health() != null && slack.connected()) {
        Thread.sleep(500); // the first catch-up lists the channels
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(name + ": sift run did not come up within " + timeout);
  }

  /** SIGKILL: no shutdown hook, no last commit. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** SIGTERM: the shutdown hook drains, commits and exits. */
  void stopGracefully() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      throw new AssertionError(name + ": sift run did not stop within 90 s of SIGTERM");
    }
  }

  /** Kills it if it still runs: a drill that failed leaves no process behind. */
  void destroy() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroyForcibly().waitFor();
    }
  }

  /** GET /health of the running process (ready or not), or null while it does not answer. */
  String health() {
    try {
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                      .timeout(Duration.ofSeconds(2))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      // 503 is an answer too: up, but not ready (disconnected or catching up).
      return r.statusCode() == 200 || r.statusCode() == 503 ? r.body() : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** The processes' logs, kept under target/ for a look after a failed drill. */
  static void keepLogs(Path work, String folder) throws IOException {
    Path keep = Path.of("target", folder);
    Files.createDirectories(keep);
    try (var logs = Files.list(work)) {
      for (Path log : logs.filter(f -> f.toString().endsWith(".log")).toList()) {
        Files.copy(
            log,
            keep.resolve(log.getFileName()),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  private static int freePort() throws IOException {
    try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}

package dev.sift.bot.install;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import dev.sift.bot.audit.AuditLog;
import dev.sift.bot.config.SiftConfig;
import dev.sift.bot.health.Health;
import dev.sift.bot.http.HttpEndpoint;
import dev.sift.bot.http.RequestSignature;
import dev.sift.bot.schedule.Scheduler;
import dev.sift.triage.concurrent.NamedThreads;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code sift run} installed by OAuth in several workspaces (HTTP mode): one port where people
 * install Sift ({@code /slack/install}, {@code /slack/oauth_redirect}) and Slack sends every
 * workspace's events, commands and actions ({@code /slack/events}), each handed to its workspace's
 * app in the {@link Fleet}; uninstalls are taken here, and forgotten workspaces' data deleted.
 */
public final class FrontDoor implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(FrontDoor.class);

  /** Where people install Sift in their workspace. */
  public static final String INSTALL_PATH = OAuthInstall.INSTALL_PATH;

  private final Fleet fleet;
  private final App front;
  private final Scheduler scheduler;
  private final HttpEndpoint endpoint;
  private final ExecutorService background =
      Executors.newSingleThreadExecutor(NamedThreads.named("sift-fleet"));
  private volatile boolean stopping;
  private final AuditLog audit; // installs, uninstalls and forgotten workspaces of the whole app

  private FrontDoor(
      SiftConfig config,
      OAuthSettings settings,
      Map<String, String> env,
      SlackConfig slackConfig,
      String bind,
      int port,
      String signingSecret)
      throws IOException {
    Clock clock = Clock.systemUTC();
    InstallationStore store = InstallationStore.open(config.dataDir(), env);
    Slack slack = Slack.getInstance(slackConfig);
    Tokens tokens = new Tokens(store, new SlackRefresher(slack.methods(), settings, clock), clock);
    Farewells farewells = new Farewells(config.dataDir().resolve("farewells.json"));
    Fleet[] fleetRef = new Fleet[1];
    this.audit = AuditLog.open(config.dataDir(), clock);
    InstallEvents fleetEvents =
        new InstallEvents() {
          @Override
          public void installed(Installation i) {
            if (i.teamId() != null) {
              background.execute(() -> fleetRef[0].serve(i.teamId()));
            }
          }

          @Override
          public void uninstalled(String teamId, String why) {
            // Off the request thread: stopping an app waits for its queue to drain.
            background.execute(() -> fleetRef[0].stop(teamId));
          }

          @Override
          public void forgotten(String teamId) {}
        };
    InstallEvents events = new AuditedInstallEvents(audit, fleetEvents);
    SealedInstallations installations = new SealedInstallations(store, tokens, events, farewells);
    Workspaces workspaces = Fleet.workspaces(tokens, slack);
    this.fleet = new Fleet(config, settings, installations, workspaces, slackConfig, signingSecret);
    fleetRef[0] = fleet;
    this.front =
        new App(
            OAuthInstall.configure(
                    AppConfig.builder().slack(slack).signingSecret(signingSecret), settings)
                .build());
    OAuthInstall.attach(front, installations, new OneTimeStates(clock));
    Uninstalls uninstalls =
        new Uninstalls(
            workspaces,
            installations,
            farewells,
            fleet::forget,
            events,
            settings.forgetAfter(),
            clock);
    uninstalls.register(front);
    front.start();
    for (Installation i : store.all()) {
      if (i.teamId() != null) {
        fleet.serve(i.teamId());
      }
    }
    this.scheduler = new Scheduler(clock, List.of(uninstalls), Duration.ofMinutes(1));
    scheduler.start();
    this.endpoint =
        new HttpEndpoint(
            bind,
            port,
            front,
            request -> fleet.route(request, front),
            new RequestSignature(signingSecret, clock),
            new Health(
                () -> true,
                () -> true,
                () -> false,
                () -> 0,
                () -> Duration.ZERO,
                () -> false,
                () -> Map.<String, Object>of("workspaces", fleet.serving().size())),
            () -> stopping,
            () -> "");
    log.info(
        "serving {} workspace(s); install at :{}{}",
        fleet.serving().size(),
        endpoint.port(),
        OAuthInstall.INSTALL_PATH);
  }

  /**
   * Opens the installation store (a missing or wrong {@code SIFT_TOKEN_KEY} stops here), starts
   * every installed workspace's app and the shared port.
   */
  public static FrontDoor open(
      SiftConfig config,
      OAuthSettings settings,
      Map<String, String> env,
      SlackConfig slackConfig,
      String bind,
      int port,
      String signingSecret)
      throws IOException {
    if (signingSecret == null || signingSecret.isBlank()) {
      throw new IllegalArgumentException(
          "installing in several workspaces runs in HTTP mode: set SLACK_SIGNING_SECRET");
    }
    return new FrontDoor(config, settings, env, slackConfig, bind, port, signingSecret);
  }

  public int port() {
    return endpoint.port();
  }

  public Fleet fleet() {
    return fleet;
  }

  @Override
  public void close() {
    stopping = true;
    endpoint.close();
    scheduler.close();
    background.shutdown();
    fleet.close();
    try {
      front.stop();
    } catch (Exception e) {
      log.debug("stopping the front app: {}", e.toString());
    }
    audit.close();
  }
}

package dev.sift.bot.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.socket_mode.SocketModeClient;
import com.slack.api.util.http.SlackHttpClient;
import dev.sift.bot.Sift;
import dev.sift.bot.access.Access;
import dev.sift.bot.alerts.SlackErrors;
import dev.sift.bot.api.ItemsApi;
import dev.sift.bot.cards.RoutingCheck;
import dev.sift.bot.config.IndexSettings;
import dev.sift.bot.config.LiveSettings;
import dev.sift.bot.digest.DigestRoutine;
import dev.sift.bot.feedback.CorrectionLog;
import dev.sift.bot.feedback.SharedCorrections;
import dev.sift.bot.health.Readings;
import dev.sift.bot.health.SlackConnection;
import dev.sift.bot.http.HttpEndpoint;
import dev.sift.bot.intake.CatchUps;
import dev.sift.bot.intake.EventMiddleware;
import dev.sift.bot.intake.IndexCommits;
import dev.sift.bot.intake.Intake;
import dev.sift.bot.intake.Journal;
import dev.sift.bot.intake.WorkQueue;
import dev.sift.bot.metrics.SiftMetrics;
import dev.sift.bot.pipeline.TriagePipeline;
import dev.sift.bot.schedule.Claims;
import dev.sift.bot.schedule.Scheduler;
import dev.sift.bot.sinks.Sinks;
import dev.sift.bot.storage.ReplicaMarks;
import dev.sift.triage.concurrent.NamedThreads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live Slack app: Sift's pipeline behind Bolt, over Socket Mode (an app token, no public URL)
 * or HTTP (a signing secret, Slack posts to {@code /slack/events}). Built and started by {@code
 * sift run}; tests start it against a fake Slack.
 */
public final class LiveApp implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LiveApp.class);

  /** Where the health and metrics port listens by default: this machine only. */
  public static final String LOOPBACK = "127.0.0.1";

  /**
   * What the app needs from its environment.
   *
   * @param botToken {@code xoxb-…}, always
   * @param appToken {@code xapp-…} for Socket Mode, or null for HTTP mode
   * @param signingSecret required in HTTP mode
   * @param port the HTTP port (health, and Slack's requests in HTTP mode); 0 picks a free one
   * @param slackConfig the SDK's config (tests point its endpoints at a fake Slack)
   * @param journaled whether events are journaled before they are acked (always, but for the
   *     benchmark that measures what the journal costs)
   * @param bind the address the HTTP port listens on: {@code 127.0.0.1} unless the operator says
   *     otherwise (HTTP mode behind no reverse proxy needs an address Slack can reach)
   * @param hosted set when this app serves one of several installed workspaces behind a shared
   *     front door, else null
   */
  public record Options(
      String botToken,
      String appToken,
      String signingSecret,
      int port,
      SlackConfig slackConfig,
      boolean journaled,
      String bind,
      Hosted hosted) {
    public Options(
        String botToken,
        String appToken,
        String signingSecret,
        int port,
        SlackConfig slackConfig,
        boolean journaled,
        String bind) {
      this(botToken, appToken, signingSecret, port, slackConfig, journaled, bind, null);
    }

    public Options(
        String botToken, String appToken, String signingSecret, int port, SlackConfig slackConfig) {
      this(botToken, appToken, signingSecret, port, slackConfig, true);
    }

    public Options(
        String botToken,
        String appToken,
        String signingSecret,
        int port,
        SlackConfig slackConfig,
        boolean journaled) {
      this(botToken, appToken, signingSecret, port, slackConfig, journaled, LOOPBACK);
    }

    public Options {
      bind = bind == null || bind.isBlank() ? LOOPBACK : bind.strip();
      if (hosted == null && (botToken == null || botToken.isBlank())) {
        throw new IllegalArgumentException(
            "SLACK_BOT_TOKEN is not set: copy the Bot User OAuth Token (xoxb-…) from the app's"
                + " OAuth & Permissions page");
      }
      if ((appToken == null || appToken.isBlank())
          && (signingSecret == null || signingSecret.isBlank())) {
        throw new IllegalArgumentException(
            "set SLACK_APP_TOKEN (xapp-…, Socket Mode) or, for HTTP mode, SLACK_SIGNING_SECRET:"
                + " without a signing secret Sift cannot tell Slack's requests from forged ones");
      }
    }

    public boolean socketMode() {
      return appToken != null && !appToken.isBlank();
    }
  }

  /**
   * One installed workspace of several, served in HTTP mode behind a front door that routes each
   * request to its workspace's app (see {@code dev.sift.bot.install.Fleet}).
   *
   * @param api the workspace's Web API, asking for its current token before every call
   * @param config makes Bolt look each request's token up in the installation store
   * @param attach plugs the installation store into the app
   */
  public record Hosted(
      SlackApi api,
      java.util.function.UnaryOperator<AppConfig.AppConfigBuilder> config,
      java.util.function.Consumer<App> attach) {}

  private final Slack slack;
  private final Claims claims;
  private final Journal journal;
  private final CatchUps catchUps;
  private final WorkQueue queue;
  private final ExecutorService interactive;
  private final Housekeeping housekeeping;
  private final SocketModeApp socketMode;
  private final HttpEndpoint http;
  private final App bolt;
  private final Intake intake;
  private final TaskDesk desk;
  private final Scheduler scheduler;
  private final Sinks sinks;
  private final Sift sift;
  private final SiftMetrics metrics = new SiftMetrics();
  private final Readings readings;
  private final SlackConnection connection = new SlackConnection(Clock.systemUTC());
  private final IndexCommits commits;
  private final SharedCorrections sharedCorrections;
  // A dead replica's channels are caught up here, off the scheduler's thread.
  private final ExecutorService covering =
      Executors.newSingleThreadExecutor(NamedThreads.named("sift-cover"));
  private volatile boolean stopping;

  private LiveApp(Sift sift, Options options) throws IOException {
    this.sift = sift;
    // One HTTP client for the process: Slack's SDK and the LLM providers share its connections.
    this.slack = Slack.getInstance(options.slackConfig(), new SlackHttpClient(sift.http()));
    SlackApi api =
        options.hosted() != null
            ? options.hosted().api()
            : new SlackApi(slack.methods(options.botToken()));
    SlackErrors slackErrors = new SlackErrors(Clock.systemUTC());
    api.observe(new MeteredCalls(metrics, slackErrors));
    AuthTestResponse self =
        new Handshake(api, options.slackConfig().getMethodsEndpointUrlPrefix()).authTest();
    String team = self.getTeamId();
    log.info("connected to {} ({}) as {}", self.getTeam(), self.getUrl(), self.getUser());

    var config = sift.config();
    var live = config.live();
    // A failed conversations.info falls back on what the channel's events said about privacy.
    Directory directory = new Directory(api, sift.privateChannels()::known, System::nanoTime);
    // Who may see what, by Slack's rules: search, queue, digests, Home and task cards all ask.
    Access access =
        new Access(directory, (id, name) -> LiveSettings.listed(live.allowPrivateTo(), id, name));
    Watchlist watchlist = new Watchlist(live, config.dataDir().resolve("watchlist.json"));
    CorrectionLog corrections = new CorrectionLog(config.dataDir().resolve("corrections.jsonl"));
    boolean replicated = config.index().backend() != IndexSettings.Backend.LUCENE;
    this.sharedCorrections = LiveTriage.learn(sift, corrections, replicated);
    PermalinkCache links = new PermalinkCache(self.getUrl());
    Clock clock = Clock.systemUTC();
    // Events go out to the sinks of sift.yml (webhooks, Kafka, Jira) through durable outboxes.
    // A Jira sink's new issue is linked on the item's card, once the desk is set below.
    DeskLink deskLink = new DeskLink();
    this.sinks =
        Sinks.start(
            config.sinks(), config.dataDir(), System::getenv, new OkHttpClient(), clock, deskLink);
    this.claims = LiveSchedules.claims(sift, clock);
    DigestRoutine digests =
        LiveSchedules.digests(
            sift, claims, api, directory, watchlist, links, access, team, sinks, clock);
    try {
      // A schedule or routing rule showing a channel to people who may not read it stops the
      // start here.
      digests.verify();
      RoutingCheck.verify(config.router().rules(), directory, access);
    } catch (RuntimeException e) {
      claims.close();
      sinks.close();
      throw e;
    }
    this.desk = LiveTriage.desk(sift, api, directory, access, links, corrections, claims, clock);
    deskLink.set(desk);
    TriagePipeline pipeline = LiveTriage.pipeline(sift, desk, metrics);
    var jiraHook = LiveTriage.jiraHook(sift, desk, clock);
    LiveTriage.publish(pipeline, sift, links, sinks, clock);
    if (sift.indexProblem() != null) {
      desk.afterIndexRebuild();
    }
    this.queue = new WorkQueue("sift-triage", live.workers(), live.queueCapacity());
    this.interactive = Executors.newFixedThreadPool(2, NamedThreads.named("sift-interactive"));
    desk.shareCorrections(sharedCorrections);
    LiveIntake in =
        LiveIntake.open(
            sift,
            self,
            directory,
            watchlist,
            queue,
            pipeline,
            desk,
            api,
            options.journaled(),
            replicated);
    this.journal = in.journal();
    this.intake = in.intake();
    this.commits = in.commits();
    this.catchUps = in.catchUps();
    // Each replica's marks go to the store with its commits; a replica whose marks stop being
    // renewed has died, and one of the others catches up its channels from them.
    ReplicaMarks replicaMarks =
        replicated
            ? new ReplicaMarks(
                sift.index().notes(), sift.replica(), clock, in.reconciler()::catchUpFor, covering)
            : null;
    if (replicaMarks != null) {
      commits.onCommitted(replicaMarks::committed);
    }
    // Names stored while Slack could not tell them are repaired once a look-up succeeds.
    NameRepair names = new NameRepair(sift.items(), pipeline, queue);
    directory.onNamed(names);
    queue.submit(WorkQueue.LATER, "name unnamed channels", () -> names.sweep(directory));
    TriageCommand command =
        LiveBolt.command(
            sift, directory, access, watchlist, api, corrections, links, clock, intake, team);
    App app = LiveBolt.app(slack, options, metrics, sift);
    this.bolt = app;
    new Listeners(
            team,
            intake,
            desk,
            command,
            pipeline,
            sift.items(),
            sift.taxonomy(),
            api,
            links,
            queue,
            interactive,
            clock,
            sift.summariser(),
            directory)
        .register(app);
    LiveLifecycle lifecycle =
        LiveLifecycle.register(app, sift, team, api, directory, desk, pipeline, queue, clock);

    this.housekeeping =
        Housekeeping.start(
            sift, commits, sharedCorrections, desk, in.reconciler(), queue, pipeline);

    this.readings =
        new Readings(sift, intake, queue, journal, catchUps, connection, metrics, commits::age);
    if (live.adminChannel() != null) {
      housekeeping.alertAdmins(
          api,
          live.adminChannel(),
          clock,
          readings.alertConditions(options.socketMode(), live.queueCapacity(), slackErrors),
          sinks);
    }

    this.scheduler =
        LiveSchedules.scheduler(
            sift,
            clock,
            digests,
            desk,
            claims,
            api,
            directory,
            lifecycle.eraser(),
            lifecycle.channelDeletions(),
            lifecycle.uninstalls(),
            replicaMarks);

    // Tools that close the loop themselves: /api/items/{id}/ack|resolve, as the card's buttons.
    ItemsApi itemsApi = new ItemsApi(team, config.api(), System::getenv, desk, sift.audit(), clock);

    // The start's catch-up reads from the checkpoints as they are before any event comes in: the
    // first live events (Slack delivers at once on connecting) move them past what was missed.
    Map<String, String> checkpointsAtStart =
        replicaMarks == null
            ? sift.index().checkpoints()
            : replicaMarks.startFrom(sift.index().checkpoints());
    if (options.socketMode()) {
      this.socketMode =
          SocketModeStart.connect(
              options.appToken(),
              app,
              intake,
              catchUps,
              checkpointsAtStart,
              sift,
              connection,
              metrics);
      this.http = endpoint(options, null, connection::isConnected);
      log.info("health on http://{}:{}/health, metrics on /metrics", options.bind(), http.port());
    } else {
      app.use(new EventMiddleware(intake));
      app.start();
      catchUps.from(checkpointsAtStart); // HTTP mode has no hello: catch up once at start
      this.socketMode = null;
      // Hosted: the front door takes Slack's requests; this port only tells the health.
      this.http = endpoint(options, options.hosted() == null ? app : null, () -> !api.isRevoked());
      log.info("HTTP mode: Slack posts to :{}/slack/events; health on /health", http.port());
    }
    LiveEndpoint.serve(http, options, itemsApi, config.api().integrations().size(), jiraHook);
    scheduler.start(); // connected: a slot missed while down is posted now, once
  }

  /**
   * Starts the app, waiting (with back-off) while Slack cannot be reached; throws a clear error
   * when Slack refuses the token.
   */
  public static LiveApp start(Sift sift, Options options) {
    try {
      return new LiveApp(sift, options);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the Slack app: " + e.getMessage(), e);
    } catch (SlackCallException e) {
      throw new SlackCallException(e.method(), e.error() + " (while starting)", e);
    }
  }

  /** The address the HTTP port listens on. */
  public java.net.InetSocketAddress address() {
    return http.address();
  }

  /** The Bolt app, for the front door that routes a hosted workspace's requests to it. */
  public App bolt() {
    return bolt;
  }

  /** The HTTP port bound (health; and Slack's requests in HTTP mode). */
  public int port() {
    return http.port();
  }

  /**
   * Waits until every queued message is triaged and its card is in Slack; for tests and a clean
   * shutdown.
   */
  public boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
    long end = System.nanoTime() + unit.toNanos(timeout);
    do {
      if (!queue.awaitIdle(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS)
          || !desk.awaitIdle(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS)) {
        return false;
      }
    } while (queue.size() > 0); // a card change can queue more work (a correction)
    return true;
  }

  /** Where events and catch-ups' copies come in; for tests that hand it a copy themselves. */
  Intake intake() {
    return intake;
  }

  /** The work queue's figures. */
  public WorkQueue queue() {
    return queue;
  }

  /** The health and metrics port (and, in HTTP mode, Slack's requests). */
  private HttpEndpoint endpoint(Options options, App app, BooleanSupplier connected)
      throws IOException {
    return LiveEndpoint.open(
        options,
        app,
        connected,
        () -> stopping,
        sift,
        catchUps,
        queue,
        commits,
        readings,
        sinks,
        metrics);
  }

  /** The metrics registry (tests read it through {@code /metrics}). */
  public SiftMetrics metrics() {
    return metrics;
  }

  /**
   * Stops gracefully, within about half a minute: no new events (the socket closes, so Slack keeps
   * what it has not delivered), the queue drains, the index commits and the journal is trimmed.
   * What did not drain in time stays in the journal for the next start.
   */
  @Override
  public void close() {
    stopping = true;
    connection.stopping();
    if (socketMode != null) {
      SocketModeClient client = socketMode.getClient();
      try {
        socketMode.close();
        if (client != null) {
          client.close();
        }
      } catch (Exception e) {
        log.warn("closing Socket Mode: {}", e.toString());
      }
    }
    http.close();
    scheduler.close();
    catchUps.close();
    covering.shutdownNow(); // a dead replica's claim runs out and another covers it
    try {
      if (!awaitIdle(20, TimeUnit.SECONDS)) {
        log.warn("stopping with {} events still queued; they stay in the journal", queue.size());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    housekeeping.close(); // a commit in progress finishes: interrupting Lucene's IO is fatal
    queue.close();
    desk.close();
    intake.close();
    interactive.shutdownNow();
    commits.commit();
    sinks.close(); // what is not delivered stays in the outboxes for the next start
    journal.close();
    claims.close();
    try {
      slack.close();
    } catch (Exception e) {
      log.debug("closing the Slack client: {}", e.toString());
    }
  }
}

package dev.sift.bot.install;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.EventRequest;
import dev.sift.bot.Sift;
import dev.sift.bot.config.SiftConfig;
import dev.sift.bot.slack.Directory;
import dev.sift.bot.slack.LiveApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every installed workspace served by its own Sift and live app: its own index, models that learn
 * from its own corrections, its own cards, claims, journal and schedules, all under {@code
 * <data>/workspaces/<team>/}. One workspace's data cannot reach another's people because no
 * component holds two workspaces' data; the price is a model and an index per workspace, fine for
 * the handful of workspaces a self-hosted Sift serves. Requests reach a workspace's app through
 * {@link #route}.
 */
public final class Fleet implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Fleet.class);

  /** Events the front door handles itself: the workspace's app is stopped by them. */
  private static final Set<String> LEAVING = Set.of("app_uninstalled", "tokens_revoked");

  /** One workspace's Sift and live app. */
  private record Running(Sift sift, LiveApp app) {}

  private final SiftConfig config;
  private final OAuthSettings settings;
  private final SealedInstallations installations;
  private final Workspaces workspaces;
  private final SlackConfig slackConfig;
  private final String signingSecret;
  private final Map<String, Running> running = new ConcurrentHashMap<>();
  private final Map<String, Object> starting = new ConcurrentHashMap<>();

  Fleet(
      SiftConfig config,
      OAuthSettings settings,
      SealedInstallations installations,
      Workspaces workspaces,
      SlackConfig slackConfig,
      String signingSecret) {
    this.config = config;
    this.settings = settings;
    this.installations = installations;
    this.workspaces = workspaces;
    this.slackConfig = slackConfig;
    this.signingSecret = signingSecret;
  }

  /** Makes the Web API of each workspace on the SDK that all of them share. */
  static Workspaces workspaces(Tokens tokens, Slack slack) {
    return Workspaces.installed(tokens, slack, api -> {}, Directory::new);
  }

  /**
   * The app that handles a signed request: its workspace's, started on first use if the workspace
   * is installed but not yet running (a team of an org-wide install, say); else {@code front}.
   */
  public App route(Request<?> request, App front) {
    if (request == null
        || request.getContext() == null
        || request.getContext().getTeamId() == null
        || (request instanceof EventRequest e && LEAVING.contains(e.getEventType()))) {
      return front;
    }
    String team = request.getContext().getTeamId();
    workspaces.seen(request.getContext().getEnterpriseId(), team);
    Running r = running.get(team);
    if (r == null && installations.findBot(request.getContext().getEnterpriseId(), team) != null) {
      r = start(team);
    }
    return r == null ? front : r.app().bolt();
  }

  /** Serves the workspace unless it is served already; false when it cannot start now. */
  public boolean serve(String team) {
    return start(team) != null;
  }

  /** Starts the workspace's Sift and app unless they run; null when it cannot start now. */
  private Running start(String team) {
    synchronized (lock(team)) {
      Running r = running.get(team);
      if (r != null) {
        return r;
      }
      Sift sift = new Sift(config.withDataDir(dir(team)));
      try {
        LiveApp app =
            LiveApp.start(
                sift,
                new LiveApp.Options(
                    null,
                    null,
                    signingSecret,
                    0,
                    slackConfig,
                    true,
                    LiveApp.LOOPBACK,
                    new LiveApp.Hosted(
                        workspaces.of(team).api(),
                        b -> OAuthInstall.configure(b, settings),
                        a -> a.service(installations))));
        r = new Running(sift, app);
        running.put(team, r);
        log.info("serving workspace {}", team);
        return r;
      } catch (RuntimeException e) {
        sift.close();
        log.warn("cannot serve workspace {} yet: {}", team, e.getMessage());
        return null;
      }
    }
  }

  /** Stops the workspace's app (uninstalled); its data stays until it is forgotten. */
  public void stop(String team) {
    synchronized (lock(team)) {
      Running r = running.get(team);
      if (r != null) {
        r.app().close();
        r.sift().close();
        running.remove(team); // only now: until closed, its files are in use
        log.info("stopped serving workspace {}", team);
      }
    }
  }

  /** Deletes everything kept about the workspace: its whole directory. */
  public void forget(String team) {
    synchronized (lock(team)) {
      stop(team);
      Path dir = dir(team);
      if (!Files.exists(dir)) {
        return;
      }
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot delete " + dir + ": " + e.getMessage(), e);
      }
    }
  }

  /** One workspace is started, stopped or forgotten at a time. */
  private Object lock(String team) {
    return starting.computeIfAbsent(team, t -> new Object());
  }

  /** The workspaces being served. */
  public Set<String> serving() {
    return Set.copyOf(running.keySet());
  }

  private Path dir(String team) {
    if (!team.matches("[A-Z0-9]+")) {
      throw new IllegalArgumentException("not a Slack team id: " + team);
    }
    return config.dataDir().resolve("workspaces").resolve(team);
  }

  @Override
  public void close() {
    for (String team : Set.copyOf(running.keySet())) {
      stop(team);
    }
  }
}

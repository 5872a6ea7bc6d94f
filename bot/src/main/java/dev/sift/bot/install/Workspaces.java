package dev.sift.bot.install;

import com.slack.api.Slack;
import dev.sift.bot.slack.Directory;
import dev.sift.bot.slack.SlackApi;
import dev.sift.bot.slack.SlackCallException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Every workspace Sift serves, by team id: its Web API ({@link SlackApi}, calling with that
 * workspace's token) and its {@link Directory} of channels and people. With one bot token there is
 * one workspace; installed by OAuth, each is made on first use from the installation store, and its
 * token is looked up (and refreshed when due) before every call, so events, commands and scheduled
 * jobs never hold a token of their own.
 */
public final class Workspaces {
  /** One workspace's Slack: its API and its directory. */
  public record Workspace(String teamId, SlackApi api, Directory directory) {}

  private final Function<String, Workspace> factory;
  private final Map<String, Workspace> known = new ConcurrentHashMap<>();
  private final Map<String, String> enterprises = new ConcurrentHashMap<>();

  private Workspaces(Function<String, Workspace> factory) {
    this.factory = factory;
  }

  /** One workspace with its one bot token: Sift's default. */
  public static Workspaces single(String teamId, SlackApi api, Directory directory) {
    Workspaces one =
        new Workspaces(
            team -> {
              throw new SlackCallException("workspace", "not_installed in " + team, null);
            });
    one.known.put(teamId, new Workspace(teamId, api, directory));
    return one;
  }

  /**
   * Workspaces installed by OAuth.
   *
   * @param configure sets each new workspace's API up (metrics, error counts) before first use
   * @param directories makes a workspace's directory on its API
   */
  public static Workspaces installed(
      Tokens tokens,
      Slack slack,
      Consumer<SlackApi> configure,
      Function<SlackApi, Directory> directories) {
    Workspaces[] self = new Workspaces[1];
    self[0] =
        new Workspaces(
            team -> {
              SlackApi api =
                  new SlackApi(
                      () ->
                          slack.methods(
                              tokens
                                  .current(self[0].enterprises.get(team), team)
                                  .orElseThrow(
                                      () ->
                                          new SlackCallException(
                                              "workspace", "not_installed in " + team, null))
                                  .botToken()));
              configure.accept(api);
              return new Workspace(team, api, directories.apply(api));
            });
    return self[0];
  }

  /**
   * Notes which Enterprise Grid org a workspace belongs to (events say so), so that a workspace
   * served by an org-wide install finds its token.
   */
  public void seen(String enterpriseId, String teamId) {
    if (enterpriseId != null && teamId != null) {
      enterprises.put(teamId, enterpriseId);
    }
  }

  /** The workspace, made on first use. */
  public Workspace of(String teamId) {
    return known.computeIfAbsent(teamId, factory);
  }

  /** The workspaces in use. */
  public java.util.Collection<Workspace> all() {
    return java.util.List.copyOf(known.values());
  }

  public Optional<Workspace> ifKnown(String teamId) {
    return Optional.ofNullable(known.get(teamId));
  }

  /** After an uninstall: the workspace's API stops calling Slack and is forgotten. */
  public void remove(String teamId) {
    Workspace gone = known.remove(teamId);
    if (gone != null) {
      gone.api().revoke();
    }
  }
}

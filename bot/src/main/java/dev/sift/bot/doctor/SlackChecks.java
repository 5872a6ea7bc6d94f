package dev.sift.bot.doctor;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.methods.response.conversations.ConversationsListResponse;
import com.slack.api.model.Conversation;
import com.slack.api.model.ConversationType;
import dev.sift.bot.config.SiftConfig;
import dev.sift.bot.digest.Destination;
import dev.sift.bot.digest.DigestSchedule;
import dev.sift.bot.slack.SlackCallException;
import dev.sift.triage.route.RoutingRule;
import dev.sift.triage.sla.Escalation;
import dev.sift.triage.sla.SlaPolicy;
import dev.sift.triage.sla.SlaTeam;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The checks that ask Slack: the bot token ({@code auth.test}), the scopes it was granted against
 * the manifest's, the connection mode's own credential, and Sift's membership of every channel the
 * config names (routing destinations, digest destinations, the admin channel, SLA escalation
 * channels, the monitored list).
 */
final class SlackChecks {
  private static final int MAX_LIST_PAGES = 50;

  private final Slack slack;
  private final String where;
  private final Function<String, String> env;
  private final SiftConfig config;
  private final List<String> manifestScopes;

  /**
   * @param where Slack's Web API address, for messages
   */
  SlackChecks(
      Slack slack,
      String where,
      Function<String, String> env,
      SiftConfig config,
      List<String> manifestScopes) {
    this.slack = slack;
    this.where = where;
    this.env = env;
    this.config = config;
    this.manifestScopes = manifestScopes;
  }

  List<Finding> run() {
    List<Finding> found = new ArrayList<>();
    found.add(connectionMode());
    String token = env.apply("SLACK_BOT_TOKEN");
    if (token == null || token.isBlank()) {
      found.add(
          Finding.fail(
              "bot token",
              "SLACK_BOT_TOKEN is not set, so nothing below it can be checked.",
              "copy the Bot User OAuth Token (xoxb-…) from the app's OAuth & Permissions page"
                  + " into SLACK_BOT_TOKEN."));
      return found;
    }
    MethodsClient methods = slack.methods(token);
    AuthTestResponse self;
    try {
      self = methods.authTest(r -> r);
    } catch (IOException | SlackApiException e) {
      found.add(unreachable("bot token", e));
      return found;
    }
    if (!self.isOk()) {
      found.add(
          SlackCallException.REFUSED_TOKEN.contains(self.getError())
              ? Finding.fail(
                  "bot token",
                  "Slack refused SLACK_BOT_TOKEN (" + self.getError() + ").",
                  "copy the Bot User OAuth Token (xoxb-…) from the app's OAuth & Permissions"
                      + " page again; reinstall the app if it was uninstalled.")
              : Finding.fail(
                  "bot token",
                  "Slack answered auth.test with " + self.getError() + " at " + where + ".",
                  "check SLACK_API_URL (or slack.api_url) points at Slack's Web API."));
      return found;
    }
    found.add(
        Finding.ok(
            "bot token",
            "Sift is @" + self.getUser() + " in " + self.getTeam() + " (" + self.getUrl() + ")."));
    found.add(scopes(self));
    found.addAll(channels(methods));
    return found;
  }

  private Finding connectionMode() {
    String appToken = env.apply("SLACK_APP_TOKEN");
    if (appToken == null || appToken.isBlank()) {
      String secret = env.apply("SLACK_SIGNING_SECRET");
      return secret == null || secret.isBlank()
          ? Finding.fail(
              "connection",
              "neither SLACK_APP_TOKEN (Socket Mode) nor SLACK_SIGNING_SECRET (HTTP mode) is set.",
              "for Socket Mode create an app-level token with connections:write (Basic"
                  + " Information → App-Level Tokens) and set SLACK_APP_TOKEN.")
          : Finding.ok(
              "connection",
              "HTTP mode (SLACK_SIGNING_SECRET is set); Slack must reach /slack/events on the"
                  + " port `sift run` listens on.");
    }
    try {
      var open = slack.methods().appsConnectionsOpen(r -> r.token(appToken));
      if (open.isOk()) {
        return Finding.ok("connection", "Socket Mode: SLACK_APP_TOKEN opens a connection.");
      }
      return Finding.fail(
          "connection",
          "Slack refused SLACK_APP_TOKEN for Socket Mode (" + open.getError() + ").",
          "create an app-level token with the connections:write scope (Basic Information →"
              + " App-Level Tokens), set SLACK_APP_TOKEN to it, and turn Socket Mode on.");
    } catch (IOException | SlackApiException e) {
      return unreachable("connection", e);
    }
  }

  private Finding scopes(AuthTestResponse self) {
    Optional<String> header = header(self.getHttpResponseHeaders(), "x-oauth-scopes");
    if (header.isEmpty()) {
      return Finding.warn(
          "scopes",
          "Slack did not say which scopes the token has.",
          "compare the app's OAuth & Permissions page with manifest.yml.");
    }
    Set<String> granted = new TreeSet<>();
    for (String s : header.get().split(",")) {
      if (!s.isBlank()) {
        granted.add(s.strip());
      }
    }
    List<String> missing = manifestScopes.stream().filter(s -> !granted.contains(s)).toList();
    if (missing.isEmpty()) {
      return Finding.ok(
          "scopes",
          "the token has all " + manifestScopes.size() + " scopes manifest.yml asks for.");
    }
    return Finding.fail(
        "scopes",
        "the token lacks " + String.join(", ", missing) + " (manifest.yml asks for them).",
        "add them under OAuth & Permissions → Bot Token Scopes (or paste manifest.yml again),"
            + " then reinstall the app and update SLACK_BOT_TOKEN if it changed.");
  }

  private static Optional<String> header(Map<String, List<String>> headers, String name) {
    if (headers == null) {
      return Optional.empty();
    }
    return headers.entrySet().stream()
        .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(name))
        .flatMap(e -> e.getValue().stream())
        .findFirst();
  }

  // ---- channels ----------------------------------------------------------------------------

  private List<Finding> channels(MethodsClient methods) {
    Map<String, List<String>> named = namedChannels();
    List<Conversation> all = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    try {
      do {
        String page = cursor;
        ConversationsListResponse r =
            methods.conversationsList(
                q ->
                    q.types(
                            List.of(
                                ConversationType.PUBLIC_CHANNEL, ConversationType.PRIVATE_CHANNEL))
                        .excludeArchived(true)
                        .limit(1000)
                        .cursor(page));
        if (!r.isOk()) {
          return List.of(
              Finding.fail(
                  "channels",
                  "Slack would not list channels ("
                      + r.getError()
                      + (r.getNeeded() == null ? "" : ", needs " + r.getNeeded())
                      + "), so no channel could be checked.",
                  "add channels:read and groups:read to the app's scopes and reinstall it."));
        }
        all.addAll(r.getChannels());
        cursor = r.getResponseMetadata() == null ? null : r.getResponseMetadata().getNextCursor();
      } while (cursor != null && !cursor.isEmpty() && ++pages < MAX_LIST_PAGES);
    } catch (IOException | SlackApiException e) {
      return List.of(unreachable("channels", e));
    }
    List<Finding> found = new ArrayList<>();
    if (config.live().channels().isEmpty()) {
      List<String> in =
          all.stream().filter(Conversation::isMember).map(c -> "#" + c.getName()).toList();
      found.add(
          in.isEmpty()
              ? Finding.warn(
                  "monitored",
                  "Sift is in no channel, so it triages nothing.",
                  "/invite @Sift in each channel to triage (or `/triage watch` in a public one).")
              : Finding.ok(
                  "monitored",
                  "every channel Sift is in: "
                      + in.size()
                      + " ("
                      + String.join(", ", in.subList(0, Math.min(10, in.size())))
                      + (in.size() > 10 ? ", …" : "")
                      + ")."));
    }
    named.forEach((ref, roles) -> found.add(channel(ref, roles, all)));
    return found;
  }

  private static Finding channel(String ref, List<String> roles, List<Conversation> all) {
    String uses = String.join(", ", roles);
    Optional<Conversation> match =
        all.stream()
            .filter(c -> c.getId().equalsIgnoreCase(ref) || c.getName().equalsIgnoreCase(ref))
            .findFirst();
    if (match.isEmpty()) {
      return Finding.fail(
          "#" + ref,
          "no such channel (or a private one Sift is not in); sift.yml names it for " + uses + ".",
          "create it and /invite @Sift there, or correct the name in sift.yml.");
    }
    Conversation c = match.get();
    if (!c.isMember()) {
      return Finding.fail(
          "#" + c.getName(),
          "Sift is not in it, so Slack refuses what it posts or reads there (" + uses + ").",
          "/invite @Sift in #" + c.getName() + ".");
    }
    return Finding.ok("#" + c.getName(), "Sift is in it (" + uses + ").");
  }

  /** Every channel sift.yml names, with what for: the name (or id) → its uses. */
  private Map<String, List<String>> namedChannels() {
    Map<String, List<String>> named = new LinkedHashMap<>();
    for (String c : config.live().channels()) {
      use(named, c, "monitored");
    }
    for (RoutingRule rule : config.routing()) {
      if (rule.destination() != null) {
        use(named, rule.destination(), "routing rule '" + rule.name() + "'");
      }
    }
    for (DigestSchedule d : config.digests()) {
      if (d.destination().kind() == Destination.Kind.CHANNEL) {
        use(named, d.destination().ref(), "digest '" + d.name() + "'");
      }
    }
    if (config.live().adminChannel() != null) {
      use(named, config.live().adminChannel(), "admin alerts");
    }
    if (config.sla().enabled()) {
      escalation(named, config.sla().defaults(), "SLA escalation");
      for (SlaTeam team : config.sla().teams()) {
        escalation(named, team.policy(), "SLA escalation of team '" + team.name() + "'");
      }
    }
    return named;
  }

  private static void escalation(Map<String, List<String>> named, SlaPolicy policy, String use) {
    Escalation e = policy == null ? null : policy.escalateTo();
    if (e != null && e.kind() == Escalation.Kind.CHANNEL) {
      use(named, e.id(), use);
    }
  }

  private static void use(Map<String, List<String>> named, String channel, String use) {
    String key = channel.strip().replaceFirst("^#", "").toLowerCase(Locale.ROOT);
    List<String> uses = named.computeIfAbsent(key, k -> new ArrayList<>());
    if (!uses.contains(use)) {
      uses.add(use);
    }
  }

  private Finding unreachable(String check, Exception e) {
    String what =
        e instanceof SlackApiException api
            ? "Slack answered HTTP " + api.getResponse().code()
            : "cannot reach Slack at " + where + " (" + e.getMessage() + ")";
    return Finding.fail(
        check,
        what + ".",
        "check the network, HTTPS_PROXY/NO_PROXY (or slack.proxy), and SLACK_API_URL (or"
            + " slack.api_url).");
  }
}

package dev.sift.bot.config;

import dev.sift.bot.api.ApiSettings;
import dev.sift.bot.digest.DigestSchedule;
import dev.sift.bot.sinks.SinkSettings;
import dev.sift.triage.embed.EmbeddingModel;
import dev.sift.triage.item.DuplicatePolicy;
import dev.sift.triage.priority.PriorityPolicy;
import dev.sift.triage.route.Router;
import dev.sift.triage.route.RoutingRule;
import dev.sift.triage.sla.SlaSettings;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything Sift is configured with apart from secrets, read from {@code sift.yml}. A missing file
 * means the embedded defaults: fully offline, default taxonomy.
 *
 * @param dataDir where the index and anything else that must survive a restart lives
 * @param workspaceDomain the Slack workspace's domain (the {@code acme} of acme.slack.com), for
 *     permalinks; null when unknown
 * @param zone time zone for dates in queries and digests
 * @param taxonomyFile a user taxonomy replacing the default one, or null
 * @param priority who and where matters more
 * @param quietCategories categories whose soft urgency signals are ignored
 * @param duplicates when a message joins an open item instead of opening its own
 * @param live how the Slack app behaves: monitored channels, notes, workers
 * @param routing which items become task cards, where and for whom (first match wins); empty means
 *     P1/P2 cards in the source thread
 * @param llm the LLM provider and cascade, or null to run on the embedded classifier alone
 * @param sla how long task cards may wait to be acknowledged or resolved, and whom a breach
 *     escalates to
 * @param digests scheduled digests, each with a unique name
 * @param retention how many days messages are kept, by workspace and channel
 * @param install OAuth installation in several workspaces, and forgetting those that leave
 * @param sinks where Sift's events go besides Slack (webhooks, Kafka, Jira), each uniquely named
 * @param api the integrations that may call Sift's HTTP API, and their rate
 * @param embedding the sentence encoder
 * @param index where the messages are kept: the embedded index or a SolrCloud cluster
 */
public record SiftConfig(
    Path dataDir,
    String workspaceDomain,
    ZoneId zone,
    Path taxonomyFile,
    PriorityPolicy priority,
    Set<String> quietCategories,
    DuplicatePolicy duplicates,
    LiveSettings live,
    List<RoutingRule> routing,
    LlmSettings llm,
    SlaSettings sla,
    List<DigestSchedule> digests,
    RetentionSettings retention,
    InstallSettings install,
    List<SinkSettings> sinks,
    ApiSettings api,
    EmbeddingModel embedding,
    IndexSettings index) {

  public SiftConfig {
    embedding = embedding == null ? EmbeddingModel.MINILM : embedding;
    index = index == null ? IndexSettings.EMBEDDED : index;
    api = api == null ? ApiSettings.NONE : api;
    sinks = sinks == null ? List.of() : List.copyOf(sinks);
    retention = retention == null ? RetentionSettings.FOREVER : retention;
    install = install == null ? InstallSettings.DEFAULTS : install;
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(priority, "priority");
    quietCategories = Set.copyOf(quietCategories);
    Objects.requireNonNull(duplicates, "duplicates");
    Objects.requireNonNull(live, "live");
    routing = List.copyOf(routing);
    sla = sla == null ? SlaSettings.defaults(zone) : sla;
    digests = List.copyOf(digests);
    if (digests.stream().map(DigestSchedule::name).distinct().count() < digests.size()) {
      throw new IllegalArgumentException("two digests have the same name");
    }
  }

  /** The embedded defaults. */
  public static SiftConfig defaults() {
    return new SiftConfig(
        Path.of("sift-data"),
        null,
        ZoneId.of("UTC"),
        null,
        PriorityPolicy.DEFAULTS,
        Set.of("social", "announcement"),
        DuplicatePolicy.DEFAULTS,
        LiveSettings.DEFAULTS,
        List.of(),
        null,
        null,
        List.of(),
        RetentionSettings.FOREVER,
        InstallSettings.DEFAULTS,
        List.of(),
        ApiSettings.NONE,
        EmbeddingModel.MINILM,
        IndexSettings.EMBEDDED);
  }

  public SiftConfig withDataDir(Path dir) {
    return new SiftConfig(
        dir,
        workspaceDomain,
        zone,
        taxonomyFile,
        priority,
        quietCategories,
        duplicates,
        live,
        routing,
        llm,
        sla,
        digests,
        retention,
        install,
        sinks,
        api,
        embedding,
        index);
  }

  public SiftConfig withWorkspaceDomain(String domain) {
    return new SiftConfig(
        dataDir,
        domain,
        zone,
        taxonomyFile,
        priority,
        quietCategories,
        duplicates,
        live,
        routing,
        llm,
        sla,
        digests,
        retention,
        install,
        sinks,
        api,
        embedding,
        index);
  }

  public SiftConfig withRetention(RetentionSettings r) {
    return new SiftConfig(
        dataDir,
        workspaceDomain,
        zone,
        taxonomyFile,
        priority,
        quietCategories,
        duplicates,
        live,
        routing,
        llm,
        sla,
        digests,
        r,
        install,
        sinks,
        api,
        embedding,
        index);
  }

  public SiftConfig withIndex(IndexSettings i) {
    return new SiftConfig(
        dataDir,
        workspaceDomain,
        zone,
        taxonomyFile,
        priority,
        quietCategories,
        duplicates,
        live,
        routing,
        llm,
        sla,
        digests,
        retention,
        install,
        sinks,
        api,
        embedding,
        i);
  }

  /** The router for these rules, or the default one when the config has none. */
  public Router router() {
    return routing.isEmpty() ? Router.defaults() : new Router(routing);
  }
}

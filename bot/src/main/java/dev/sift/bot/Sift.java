package dev.sift.bot;

import dev.langchain4j.model.chat.ChatModel;
import dev.sift.bot.access.PrivateChannels;
import dev.sift.bot.audit.AuditLog;
import dev.sift.bot.config.ConfigException;
import dev.sift.bot.config.IndexSettings;
import dev.sift.bot.config.LlmSettings;
import dev.sift.bot.config.SiftConfig;
import dev.sift.bot.feedback.Learning;
import dev.sift.bot.llm.ChatModels;
import dev.sift.bot.net.EgressProxy;
import dev.sift.bot.pipeline.Outlet;
import dev.sift.bot.pipeline.TriagePipeline;
import dev.sift.bot.pipeline.VersionedReads;
import dev.sift.bot.storage.Replica;
import dev.sift.bot.storage.SharedStore;
import dev.sift.index.IndexGuard;
import dev.sift.index.ItemQueries;
import dev.sift.index.MessageIndex;
import dev.sift.index.MessageStore;
import dev.sift.index.Search;
import dev.sift.index.VectorModelStamp;
import dev.sift.triage.classify.EmbeddedClassifier;
import dev.sift.triage.concurrent.NamedThreads;
import dev.sift.triage.digest.DigestComposer;
import dev.sift.triage.embed.EmbeddingModel;
import dev.sift.triage.embed.InProcessEmbedder;
import dev.sift.triage.item.Triager;
import dev.sift.triage.llm.CircuitBreaker;
import dev.sift.triage.llm.LlmCaller;
import dev.sift.triage.llm.LlmCascade;
import dev.sift.triage.llm.LlmStats;
import dev.sift.triage.llm.LlmTriage;
import dev.sift.triage.llm.OpinionReader;
import dev.sift.triage.llm.Summariser;
import dev.sift.triage.llm.TokenBudget;
import dev.sift.triage.llm.TriagePrompt;
import dev.sift.triage.priority.Prioritiser;
import dev.sift.triage.redact.Redactor;
import dev.sift.triage.taxonomy.Taxonomy;
import dev.sift.triage.taxonomy.TaxonomyLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import okhttp3.OkHttpClient;

/**
 * The one place where Sift's objects are built and wired, by hand: configuration, then the model,
 * the taxonomy and classifier, the index, and the pipeline that joins them.
 */
public final class Sift implements AutoCloseable {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Sift.class);

  private final SiftConfig config;
  private final InProcessEmbedder embedder;
  private final Prioritiser prioritiser;
  private final Learning learning;
  private final Taxonomy taxonomy;
  private final EmbeddedClassifier classifier;
  private final MessageStore index;
  private final Triager triager;
  private final VersionedReads reads;
  private final Replica replica;
  private final java.util.Optional<EgressProxy> proxy;
  private final OkHttpClient http;
  private final PrivateChannels privateChannels;
  private final LlmCascade cascade;
  private final AuditLog audit;
  private ExecutorService llmCalls;
  private String indexProblem;
  private LlmCaller llm;
  private CircuitBreaker breaker;

  public Sift(SiftConfig config) {
    this(config, System::getenv);
  }

  /**
   * @param env the environment (LLM keys); tests pass their own
   */
  public Sift(SiftConfig config, Function<String, String> env) {
    this.config = config;
    this.proxy = EgressProxy.resolve(config.live().proxy(), env);
    this.http = httpClient(proxy);
    this.taxonomy =
        config.taxonomyFile() == null
            ? Taxonomy.defaults()
            : TaxonomyLoader.load(config.taxonomyFile());
    checkCategories(config, taxonomy);
    this.embedder = new InProcessEmbedder(config.embedding());
    this.classifier = new EmbeddedClassifier(taxonomy, embedder);
    this.index =
        config.index().backend() == IndexSettings.Backend.LUCENE
            ? openIndex(config.dataDir(), config.embedding())
            : SharedStore.open(config.index(), config.embedding(), env);
    this.replica = new Replica(index.claims(), Replica.defaultId(env), Clock.systemUTC());
    this.audit = AuditLog.open(config.dataDir(), Clock.systemUTC());
    this.privateChannels = new PrivateChannels(config.dataDir().resolve("channels.json"));
    this.prioritiser = new Prioritiser(config.priority(), config.quietCategories());
    this.reads = new VersionedReads(index);
    this.triager = new Triager(taxonomy, classifier, prioritiser, config.duplicates(), reads);
    this.learning =
        new Learning(taxonomy, classifier, prioritiser, embedder, this::storedChannelName);
    this.cascade = config.llm() == null ? null : cascade(config.llm(), env);
  }

  /**
   * Opens the index, checking it first when the last run did not stop cleanly (its marker is still
   * there). A corrupt index is moved aside and reported; the live app rebuilds it.
   */
  private MessageIndex openIndex(Path dataDir, EmbeddingModel model) {
    VectorModelStamp.check(dataDir, model);
    Path marker = runningMarker(dataDir);
    boolean unclean = Files.exists(marker);
    IndexGuard.Opened opened = IndexGuard.open(dataDir.resolve("index"), unclean);
    if (opened.rebuilt()) {
      this.indexProblem = opened.problem();
      log.error(
          "THE INDEX WAS CORRUPT and has been moved to {} ({}). Sift starts a new one and"
              + " rebuilds it: `sift run` reads the monitored channels back from Slack and the"
              + " intake journal; an offline index is rebuilt with `sift replay`.",
          opened.movedTo(),
          opened.problem());
    }
    try {
      Files.createDirectories(dataDir);
      Files.writeString(marker, ProcessHandle.current().pid() + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to the data directory " + dataDir, e);
    }
    return opened.index();
  }

  private static Path runningMarker(Path dataDir) {
    return dataDir.resolve("sift.running");
  }

  /** Why the index had to be replaced at start, or null when it was sound. */
  public String indexProblem() {
    return indexProblem;
  }

  /** The LLM cascade a config asks for: the provider's model behind budget, breaker and guard. */
  private LlmCascade cascade(LlmSettings s, Function<String, String> env) {
    ChatModel model = ChatModels.create(s, http, env);
    this.llmCalls = Executors.newCachedThreadPool(NamedThreads.named("sift-llm"));
    this.breaker = new CircuitBreaker(3, Duration.ofMinutes(1), Clock.systemUTC());
    this.llm =
        new LlmCaller(
            model,
            s.timeout(),
            s.maxAttempts(),
            breaker,
            new TokenBudget(s.dailyTokenBudget(), Clock.systemUTC()),
            new LlmStats(s.inputPrice(), s.outputPrice()),
            llmCalls,
            audit,
            s.provider(),
            s.model());
    LlmTriage triage =
        new LlmTriage(
            llm,
            new TriagePrompt(taxonomy, s.teams()),
            new OpinionReader(taxonomy, s.teams()),
            s.jsonSchema());
    return new LlmCascade(
        triager,
        classifier,
        triage,
        Redactor.standard(),
        s.cascade(),
        privateChannels,
        this::storedChannelName);
  }

  /** Whether the LLM's circuit breaker is open (calls paused); null when no LLM is configured. */
  public Boolean llmBreakerOpen() {
    return breaker == null ? null : breaker.isOpen();
  }

  /** The LLM cascade, or null when no LLM is configured. */
  public LlmCascade cascade() {
    return cascade;
  }

  /** What is known of channel privacy (export or Slack); private ones stay off the LLM. */
  public PrivateChannels privateChannels() {
    return privateChannels;
  }

  /** The one HTTP client, through the egress proxy when one is configured. */
  public static OkHttpClient httpClient(java.util.Optional<EgressProxy> proxy) {
    if (proxy.isEmpty()) {
      return new OkHttpClient();
    }
    log.info(
        "outgoing requests go through the proxy {}{}",
        proxy.get().shown(),
        proxy.get().noProxy().isEmpty() ? "" : ", but to " + proxy.get().noProxy());
    return proxy.get().applyTo(new OkHttpClient.Builder()).build();
  }

  /**
   * A channel's name as the index stored it with its messages: corrections record only the
   * channel's id, and opt-outs and the help- and client-channel rules go by name.
   */
  private java.util.Optional<String> storedChannelName(String channelId) {
    return items().channel(channelId).map(found -> found[1]);
  }

  /** The egress proxy, if any: Socket Mode's WebSocket goes through it too. */
  public java.util.Optional<EgressProxy> proxy() {
    return proxy;
  }

  /** The process's one HTTP client. */
  public OkHttpClient http() {
    return http;
  }

  /** A pipeline delivering to {@code outlet}, for messages taken in order (a replay). */
  public TriagePipeline pipeline(Outlet outlet) {
    return new TriagePipeline(embedder, triager, reads, outlet, cascade, true);
  }

  /** The live app's pipeline: its intake sets the channels' checkpoints (low-water marks). */
  public TriagePipeline livePipeline(Outlet outlet) {
    return new TriagePipeline(embedder, triager, reads, outlet, cascade, false);
  }

  public Search search() {
    return index.search();
  }

  public ItemQueries items() {
    return index.items();
  }

  public DigestComposer digests() {
    return new DigestComposer(items(), summariser());
  }

  /** Writes cited summaries, or null when no LLM is configured. */
  public Summariser summariser() {
    return llm == null
        ? null
        : new Summariser(llm, Redactor.standard(), config.zone(), cascade::mayLeave);
  }

  public EmbeddedClassifier classifier() {
    return classifier;
  }

  /** The priority rules and the model that learns from priority corrections. */
  public Prioritiser prioritiser() {
    return prioritiser;
  }

  /** What learns from corrections: the classifier and the priority model. */
  public Learning learning() {
    return learning;
  }

  public InProcessEmbedder embedder() {
    return embedder;
  }

  public MessageStore index() {
    return index;
  }

  /** This process among those sharing the store, for claims on once-only work. */
  public Replica replica() {
    return replica;
  }

  public Taxonomy taxonomy() {
    return taxonomy;
  }

  public SiftConfig config() {
    return config;
  }

  /** The audit log (data_dir/audit.jsonl): admin actions and every LLM call. */
  public AuditLog audit() {
    return audit;
  }

  @Override
  public void close() {
    index.close();
    try {
      Files.deleteIfExists(runningMarker(config.dataDir())); // a clean stop: no check next time
    } catch (IOException e) {
      log.warn("cannot remove {}: {}", runningMarker(config.dataDir()), e.toString());
    }
    embedder.close();
    audit.close();
    if (llmCalls != null) {
      llmCalls.shutdownNow();
    }
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  /** Categories named in the config must exist in the taxonomy; a typo is caught at start. */
  private static void checkCategories(SiftConfig config, Taxonomy taxonomy) {
    Set<String> named = new HashSet<>(config.quietCategories());
    named.addAll(config.duplicates().categories());
    config.routing().forEach(rule -> named.addAll(rule.categories()));
    for (String name : named) {
      if (!taxonomy.contains(name)) {
        throw new ConfigException(
            "the config names category '"
                + name
                + "' (priority.quiet_categories, duplicates.categories or a routing rule) but the taxonomy has "
                + String.join(", ", taxonomy.names()));
      }
    }
  }
}

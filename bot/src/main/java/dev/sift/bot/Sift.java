package dev.sift.bot;

import dev.sift.bot.config.ConfigException;
import dev.sift.bot.config.SiftConfig;
import dev.sift.bot.pipeline.Outlet;
import dev.sift.bot.pipeline.TriagePipeline;
import dev.sift.index.ItemQueries;
import dev.sift.index.MessageIndex;
import dev.sift.index.MessageSearch;
import dev.sift.triage.classify.EmbeddedClassifier;
import dev.sift.triage.digest.DigestComposer;
import dev.sift.triage.embed.MiniLmEmbedder;
import dev.sift.triage.item.Triager;
import dev.sift.triage.priority.Prioritiser;
import dev.sift.triage.taxonomy.Taxonomy;
import dev.sift.triage.taxonomy.TaxonomyLoader;
import java.util.HashSet;
import java.util.Set;

/**
 * The one place where Sift's objects are built and wired, by hand: configuration, then the model,
 * the taxonomy and classifier, the index, and the pipeline that joins them.
 */
public final class Sift implements AutoCloseable {
  private final SiftConfig config;
  private final MiniLmEmbedder embedder;
  private final Taxonomy taxonomy;
  private final EmbeddedClassifier classifier;
  private final MessageIndex index;
  private final Triager triager;

  public Sift(SiftConfig config) {
    this.config = config;
    this.taxonomy =
        config.taxonomyFile() == null
            ? Taxonomy.defaults()
            : TaxonomyLoader.load(config.taxonomyFile());
    checkCategories(config, taxonomy);
    this.embedder = new MiniLmEmbedder();
    this.classifier = new EmbeddedClassifier(taxonomy, embedder);
    this.index = MessageIndex.open(config.dataDir().resolve("index"));
    Prioritiser prioritiser = new Prioritiser(config.priority(), config.quietCategories());
    this.triager = new Triager(taxonomy, classifier, prioritiser, config.duplicates(), index);
  }

  /** A pipeline delivering to {@code outlet}. */
  public TriagePipeline pipeline(Outlet outlet) {
    return new TriagePipeline(embedder, triager, index, outlet);
  }

  public MessageSearch search() {
    return new MessageSearch(index);
  }

  public ItemQueries items() {
    return new ItemQueries(index);
  }

  public DigestComposer digests() {
    return new DigestComposer(items());
  }

  public EmbeddedClassifier classifier() {
    return classifier;
  }

  public MiniLmEmbedder embedder() {
    return embedder;
  }

  public MessageIndex index() {
    return index;
  }

  public Taxonomy taxonomy() {
    return taxonomy;
  }

  public SiftConfig config() {
    return config;
  }

  @Override
  public void close() {
    index.close();
    embedder.close();
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

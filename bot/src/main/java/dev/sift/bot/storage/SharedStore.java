package dev.sift.bot.storage;

import dev.sift.bot.config.ConfigException;
import dev.sift.bot.config.IndexSettings;
import dev.sift.index.Claims;
import dev.sift.index.MessageStore;
import dev.sift.index.solr.SolrMessageStore;
import dev.sift.index.solr.SolrTarget;
import dev.sift.triage.embed.EmbeddingModel;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * Opens the SolrCloud store several Sift processes share ({@code index: {backend: solr}}): reaches
 * the cluster, creates Sift's collection with the configured shards and replicas when it is
 * missing, and checks that its vectors were made by this process's embedding model.
 */
public final class SharedStore {
  /** The claim naming the embedding model whose vectors the collection holds. */
  static final String MODEL_CLAIM = "embedding-model";

  private SharedStore() {}

  /**
   * @param env the environment, for the password
   * @throws ConfigException when the password's variable is unset
   * @throws IllegalStateException when the collection holds another model's vectors
   */
  public static MessageStore open(
      IndexSettings s, EmbeddingModel model, Function<String, String> env) {
    String password = null;
    if (s.username() != null) {
      password = env.apply(s.passwordEnv());
      if (password == null || password.isBlank()) {
        throw new ConfigException(
            "index.auth.password_env names "
                + s.passwordEnv()
                + ", but that environment variable is not set");
      }
    }
    SolrTarget target =
        new SolrTarget(s.urls().stream().map(URI::toString).toList(), s.username(), password);
    SolrMessageStore store =
        SolrMessageStore.connect(
            target, s.messagesCollection(), model.dimension(), s.shards(), s.replicas());
    try {
      checkModel(store, model, s.messagesCollection());
      return store;
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /**
   * The first process to open a collection names its model there; every later one must use the
   * same, since two models' vectors have the same length but cannot be compared.
   */
  static void checkModel(MessageStore store, EmbeddingModel model, String collection) {
    String mine = model.configName();
    if (store.claims().claim(MODEL_CLAIM, mine, Instant.now(), Duration.ofDays(36500))) {
      store.claims().done(MODEL_CLAIM, mine);
      return;
    }
    String found = store.claims().held(MODEL_CLAIM).map(Claims.Held::owner).orElse(mine);
    if (!found.equals(mine)) {
      throw new IllegalStateException(
          "the Solr collection "
              + collection
              + " holds vectors made by the "
              + found
              + " embedding model, but the config asks for "
              + mine
              + "; vectors of two models cannot be compared. Set embedding: "
              + found
              + " again, or give index.index_prefix a new value and move the index there with"
              + " sift reindex");
    }
  }
}

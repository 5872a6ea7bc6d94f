package dev.sift.triage.embed;

import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The sentence encoders that ship inside their Maven jars, as ONNX files read from the classpath:
 * no network, no hub download. Both give 384-dimensional vectors, but not comparable ones, so an
 * index remembers which model wrote its vectors.
 */
public enum EmbeddingModel {
  /**
   * all-MiniLM-L6-v2, quantized: six layers, the default. Fast enough to embed every message of a
   * busy workspace on one core.
   */
  MINILM("minilm", "all-minilm-l6-v2-q", PoolingMode.MEAN, 384),
  /**
   * BGE-small-en-v1.5, quantized: twelve layers, about half MiniLM's speed (README, "Measured
   * figures").
   */
  BGE_SMALL("bge-small", "bge-small-en-v1.5-q", PoolingMode.CLS, 384);

  private final String configName;
  private final String files;
  private final PoolingMode pooling;
  private final int dimension;

  EmbeddingModel(String configName, String files, PoolingMode pooling, int dimension) {
    this.configName = configName;
    this.files = files;
    this.pooling = pooling;
    this.dimension = dimension;
  }

  /** The length of the vectors it makes: what a search engine's vector field must be given. */
  public int dimension() {
    return dimension;
  }

  /** The name {@code sift.yml} and {@code sift eval --embedding} use. */
  public String configName() {
    return configName;
  }

  String modelResource() {
    return files + ".onnx";
  }

  String tokenizerResource() {
    return files + "-tokenizer.json";
  }

  PoolingMode pooling() {
    return pooling;
  }

  /** The model a config names, or an error listing the ones there are. */
  public static EmbeddingModel named(String name) {
    for (EmbeddingModel m : values()) {
      if (m.configName.equals(name.toLowerCase(Locale.ROOT).trim())) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "unknown embedding model '"
            + name
            + "'; the models that ship with Sift are "
            + Arrays.stream(values()).map(m -> m.configName).collect(Collectors.joining(", ")));
  }
}

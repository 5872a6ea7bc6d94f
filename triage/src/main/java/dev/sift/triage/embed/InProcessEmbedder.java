package dev.sift.triage.embed;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.sift.triage.concurrent.NamedThreads;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An in-process sentence encoder ({@link EmbeddingModel}) run by ONNX Runtime from the model file
 * that ships inside its Maven jar: no network, no hub download. Thread-safe; create one per
 * process.
 *
 * <p>LangChain4j's default lets ONNX Runtime use every core for each text and runs texts on a pool
 * as wide as the machine, so the two fight over the cores. One intra-op thread per session call and
 * one text per worker thread measured ~225 texts/s on two cores against ~115-140 with the defaults,
 * hence the custom session options.
 */
public final class InProcessEmbedder implements Embedder, AutoCloseable {
  private static final int DIMENSION = 384;

  private final EmbeddingModel which;
  private final ExecutorService workers;
  private final Model model;

  /** Loads the model; {@code threads} texts are embedded at once by {@link #embedAll}. */
  public InProcessEmbedder(EmbeddingModel which, int threads) {
    this.which = which;
    this.workers =
        Executors.newFixedThreadPool(Math.max(1, threads), NamedThreads.named("sift-embed"));
    this.model = new Model(workers, loadEncoder(which));
  }

  /** The model, one embedding thread per core. */
  public InProcessEmbedder(EmbeddingModel which) {
    this(which, Runtime.getRuntime().availableProcessors());
  }

  /** The default model (MiniLM) on {@code threads} threads. */
  public InProcessEmbedder(int threads) {
    this(EmbeddingModel.MINILM, threads);
  }

  /** The default model (MiniLM), one embedding thread per core. */
  public InProcessEmbedder() {
    this(EmbeddingModel.MINILM);
  }

  /** Which encoder this is. */
  public EmbeddingModel model() {
    return which;
  }

  @Override
  public int dimension() {
    return DIMENSION;
  }

  @Override
  public List<float[]> embedAll(List<String> texts) {
    if (texts.isEmpty()) {
      return List.of();
    }
    List<TextSegment> segments = new ArrayList<>(texts.size());
    for (String text : texts) {
      // LangChain4j refuses a blank segment (a single space too); "." embeds as "nothing said".
      segments.add(TextSegment.from(text == null || text.isBlank() ? "." : text));
    }
    List<Embedding> embeddings = model.embedAll(segments).content();
    List<float[]> vectors = new ArrayList<>(embeddings.size());
    for (Embedding e : embeddings) {
      vectors.add(Vectors.normalize(e.vector()));
    }
    return vectors;
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }

  private static OnnxBertBiEncoder loadEncoder(EmbeddingModel which) {
    ClassLoader loader = InProcessEmbedder.class.getClassLoader();
    try (InputStream modelBytes = loader.getResourceAsStream(which.modelResource());
        InputStream tokenizer = loader.getResourceAsStream(which.tokenizerResource())) {
      if (modelBytes == null || tokenizer == null) {
        throw new IllegalStateException(
            "the embedding model is missing from the classpath ("
                + which.modelResource()
                + "); is its langchain4j-embeddings jar on it?");
      }
      OnnxNatives.prepare();
      OrtEnvironment env = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      OrtSession session = env.createSession(modelBytes.readAllBytes(), options);
      return new OnnxBertBiEncoder(env, session, tokenizer, which.pooling());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the embedding model", e);
    } catch (OrtException e) {
      throw new IllegalStateException(
          "ONNX Runtime could not load the embedding model (its native code goes to"
              + " ~/.cache/sift, else java.io.tmpdir, and ~/.djl.ai; these must be writable): "
              + e.getMessage(),
          e);
    }
  }

  /** LangChain4j's in-process model, fed our encoder and our named worker pool. */
  private static final class Model extends AbstractInProcessEmbeddingModel {
    private final OnnxBertBiEncoder encoder;

    Model(ExecutorService executor, OnnxBertBiEncoder encoder) {
      super(executor);
      this.encoder = encoder;
    }

    @Override
    protected OnnxBertBiEncoder model() {
      return encoder;
    }

    @Override
    protected Integer knownDimension() {
      return DIMENSION;
    }
  }
}

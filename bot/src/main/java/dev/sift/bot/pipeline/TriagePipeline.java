package dev.sift.bot.pipeline;

import dev.sift.index.MessageIndex;
import dev.sift.triage.embed.Embedder;
import dev.sift.triage.item.Triager;
import dev.sift.triage.message.Message;
import dev.sift.triage.message.MessageKey;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole of Sift in one place: message → embed → triage → index → outlet. The live bot and the
 * offline replay both run messages through here; only the outlet differs.
 */
public final class TriagePipeline {
  private final Embedder embedder;
  private final Triager triager;
  private final MessageIndex index;
  private final Outlet outlet;

  public TriagePipeline(Embedder embedder, Triager triager, MessageIndex index, Outlet outlet) {
    this.embedder = embedder;
    this.triager = triager;
    this.index = index;
    this.outlet = outlet;
  }

  /** Triages one message. */
  public void process(Message message) {
    processAll(List.of(message));
  }

  /**
   * Triages messages in the order given (threads and duplicates depend on it). Embedding, the
   * expensive step, runs for the whole batch at once so the embedder can use every core.
   */
  public void processAll(List<Message> messages) {
    List<float[]> vectors = embed(messages);
    for (int i = 0; i < messages.size(); i++) {
      Message message = messages.get(i);
      Triager.Outcome outcome = triager.triage(message, vectors.get(i));
      index.upsert(outcome.message());
      outcome.updatedItem().ifPresent(index::upsert);
      index.checkpoint(message.channelId(), message.ts());
      outlet.deliver(outcome);
    }
  }

  /** Forgets a deleted message. */
  public void delete(MessageKey key) {
    index.delete(key);
  }

  /** Embeds the messages that need it; trivial ones get null and cost no model call. */
  private List<float[]> embed(List<Message> messages) {
    List<String> texts = new ArrayList<>();
    for (Message m : messages) {
      if (triager.needsVector(m)) {
        texts.add(m.text());
      }
    }
    List<float[]> embedded = embedder.embedAll(texts);
    List<float[]> vectors = new ArrayList<>(messages.size());
    int next = 0;
    for (Message m : messages) {
      vectors.add(triager.needsVector(m) ? embedded.get(next++) : null);
    }
    return vectors;
  }
}

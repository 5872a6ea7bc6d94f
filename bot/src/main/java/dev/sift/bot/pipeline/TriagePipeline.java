package dev.sift.bot.pipeline;

import dev.sift.index.MessageStore;
import dev.sift.triage.embed.Embedder;
import dev.sift.triage.item.Role;
import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.item.Triager;
import dev.sift.triage.llm.LlmCascade;
import dev.sift.triage.message.Message;
import dev.sift.triage.message.MessageKey;
import dev.sift.triage.verdict.LlmOpinion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.UnaryOperator;

/**
 * The whole of Sift in one place: message → embed → (LLM cascade) → triage → index → outlet. The
 * live bot and the offline replay both run messages through here; only the outlet differs. Every
 * change to an item, from triage or from a person (a card's button, a correction, an SLA step), is
 * stored here and told to {@link ItemChanges} first: that is how the event sinks hear of it.
 */
public final class TriagePipeline {
  private final Embedder embedder;
  private final Triager triager;
  private final MessageStore index;
  private final VersionedReads reads;
  private final Outlet outlet;
  private final LongAdder embedded = new LongAdder();
  private final LongAdder embedNanos = new LongAdder();
  private final Object itemLock = new Object();
  private final LlmCascade cascade;
  private final boolean checkpointEach;
  private volatile Observer observer = (outcome, nanos) -> {};
  private volatile ItemChanges itemChanges;

  /** Sees each message's outcome and how long its triage took (for metrics). */
  @FunctionalInterface
  public interface Observer {
    void triaged(Triager.Outcome outcome, long nanos);
  }

  /**
   * @param reads the store, as the triager reads it (it must be the triager's history)
   * @param cascade the LLM cascade, or null to triage on the embedded classifier alone
   * @param checkpointEach whether each message moves its channel's checkpoint (a replay, which runs
   *     in order); the live app sets low-water marks itself, as workers finish out of order
   */
  public TriagePipeline(
      Embedder embedder,
      Triager triager,
      VersionedReads reads,
      Outlet outlet,
      LlmCascade cascade,
      boolean checkpointEach) {
    this.checkpointEach = checkpointEach;
    this.cascade = cascade;
    this.embedder = embedder;
    this.triager = triager;
    this.reads = reads;
    this.index = reads.store();
    this.outlet = outlet;
  }

  public void observe(Observer observer) {
    this.observer = observer;
  }

  /**
   * Told of every change to an item, old and new state, in the order the index takes them: what the
   * event sinks publish. Called under the item lock, so one item's changes arrive in order.
   */
  @FunctionalInterface
  public interface ItemChanges {
    /**
     * @param before the item as stored before, or null for a new item
     */
    void changed(TriagedMessage before, TriagedMessage after);
  }

  public void onItemChange(ItemChanges itemChanges) {
    this.itemChanges = itemChanges;
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
    if (messages.isEmpty()) {
      return;
    }
    long start = System.nanoTime();
    List<float[]> vectors = embed(messages);
    // The LLM, when configured, is asked before any lock is taken: a slow call must not hold up
    // other workers. Only the messages the cascade picks go to it, in batches.
    Map<Integer, LlmOpinion> opinions =
        cascade == null ? Map.of() : cascade.opinions(messages, vectors);
    // Embedding and the LLM run for the batch: each message gets its share of their time.
    long shared = (System.nanoTime() - start) / messages.size();
    for (int i = 0; i < messages.size(); i++) {
      Message message = messages.get(i);
      long own = System.nanoTime();
      Triager.Outcome outcome;
      // Several workers may triage at once: embedding runs in parallel, but reading an item and
      // writing it back must not interleave, or a reply and a repeat report could overwrite each
      // other's changes to the same item.
      synchronized (itemLock) {
        outcome = triageAndStore(message, vectors.get(i), opinions.get(i));
        if (checkpointEach) {
          index.checkpoint(message.channelId(), message.ts());
        }
      }
      if (cascade != null) {
        cascade.count(outcome.message().verdict());
      }
      observer.triaged(outcome, shared + System.nanoTime() - own);
      outlet.deliver(outcome);
    }
  }

  /**
   * Changes a stored message (an item's status, owner, card or verdict) under the same lock triage
   * uses, so the change is made to the latest state; empty when the message is not stored.
   */
  public Optional<TriagedMessage> update(MessageKey key, UnaryOperator<TriagedMessage> change) {
    synchronized (itemLock) {
      for (int attempt = 1; ; attempt++) {
        MessageStore.Versioned current = index.findVersioned(key);
        if (current.message().isEmpty()) {
          return Optional.empty();
        }
        TriagedMessage changed = change.apply(current.message().get());
        if (storeIf(changed, current.message().get(), current.version())) {
          return Optional.of(changed);
        }
        giveUpAfter(attempt, key);
      }
    }
  }

  /**
   * Triages a message and stores it with the item it changed. The item is written only if nobody
   * changed it since the triage read it (another replica triaging a repeat report, a button click);
   * if somebody did, the message is triaged again on the item's new state. So is the message
   * itself, when it was read before it was written. The item goes first: a crash before the message
   * is stored leaves the message to be triaged again from the journal, which finds its report
   * already in the item.
   */
  private Triager.Outcome triageAndStore(Message message, float[] vector, LlmOpinion opinion) {
    for (int attempt = 1; ; attempt++) {
      reads.begin();
      Triager.Outcome outcome = triager.triage(message, vector, opinion);
      Optional<TriagedMessage> item = outcome.updatedItem();
      Optional<Long> version = item.flatMap(i -> reads.versionRead(i.key()));
      if (item.isPresent() && version.isPresent()) {
        if (!storeIf(item.get(), null, version.get())) {
          giveUpAfter(attempt, item.get().key());
          continue;
        }
      } else {
        item.ifPresent(this::store);
      }
      // The message itself is read-modify-write too when it was stored before (an edit, a
      // catch-up of an item whose replies another replica is adding), or when another replica
      // triages the same new message at the same moment.
      TriagedMessage m = outcome.message();
      Optional<Long> own = reads.versionRead(m.key());
      if (own.isPresent()) {
        if (!storeIf(m, null, own.get())) {
          giveUpAfter(attempt, m.key());
          continue;
        }
      } else {
        store(m);
      }
      return outcome;
    }
  }

  private static void giveUpAfter(int attempt, MessageKey key) {
    if (attempt >= MessageStore.MAX_ATTEMPTS) {
      throw new IllegalStateException(
          key + " changed under " + attempt + " attempts in a row to update it");
    }
  }

  /** Writes a message to the index, telling {@link ItemChanges} when it is an item. */
  private void store(TriagedMessage m) {
    ItemChanges told = itemChanges;
    if (told == null || m.role() != Role.ITEM) {
      index.upsert(m);
      return;
    }
    TriagedMessage before = index.find(m.key()).orElse(null);
    // Told first: if its outbox cannot take the event (a full disk), nothing is stored either, and
    // the retry finds the same change to tell.
    told.changed(before, m);
    index.upsert(m);
  }

  /**
   * {@link #store} only if the stored message is still at {@code version}; false when another
   * writer changed it first. A change told to {@link ItemChanges} and then lost to such a race is
   * told again, as it is redone; the sinks then see both (at least once, as always).
   *
   * @param before the stored state the change was made to, or null to read it
   */
  private boolean storeIf(TriagedMessage m, TriagedMessage before, long version) {
    ItemChanges told = itemChanges;
    if (told != null && m.role() == Role.ITEM) {
      told.changed(before != null ? before : index.find(m.key()).orElse(null), m);
    }
    return index.replace(m, version);
  }

  /** The stored message with this key. */
  public Optional<TriagedMessage> find(MessageKey key) {
    return index.find(key);
  }

  /** Texts embedded so far (trivial messages are not). */
  public long embeddedTexts() {
    return embedded.sum();
  }

  /** Seconds spent embedding so far: the raw model throughput is texts over this. */
  public double embeddingSeconds() {
    return embedNanos.sum() / 1e9;
  }

  /**
   * Forgets a deleted message and its traces in its item (reporter, reasons naming its author);
   * returns what was stored.
   */
  public Optional<TriagedMessage> delete(MessageKey key) {
    return forget(key).map(MessageStore.Forgotten::message);
  }

  /** {@link #delete} with what changed in the item, for retention sweeps and channel deletions. */
  public Optional<MessageStore.Forgotten> forget(MessageKey key) {
    synchronized (itemLock) {
      ItemChanges told = itemChanges;
      // A report or reply removed: its item lost a reporter (or a count), an update for the sinks.
      TriagedMessage itemBefore =
          told == null
              ? null
              : index
                  .find(key)
                  .filter(m -> m.role() != Role.ITEM)
                  .flatMap(m -> index.find(m.itemKey()))
                  .orElse(null);
      Optional<MessageStore.Forgotten> forgotten = index.forget(key);
      if (itemBefore != null) {
        forgotten.flatMap(MessageStore.Forgotten::item).ifPresent(i -> told.changed(itemBefore, i));
      }
      return forgotten;
    }
  }

  /** Embeds the messages that need it; trivial ones get null and cost no model call. */
  private List<float[]> embed(List<Message> messages) {
    List<String> texts = new ArrayList<>();
    boolean[] needs = new boolean[messages.size()];
    for (int i = 0; i < messages.size(); i++) {
      needs[i] = triager.needsVector(messages.get(i));
      if (needs[i]) {
        texts.add(messages.get(i).text());
      }
    }
    long start = System.nanoTime();
    List<float[]> vectorsOfTexts = embedder.embedAll(texts);
    embedNanos.add(System.nanoTime() - start);
    embedded.add(texts.size());
    List<float[]> vectors = new ArrayList<>(messages.size());
    int next = 0;
    for (boolean need : needs) {
      vectors.add(need ? vectorsOfTexts.get(next++) : null);
    }
    return vectors;
  }
}

package dev.sift.bot.lifecycle;

import dev.sift.index.MessageIndex;
import dev.sift.index.MessageStore;
import dev.sift.index.Selection;
import dev.sift.triage.message.MessageKey;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Removes messages with every trace in their items, one key at a time through {@code forget} (the
 * live pipeline's, under its item lock, or the index's own offline), then makes the removal
 * searchable at once: a search or digest right after no longer finds them.
 */
public final class Eraser {
  private final MessageStore index;
  private final Function<MessageKey, Optional<MessageStore.Forgotten>> forget;

  /**
   * @param forget removes one message and its traces (see {@link MessageIndex#forget})
   */
  public Eraser(MessageStore index, Function<MessageKey, Optional<MessageStore.Forgotten>> forget) {
    this.index = index;
    this.forget = forget;
  }

  /** Offline, with nothing else writing: the index forgets by itself. */
  public static Eraser offline(MessageStore index) {
    return new Eraser(index, index::forget);
  }

  /** Removes every message selected. */
  public Erased erase(Selection selection) {
    return erase(selection, k -> true, f -> {});
  }

  /**
   * Removes the messages selected that {@code which} lets through; {@code each} sees every removal
   * (a card to close).
   */
  public Erased erase(
      Selection selection, Predicate<MessageKey> which, Consumer<MessageStore.Forgotten> each) {
    List<MessageKey> keys = index.keys(selection);
    Erased erased = new Erased();
    for (MessageKey key : keys) {
      if (which.test(key)) {
        forget
            .apply(key)
            .ifPresent(
                f -> {
                  erased.add(f);
                  each.accept(f);
                });
      }
    }
    if (erased.messages() > 0) {
      index.refresh();
    }
    return erased;
  }
}

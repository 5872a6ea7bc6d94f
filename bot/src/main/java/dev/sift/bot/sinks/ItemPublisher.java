package dev.sift.bot.sinks;

import dev.sift.bot.pipeline.TriagePipeline;
import dev.sift.triage.item.TriagedMessage;
import java.time.Clock;

/**
 * The pipeline's item changes, published to the sinks: each change becomes at most one event
 * ({@link ItemEvents}) added to the outbox of every sink that takes it before the pipeline goes on,
 * so an item change the index keeps always has its event on disk.
 */
public final class ItemPublisher implements TriagePipeline.ItemChanges {
  private final ItemEvents events;
  private final Sinks sinks;
  private final Clock clock;

  public ItemPublisher(ItemEvents events, Sinks sinks, Clock clock) {
    this.events = events;
    this.sinks = sinks;
    this.clock = clock;
  }

  @Override
  public void changed(TriagedMessage before, TriagedMessage after) {
    events.of(before, after, clock.instant()).ifPresent(sinks::publish);
  }
}

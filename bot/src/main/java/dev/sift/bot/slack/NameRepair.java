package dev.sift.bot.slack;

import dev.sift.bot.intake.WorkQueue;
import dev.sift.bot.pipeline.TriagePipeline;
import dev.sift.index.ItemQueries;
import dev.sift.triage.message.Message;
import dev.sift.triage.message.MessageKey;
import java.util.List;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a channel's name on the messages stored under its id while Slack could not tell the name (or
 * under an old name, after a rename), once a look-up succeeds. Without it a failed {@code
 * conversations.info} would leave the id in the index for good, and {@code in:#name} would never
 * find those messages.
 */
final class NameRepair implements BiConsumer<String, String> {
  private static final Logger log = LoggerFactory.getLogger(NameRepair.class);

  private final ItemQueries items;
  private final TriagePipeline pipeline;
  private final WorkQueue queue;

  NameRepair(ItemQueries items, TriagePipeline pipeline, WorkQueue queue) {
    this.items = items;
    this.pipeline = pipeline;
    this.queue = queue;
  }

  /** Slack told a channel's name: the repair is queued behind the triage work already waiting. */
  @Override
  public void accept(String channelId, String name) {
    queue.submit(WorkQueue.LATER, "name " + channelId, () -> repair(channelId, name));
  }

  /**
   * Looks up every channel stored without its name; each one Slack names now is repaired (also when
   * its name was learnt before this repair listened, as by the start-up checks).
   */
  void sweep(Directory directory) {
    for (String channelId : items.unnamedChannels()) {
      Directory.Channel c = directory.channel(channelId);
      if (c.named()) {
        accept(channelId, c.name());
      }
    }
  }

  /** Renames the channel's stored messages; returns how many changed. */
  int repair(String channelId, String name) {
    List<MessageKey> keys = items.misnamed(channelId, name);
    for (MessageKey key : keys) {
      pipeline.update(key, t -> t.withMessage(named(t.message(), name)));
    }
    if (!keys.isEmpty()) {
      log.info("{} messages of {} now carry its name #{}", keys.size(), channelId, name);
    }
    return keys.size();
  }

  private static Message named(Message m, String name) {
    return new Message(
        m.team(),
        m.channelId(),
        name,
        m.ts(),
        m.threadTs(),
        m.userId(),
        m.userName(),
        m.text(),
        m.subtype(),
        m.edited(),
        m.editedTs(),
        m.bot(),
        m.links(),
        m.files());
  }
}

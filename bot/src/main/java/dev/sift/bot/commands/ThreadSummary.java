package dev.sift.bot.commands;

import com.slack.api.model.block.LayoutBlock;
import dev.sift.bot.pipeline.TriagePipeline;
import dev.sift.bot.slack.view.PermalinkLookup;
import dev.sift.bot.slack.view.ShortcutReply;
import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.llm.Summariser;
import dev.sift.triage.message.Message;
import dev.sift.triage.message.MessageKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A cited summary of a message's thread, for the shortcut's answer: each bullet links to the
 * messages it was drawn from, so a reader can check the summary against what was said. Only with an
 * LLM configured, and only for a message with replies; otherwise nothing.
 */
final class ThreadSummary {
  private final Summariser summariser;
  private final TriagePipeline pipeline;
  private final PermalinkLookup links;

  /**
   * @param summariser {@code null} without an LLM
   */
  ThreadSummary(Summariser summariser, TriagePipeline pipeline, PermalinkLookup links) {
    this.summariser = summariser;
    this.pipeline = pipeline;
    this.links = links;
  }

  /** For a message with replies, a cited summary of its thread (when an LLM is configured). */
  List<LayoutBlock> of(TriagedMessage item) {
    if (summariser == null || item == null || item.replyIds().isEmpty()) {
      return List.of();
    }
    List<Message> thread = new ArrayList<>();
    thread.add(item.message());
    for (String id : item.replyIds()) {
      pipeline.find(MessageKey.parse(id)).ifPresent(r -> thread.add(r.message()));
    }
    thread.sort(Comparator.comparing(Message::postedAt));
    return summariser
        .summarise("a thread in #" + item.message().channelName(), thread)
        .map(bullets -> ShortcutReply.threadSummary(bullets, links))
        .orElse(List.of());
  }
}

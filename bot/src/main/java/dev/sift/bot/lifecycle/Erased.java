package dev.sift.bot.lifecycle;

import dev.sift.index.MessageStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What an erasure removed, counted as it goes; the figures a purge prints and the audit keeps. */
public final class Erased {
  private int messages;
  private int summaries;
  private int reporters;
  private final Set<String> itemsUpdated = new LinkedHashSet<>();
  private final List<String> cards = new ArrayList<>();
  private final Set<String> ids = new LinkedHashSet<>();

  void add(MessageStore.Forgotten f) {
    messages++;
    ids.add(f.message().key().id());
    if (f.message().verdict().summary() != null) {
      summaries++;
    }
    if (f.message().task().hasCard()) {
      cards.add(f.message().task().cardChannel() + "/" + f.message().task().cardTs());
    }
    f.item().ifPresent(i -> itemsUpdated.add(i.key().id()));
    reporters += f.reportersRemoved();
  }

  /** Messages removed. */
  public int messages() {
    return messages;
  }

  /** LLM summaries removed with their messages. */
  public int summaries() {
    return summaries;
  }

  /** Items that lost a report or reply, kept for the rest of their reporters. */
  public int itemsUpdated() {
    // An item removed later in the same erasure was updated in vain: not counted.
    return (int) itemsUpdated.stream().filter(id -> !ids.contains(id)).count();
  }

  /** Names that left the reporters of items that remain. */
  public int reportersRemoved() {
    return reporters;
  }

  /** The ids (team/channel/ts) of the messages removed. */
  public Set<String> ids() {
    return Set.copyOf(ids);
  }

  /** Task cards ({@code channel/ts}) posted for removed items: they are Slack messages. */
  public List<String> cards() {
    return List.copyOf(cards);
  }

  /** The counts, for the audit log. */
  public Map<String, Object> details() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("messages", messages);
    d.put("items_updated", itemsUpdated());
    d.put("reporters_removed", reporters);
    d.put("summaries_dropped", summaries);
    d.put("cards", cards.size());
    return d;
  }
}

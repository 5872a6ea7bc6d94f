package dev.sift.triage.item;

import dev.sift.triage.embed.Vectors;
import dev.sift.triage.message.MessageKey;
import dev.sift.triage.verdict.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A history kept in a map, the way the index behaves, for triage tests. */
final class InMemoryHistory implements TriageHistory {
  final Map<MessageKey, TriagedMessage> stored = new LinkedHashMap<>();

  void store(Triager.Outcome outcome) {
    stored.put(outcome.message().key(), outcome.message());
    outcome.updatedItem().ifPresent(i -> stored.put(i.key(), i));
  }

  @Override
  public Optional<TriagedMessage> find(MessageKey key) {
    return Optional.ofNullable(stored.get(key));
  }

  @Override
  public List<SimilarItem> similarOpenItems(float[] vector, Instant from, Instant to, int limit) {
    List<SimilarItem> out = new ArrayList<>();
    for (TriagedMessage t : stored.values()) {
      Instant at = t.message().postedAt();
      if ((t.role() == Role.ITEM || t.role() == Role.REPORT)
          && t.status() != Status.RESOLVED
          && t.vector() != null
          && !at.isBefore(from)
          && !at.isAfter(to)) {
        out.add(new SimilarItem(t, Vectors.dot(vector, t.vector())));
      }
    }
    out.sort(Comparator.comparingDouble(SimilarItem::similarity).reversed());
    return out.size() > limit ? out.subList(0, limit) : out;
  }
}

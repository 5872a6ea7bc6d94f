package dev.sift.triage.llm;

import dev.sift.triage.classify.EmbeddedClassifier;
import dev.sift.triage.classify.LabelledExample;
import dev.sift.triage.item.Triager;
import dev.sift.triage.message.Message;
import dev.sift.triage.message.MessageKey;
import dev.sift.triage.redact.InvisibleText;
import dev.sift.triage.redact.Redactor;
import dev.sift.triage.verdict.LlmOpinion;
import dev.sift.triage.verdict.Priority;
import dev.sift.triage.verdict.Verdict;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The cascade: the embedded classifier decides alone when it is sure and the message is not
 * high-stakes; the rest goes to the LLM in batches, redacted, as data. Messages the LLM could not
 * answer (down, over budget) keep the embedded verdict and are remembered for re-triage.
 */
public final class LlmCascade {
  private static final int EXAMPLES_PER_MESSAGE = 3;
  private static final int MAX_EXAMPLES = 12;
  private static final int MAX_PENDING = 10_000;

  private final Triager triager;
  private final EmbeddedClassifier classifier;
  private final LlmTriage llm;
  private final Redactor redactor;
  private final CascadePolicy policy;
  private final Predicate<String> isPrivateChannel;
  private final Function<String, Optional<String>> channelName;
  private final Set<MessageKey> retriage = ConcurrentHashMap.newKeySet();
  private final Map<String, LongAdder> decided = new ConcurrentHashMap<>();
  private final LongAdder injections = new LongAdder();

  public LlmCascade(
      Triager triager,
      EmbeddedClassifier classifier,
      LlmTriage llm,
      Redactor redactor,
      CascadePolicy policy,
      Predicate<String> isPrivateChannel,
      Function<String, Optional<String>> channelName) {
    this.triager = triager;
    this.classifier = classifier;
    this.llm = llm;
    this.redactor = redactor;
    this.policy = policy;
    this.isPrivateChannel = isPrivateChannel;
    this.channelName = channelName;
  }

  /** LLM opinions for the messages that need one, by position in {@code messages}. */
  public Map<Integer, LlmOpinion> opinions(List<Message> messages, List<float[]> vectors) {
    List<Integer> asked = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      if (wants(messages.get(i), vectors.get(i))) {
        asked.add(i);
      }
    }
    Map<Integer, LlmOpinion> out = new HashMap<>();
    for (int from = 0; from < asked.size(); from += policy.batchSize()) {
      List<Integer> batch = asked.subList(from, Math.min(asked.size(), from + policy.batchSize()));
      List<PromptItem> items = new ArrayList<>();
      Set<LabelledExample> examples = new LinkedHashSet<>();
      for (int j = 0; j < batch.size(); j++) {
        Message m = messages.get(batch.get(j));
        items.add(
            new PromptItem(
                Integer.toString(j + 1),
                m.channelName(),
                m.userName(),
                redactor.redact(InvisibleText.strip(m.text())).text()));
        for (LabelledExample e :
            classifier.nearestExamples(
                vectors.get(batch.get(j)), EXAMPLES_PER_MESSAGE, this::mayShow)) {
          if (examples.size() < MAX_EXAMPLES) {
            examples.add(redacted(e));
          }
        }
      }
      Set<String> channels = new java.util.TreeSet<>();
      batch.forEach(i -> channels.add(messages.get(i).channelId()));
      LlmTriage.Result result = llm.triage(items, List.copyOf(examples), channels);
      for (int j = 0; j < batch.size(); j++) {
        LlmOpinion o = result.opinions().get(Integer.toString(j + 1));
        Message m = messages.get(batch.get(j));
        if (o != null) {
          out.put(batch.get(j), o);
          retriage.remove(m.key());
        } else if (result.unavailable() && retriage.size() < MAX_PENDING) {
          retriage.add(m.key());
        }
      }
    }
    return out;
  }

  /** Counts a verdict by who decided it, for {@code sift eval} and stats. */
  public void count(Verdict v) {
    decided.computeIfAbsent(v.decidedBy(), k -> new LongAdder()).increment();
  }

  /** How many verdicts each classifier decided. */
  public Map<String, Long> decidedBy() {
    Map<String, Long> out = new LinkedHashMap<>();
    decided.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  /** Messages that wanted the LLM and did not get it; taken (and forgotten) by the caller. */
  public List<MessageKey> takeRetriage(int max) {
    List<MessageKey> out = new ArrayList<>();
    for (MessageKey k : retriage) {
      if (out.size() >= max) {
        break;
      }
      if (retriage.remove(k)) {
        out.add(k);
      }
    }
    return out;
  }

  public int pendingRetriage() {
    return retriage.size();
  }

  /** Messages kept from the LLM because they try to instruct it. */
  public long injectionsSeen() {
    return injections.sum();
  }

  public LlmStats stats() {
    return llm.stats();
  }

  /**
   * Whether a message's text may be sent to the LLM at all: not from an opted-out channel, not from
   * a private one unless allowed, not a message that tries to instruct the model. Summaries use the
   * same rule.
   */
  public boolean mayLeave(Message m) {
    return channelMayLeave(m.channelId(), m.channelName())
        && !InjectionGuard.looksLikeInjection(m.text());
  }

  private boolean channelMayLeave(String channelId, String channelName) {
    return !policy.optedOut(channelId, channelName)
        && (policy.includePrivate() || !isPrivateChannel.test(channelId));
  }

  /**
   * A correction is shown only if its channel may be sent, and never if it instructs. A correction
   * carries its channel's id; opt-outs may name the channel, so the name is looked up, and a
   * channel whose name cannot be found is not shown while any opt-out is set.
   */
  private boolean mayShow(LabelledExample e) {
    if (InjectionGuard.looksLikeInjection(e.text())) {
      return false;
    }
    if (e.sourceChannel() == null) {
      return true; // a taxonomy example: written for the config, from no channel
    }
    Optional<String> name = channelName.apply(e.sourceChannel());
    if (name.isEmpty() && !policy.optOutChannels().isEmpty()) {
      return false;
    }
    return channelMayLeave(e.sourceChannel(), name.orElse(null));
  }

  /** Whether a message goes to the LLM: the cascade's rule, privacy first. */
  boolean wants(Message m, float[] vector) {
    if (vector == null
        || policy.optedOut(m.channelId(), m.channelName())
        || (!policy.includePrivate() && isPrivateChannel.test(m.channelId()))) {
      return false;
    }
    if (InjectionGuard.looksLikeInjection(m.text())) {
      injections.increment();
      return false; // its own words decide, through the embedded model
    }
    if (policy.always() || policy.highStakes(m.channelId(), m.channelName())) {
      return true;
    }
    Verdict embedded = triager.embeddedVerdict(m, vector);
    if (Verdict.RULE.equals(embedded.decidedBy())) {
      return false;
    }
    boolean unsure =
        embedded.confidence() < policy.minConfidence() || embedded.margin() < policy.minMargin();
    boolean highStakes = embedded.priority().moreUrgentThan(Priority.P3);
    return unsure || highStakes;
  }

  private LabelledExample redacted(LabelledExample e) {
    return new LabelledExample(redactor.redact(e.text()).text(), e.category(), e.sourceChannel());
  }
}

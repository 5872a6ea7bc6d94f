package dev.sift.triage.item;

import dev.sift.triage.classify.Classifier;
import dev.sift.triage.classify.Prediction;
import dev.sift.triage.message.Message;
import dev.sift.triage.message.MessageKey;
import dev.sift.triage.priority.AllClear;
import dev.sift.triage.priority.Prioritiser;
import dev.sift.triage.priority.PriorityFeatures;
import dev.sift.triage.priority.PriorityModel;
import dev.sift.triage.taxonomy.Category;
import dev.sift.triage.taxonomy.Taxonomy;
import dev.sift.triage.verdict.LlmOpinion;
import dev.sift.triage.verdict.Priority;
import dev.sift.triage.verdict.Status;
import dev.sift.triage.verdict.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides what one message is: trivial or not → classify → prioritise → its place in the queue (a
 * new item, a reply to an item, or one more report of an open item). Pure decision: the caller
 * embeds beforehand and stores the outcome afterwards.
 */
public final class Triager {
  private final Taxonomy taxonomy;
  private final Classifier classifier;
  private final Prioritiser prioritiser;
  private final DuplicatePolicy duplicates;
  private final TriageHistory history;

  public Triager(
      Taxonomy taxonomy,
      Classifier classifier,
      Prioritiser prioritiser,
      DuplicatePolicy duplicates,
      TriageHistory history) {
    this.taxonomy = taxonomy;
    this.classifier = classifier;
    this.prioritiser = prioritiser;
    this.duplicates = duplicates;
    this.history = history;
  }

  /** What triage decided: the message as stored, and the item it changed, if another one. */
  public record Outcome(TriagedMessage message, Optional<TriagedMessage> updatedItem) {}

  /** Whether {@link #triage} needs this message's embedding (trivial messages cost no call). */
  public boolean needsVector(Message message) {
    return !isRuleDecided(message);
  }

  /**
   * Triages one message.
   *
   * @param vector the message's embedding when {@link #needsVector} said so, otherwise null
   */
  public Outcome triage(Message message, float[] vector) {
    return triage(message, vector, null);
  }

  /**
   * Triages a message with an LLM's opinion when there is one: its category, its summary and its
   * priority, the priority kept within one level of what the message's own signals warrant for that
   * category, so no wording can talk a message up (or down) further.
   */
  public Outcome triage(Message message, float[] vector, LlmOpinion opinion) {
    Verdict embedded = decide(message, vector);
    Verdict verdict =
        opinion == null || Verdict.RULE.equals(embedded.decidedBy())
            ? embedded
            : withOpinion(message, embedded, opinion);
    if (message.isReply()) {
      Optional<TriagedMessage> item = itemOf(message);
      if (item.isPresent()) {
        // Read even for a reply never seen: the store then writes it only if no other replica
        // stored a copy of it (an edit) in the meantime.
        Optional<TriagedMessage> earlier = history.find(message.key());
        if (earlier.isPresent() && message.olderThan(earlier.get().message())) {
          if (item.get().replyIds().contains(message.key().id())) {
            return new Outcome(earlier.get(), Optional.empty());
          }
          // Stored on its own, from a newer copy, before its parent was: it joins the thread now,
          // as that newer copy.
          TriagedMessage newer = earlier.get();
          return asReply(newer.message(), newer.verdict(), newer.vector(), item.get());
        }
        return asReply(message, verdict, vector, item.get());
      }
    }
    Optional<TriagedMessage> earlier = history.find(message.key());
    if (earlier.isPresent()) {
      return retriaged(earlier.get(), message, verdict, vector);
    }
    // An all-clear or a notice reports no problem, so it never counts as one more reporter.
    if (vector != null
        && duplicates.categories().contains(verdict.category())
        && !Prioritiser.isCalm(message.text())) {
      Optional<TriagedMessage> open = openProblemLike(message, vector);
      if (open.isPresent()) {
        return asReport(message, verdict, vector, open.get());
      }
    }
    return new Outcome(TriagedMessage.newItem(message, verdict, vector), Optional.empty());
  }

  /** The verdict without an LLM: by rule for trivial messages, else the embedded classifier. */
  public Verdict embeddedVerdict(Message message, float[] vector) {
    return decide(message, vector);
  }

  private Verdict withOpinion(Message message, Verdict embedded, LlmOpinion opinion) {
    Category category = taxonomy.get(opinion.category());
    Prioritiser.Assessment signals = prioritiser.assess(category, message, 1);
    // The embedded verdict's priority comes from the message's own signals; the LLM may move it
    // one level either way, never further, whatever the text asked of it.
    Priority anchor = embedded.priority();
    Priority priority = opinion.priority();
    if (priority.moreUrgentThan(anchor.raisedBy(1))) {
      priority = anchor.raisedBy(1);
    } else if (anchor.ordinal() + 1 < priority.ordinal()) {
      priority = Priority.values()[anchor.ordinal() + 1];
    }
    List<String> reasons = new ArrayList<>();
    boolean agrees = category.name().equals(embedded.category());
    reasons.add(
        category.name()
            + " (LLM; "
            + (agrees
                ? "the embedded model agrees"
                : String.format(
                    "the embedded model said %s, %.0f%% sure",
                    embedded.category(), 100 * embedded.confidence()))
            + ")");
    opinion.reasons().forEach(r -> reasons.add("LLM: " + r));
    if (opinion.owner() != null) {
      reasons.add("LLM suggests " + opinion.owner() + " owns it");
    }
    opinion.actionItems().forEach(a -> reasons.add("LLM, next step: " + a));
    List<String> found = signals.reasons();
    reasons.addAll(found.subList(1, found.size()));
    if (priority != opinion.priority()) {
      reasons.add(
          "LLM said "
              + opinion.priority()
              + "; kept to "
              + priority
              + " by the message's own signals");
    }
    return new Verdict(
        category.name(),
        priority,
        agrees ? embedded.confidence() : 0.5,
        embedded.margin(),
        reasons,
        Verdict.LLM,
        opinion.summary().isBlank() ? null : opinion.summary());
  }

  private Verdict decide(Message message, float[] vector) {
    if (isRuleDecided(message)) {
      Category social = taxonomy.get(Taxonomy.SOCIAL);
      return new Verdict(
          social.name(),
          social.defaultPriority(),
          1.0,
          1.0,
          List.of(social.name() + ": join, emoji or a one-word reply"),
          Verdict.RULE);
    }
    if (vector == null) {
      throw new IllegalArgumentException("message " + message.key() + " needs its embedding");
    }
    Prediction prediction = classifier.classify(message.text(), vector);
    Category category = taxonomy.get(prediction.category());
    Prioritiser.Assessment assessment = prioritiser.assess(category, message, 1);
    List<String> reasons = new ArrayList<>(assessment.reasons());
    reasons.set(0, reasons.get(0) + String.format(", %.0f%% sure", 100 * prediction.confidence()));
    Priority priority = assessment.priority();
    if (!assessment.isAllClear()) {
      Optional<PriorityModel.Move> move =
          prioritiser
              .learned()
              .move(PriorityFeatures.of(category.name(), priority, message.text(), vector));
      if (move.isPresent()) {
        priority = move.get().priority();
        reasons.add(move.get().reason());
      }
    }
    return new Verdict(
        category.name(),
        priority,
        prediction.confidence(),
        prediction.margin(),
        reasons,
        Verdict.EMBEDDED);
  }

  private boolean isRuleDecided(Message message) {
    return taxonomy.contains(Taxonomy.SOCIAL) && TrivialMessages.isTrivial(message);
  }

  /** The item a reply belongs to: its parent, or the item its parent reported into. */
  private Optional<TriagedMessage> itemOf(Message reply) {
    Optional<TriagedMessage> parent = history.find(reply.threadKey());
    if (parent.isEmpty() || parent.get().role() == Role.ITEM) {
      return parent;
    }
    return history.find(parent.get().itemKey());
  }

  private Outcome asReply(Message reply, Verdict verdict, float[] vector, TriagedMessage item) {
    TriagedMessage stored = TriagedMessage.partOf(reply, verdict, vector, Role.REPLY, item.key());
    if (item.replyIds().contains(reply.key().id())) {
      return new Outcome(stored, Optional.empty()); // seen before: a replay or an edit
    }
    TriagedMessage updated = item.withReply(reply);
    String who = "@" + TriagedMessage.reporterName(reply);
    // Only a reply that itself reports a problem escalates: "it times out for me too" does,
    // a joke with the word "down" in it does not. Without new reporters, replies alone can take
    // an item to P2 at most; P1 stays for incidents.
    List<String> escalation = prioritiser.escalationIn(reply);
    boolean reportsProblem = duplicates.categories().contains(verdict.category());
    Priority ceiling =
        replyCeiling(item.message(), duplicates.categories().contains(item.verdict().category()));
    if (!escalation.isEmpty()
        && reportsProblem
        && item.status() != Status.RESOLVED
        && ceiling.moreUrgentThan(item.verdict().priority())) {
      Priority raised = item.verdict().priority().raisedBy(1);
      updated =
          updated.withVerdict(
              item.verdict()
                  .withPriority(raised, "reply by " + who + ": " + String.join(", ", escalation)));
    }
    if (AllClear.in(reply.text()).isPresent()) {
      updated =
          updated
              .withStatus(Status.RESOLVED)
              .withVerdict(
                  updated
                      .verdict()
                      .withPriority(
                          updated.verdict().priority(), "marked resolved in the thread by " + who));
    }
    return new Outcome(stored, Optional.of(updated));
  }

  /**
   * A message triaged again: an edit, a replay, a catch-up. Its own text is judged from scratch, so
   * an edit can lower a verdict as well as raise it, and the reasons quote the current text; what
   * other reporters and replies contributed to an item is applied again on top.
   */
  private Outcome retriaged(
      TriagedMessage earlier, Message message, Verdict verdict, float[] vector) {
    if (message.olderThan(earlier.message())) {
      // The original after its edit, or an older edit after a newer one: another replica handled
      // the newer, or a catch-up read Slack's history before the last edit.
      return new Outcome(earlier, Optional.empty());
    }
    Verdict kept = verdict;
    if (Verdict.HUMAN.equals(earlier.verdict().decidedBy())) {
      kept = earlier.verdict(); // a person's correction outranks any model
    } else if (earlier.role() == Role.ITEM) {
      kept = withContributions(message, verdict, earlier);
    }
    TriagedMessage fresh = TriagedMessage.newItem(message, kept, vector);
    return new Outcome(fresh.carryingStateOf(earlier), Optional.empty());
  }

  /**
   * The fresh verdict of an item's own text, raised by what others contributed, as when they
   * arrived: the number of reporters, each report's own priority, and each reply that reported the
   * problem (one level each, P2 at most but for duplicate-prone categories).
   */
  private Verdict withContributions(Message message, Verdict fresh, TriagedMessage item) {
    Verdict v = fresh;
    int reporters = item.reporterCount();
    if (reporters > 1 && taxonomy.contains(v.category())) {
      Priority byCount =
          prioritiser.assess(taxonomy.get(v.category()), message, reporters).priority();
      if (byCount.moreUrgentThan(v.priority())) {
        v = v.withPriority(byCount, reporters + " people reported it");
      }
    }
    for (String id : item.reportIds()) {
      Optional<TriagedMessage> report = history.find(MessageKey.parse(id));
      if (report.isPresent() && report.get().verdict().priority().moreUrgentThan(v.priority())) {
        Priority p = report.get().verdict().priority();
        v =
            v.withPriority(
                p,
                "a report by @" + TriagedMessage.reporterName(report.get().message()) + " is " + p);
      }
    }
    Priority ceiling = replyCeiling(item.message(), duplicates.categories().contains(v.category()));
    for (String id : item.replyIds()) {
      Optional<TriagedMessage> reply = history.find(MessageKey.parse(id));
      if (reply.isEmpty()
          || !duplicates.categories().contains(reply.get().verdict().category())
          || !ceiling.moreUrgentThan(v.priority())) {
        continue;
      }
      List<String> escalation = prioritiser.escalationIn(reply.get().message());
      if (!escalation.isEmpty()) {
        v =
            v.withPriority(
                v.priority().raisedBy(1),
                "reply by @"
                    + TriagedMessage.reporterName(reply.get().message())
                    + ": "
                    + String.join(", ", escalation));
      }
    }
    return v;
  }

  /**
   * How far replies alone can raise an item: P1 for a problem, P2 for anything else, and P3 in a
   * help channel, where replies are people helping one person with their own trouble.
   */
  private Priority replyCeiling(Message parent, boolean problem) {
    if (prioritiser.policy().isHelpChannel(parent.channelName())) {
      return Priority.P3;
    }
    return problem ? Priority.P1 : Priority.P2;
  }

  private Optional<TriagedMessage> openProblemLike(Message message, float[] vector) {
    Instant at = message.postedAt();
    for (TriageHistory.SimilarItem s :
        history.similarOpenItems(vector, at.minus(duplicates.window()), at, 5)) {
      if (s.similarity() < duplicates.minSimilarity()) {
        break;
      }
      Optional<TriagedMessage> item =
          s.item().role() == Role.REPORT ? history.find(s.item().itemKey()) : Optional.of(s.item());
      if (item.isPresent()
          && item.get().status() != Status.RESOLVED
          && !item.get().key().equals(message.key())
          && !Prioritiser.isCalm(item.get().message().text())
          && duplicates.categories().contains(item.get().verdict().category())) {
        return item;
      }
    }
    return Optional.empty();
  }

  private Outcome asReport(Message report, Verdict verdict, float[] vector, TriagedMessage item) {
    TriagedMessage stored = TriagedMessage.partOf(report, verdict, vector, Role.REPORT, item.key());
    if (item.reportIds().contains(report.key().id())) {
      // In the item already, though not stored itself: a crash, or a write lost to another
      // replica's, came between the two writes. Counting it again would add a reporter.
      return new Outcome(stored, Optional.empty());
    }
    TriagedMessage updated = item.withReport(report);
    Category category = taxonomy.get(item.verdict().category());
    Prioritiser.Assessment byCount =
        prioritiser.assess(category, item.message(), updated.reporterCount());
    Verdict v = item.verdict();
    if (byCount.priority().moreUrgentThan(v.priority())) {
      v = v.withPriority(byCount.priority(), updated.reporterCount() + " people reported it");
    }
    if (verdict.priority().moreUrgentThan(v.priority())) {
      v =
          v.withPriority(
              verdict.priority(),
              "a report by @" + TriagedMessage.reporterName(report) + " is " + verdict.priority());
    }
    return new Outcome(stored, Optional.of(updated.withVerdict(v)));
  }
}

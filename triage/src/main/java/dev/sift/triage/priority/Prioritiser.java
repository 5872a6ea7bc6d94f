package dev.sift.triage.priority;

import dev.sift.triage.message.Message;
import dev.sift.triage.taxonomy.Category;
import dev.sift.triage.verdict.Priority;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Sets P1-P4 from the category's default and the signals in and around a message, recording each
 * signal as a reason a human can read and check.
 *
 * <p>Soft signals (a deadline, {@code @here}, a client channel or sender) together raise a message
 * at most one level, so a polite "by Friday please" in a client channel cannot outrank an outage;
 * hard signals (security, data loss, outage words, many reporters) come on top, and only they can
 * make a message P1. Categories listed as quiet (announcements, chatter) ignore soft signals:
 * "@channel the office is closed Friday" is not urgent.
 */
public final class Prioritiser {
  private static final int MAX_SOFT_RAISE = 1;

  private final PriorityPolicy policy;
  private final Set<String> quietCategories;

  public Prioritiser(PriorityPolicy policy, Set<String> quietCategories) {
    this.policy = policy;
    this.quietCategories = Set.copyOf(quietCategories);
  }

  /**
   * The default policy: {@code client-*} channels matter more; social and announcement are quiet.
   */
  public static Prioritiser defaults() {
    return new Prioritiser(PriorityPolicy.DEFAULTS, Set.of("social", "announcement"));
  }

  public PriorityPolicy policy() {
    return policy;
  }

  /** A priority and its reasons. */
  public record Assessment(Priority priority, List<String> reasons) {}

  /**
   * Assesses a message of the given category.
   *
   * @param reporters how many distinct people reported the same problem (1 for a lone message)
   */
  public Assessment assess(Category category, Message message, int reporters) {
    List<String> reasons = new ArrayList<>();
    reasons.add(category.name() + " (default " + category.defaultPriority() + ")");
    String text = message.text();
    int hard = 0;
    String security = Signals.quoted(Signals.SECURITY, text);
    if (security != null) {
      hard += 2;
      reasons.add("security words " + security);
    }
    String dataLoss = Signals.quoted(Signals.DATA_LOSS, text);
    if (dataLoss != null) {
      hard++;
      reasons.add("data-loss words " + dataLoss);
    }
    String outage = Signals.quoted(Signals.OUTAGE, text);
    if (outage != null && !quietCategories.contains(category.name())) {
      hard++;
      reasons.add("outage words " + outage);
    }
    if (reporters >= policy.reportersToEscalate()) {
      hard++;
      reasons.add(reporters + " people reported it");
    }
    int soft = 0;
    if (!quietCategories.contains(category.name())) {
      String broadcast = Signals.quoted(Signals.BROADCAST, text);
      if (broadcast != null) {
        soft++;
        reasons.add("uses " + broadcast.replace("'", ""));
      }
      String deadline = Signals.quoted(Signals.DEADLINE, text);
      if (deadline != null) {
        soft++;
        reasons.add("deadline " + deadline);
      }
      if (policy.isVipChannel(message.channelName())) {
        soft++;
        reasons.add("client channel #" + message.channelName());
      }
      if (policy.isVipUser(message.userId(), message.userName())) {
        soft++;
        reasons.add("VIP sender " + message.userName());
      }
    }
    int softRaise = Math.min(soft, MAX_SOFT_RAISE);
    if (hard == 0 && category.defaultPriority().raisedBy(softRaise) == Priority.P1) {
      softRaise = 0; // P1 pages people: it takes hard evidence, not a deadline or a client name
    }
    Priority priority = category.defaultPriority().raisedBy(hard + softRaise);
    return new Assessment(priority, reasons);
  }

  /**
   * Whether text carries a hard signal (outage, security, data loss) before any model has seen it:
   * the live app uses this to triage such messages first.
   */
  public static boolean looksSevere(String text) {
    return !Signals.severe(text).isEmpty();
  }

  /**
   * What a thread reply says about its parent's urgency: only hard signals and {@code @here} count,
   * since replies are where people discuss ("is it down?") rather than report.
   */
  public List<String> escalationIn(Message reply) {
    List<String> reasons = Signals.severe(reply.text());
    String broadcast = Signals.quoted(Signals.BROADCAST, reply.text());
    if (broadcast != null) {
      reasons.add("uses " + broadcast.replace("'", ""));
    }
    return reasons;
  }
}

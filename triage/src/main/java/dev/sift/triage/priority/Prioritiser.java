package dev.sift.triage.priority;

import dev.sift.triage.message.Message;
import dev.sift.triage.taxonomy.Category;
import dev.sift.triage.verdict.Priority;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 *
 * <p>The text is read as chat ({@link ChatText}): words in quotes, code, pasted logs and
 * identifiers are not the author's report, and a word asked, denied or supposed ("is it down?", "no
 * outage", "if the db goes down") is no evidence. A message saying nothing is wrong now (an {@link
 * AllClear}, a monitoring notice, a postmortem) is never raised and never above P3. An urgent
 * category whose text has no word of trouble at all falls back to P3.
 */
public final class Prioritiser {
  private static final int MAX_SOFT_RAISE = 1;

  private final PriorityPolicy policy;
  private final Set<String> quietCategories;
  private final PriorityModel learned = new PriorityModel(true);

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

  /** What priority corrections taught; idle until enough corrections arrive. */
  public PriorityModel learned() {
    return learned;
  }

  /**
   * A priority and its reasons.
   *
   * @param allClear the all-clear the message is (a recovery or "back up"), or null; such a message
   *     is never raised, and the item it answers may be marked recovering
   */
  public record Assessment(Priority priority, List<String> reasons, AllClear allClear) {
    public Assessment {
      reasons = List.copyOf(reasons);
    }

    /** Whether the message says a problem is over. */
    public boolean isAllClear() {
      return allClear != null;
    }
  }

  /**
   * Assesses a message of the given category.
   *
   * @param reporters how many distinct people reported the same problem (1 for a lone message)
   */
  public Assessment assess(Category category, Message message, int reporters) {
    List<String> reasons = new ArrayList<>();
    reasons.add(category.name() + " (default " + category.defaultPriority() + ")");
    String text = message.text();
    Priority calm = quieted(text, reasons);
    if (calm != null) {
      AllClear clear = AllClear.in(text).orElse(null);
      return new Assessment(leastUrgent(category.defaultPriority(), calm), reasons, clear);
    }
    ChatText chat = ChatText.of(text);
    int hard = 0;
    String security = Signals.quoted(Signals.SECURITY, chat);
    if (security != null) {
      hard += 2;
      reasons.add("security words " + security);
    }
    String dataLoss = Signals.quoted(Signals.DATA_LOSS, chat);
    if (dataLoss != null) {
      hard++;
      reasons.add("data-loss words " + dataLoss);
    }
    String outage = Signals.outage(chat);
    if (outage != null && !quietCategories.contains(category.name())) {
      hard++;
      reasons.add("outage words " + outage);
    }
    if (reporters >= policy.reportersToEscalate()) {
      hard++;
      reasons.add(reporters + " people reported it");
    }
    Priority base = category.defaultPriority();
    if (hard == 0
        && base.moreUrgentThan(Priority.P3)
        && Signals.anywhere(Signals.TROUBLE, chat) == null) {
      // An urgent category with no word of trouble in the text is the model's guess, not a report.
      base = Priority.P3;
      reasons.add(
          "no words of trouble in the text, so P3 rather than "
              + category.name()
              + "'s "
              + category.defaultPriority());
    }
    int soft = 0;
    if (!quietCategories.contains(category.name())) {
      String broadcast = Signals.anywhere(Signals.BROADCAST, chat);
      if (broadcast != null) {
        soft++;
        reasons.add("uses " + broadcast.replace("'", ""));
      }
      String deadline = Signals.anywhere(Signals.DEADLINE, chat);
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
    if (hard == 0 && base.raisedBy(softRaise) == Priority.P1) {
      softRaise = 0; // P1 pages people: it takes hard evidence, not a deadline or a client name
    }
    Priority priority = base.raisedBy(hard + softRaise);
    if (reporters < 2 && policy.isHelpChannel(message.channelName())) {
      Priority cap = hard > 0 ? Priority.P2 : Priority.P3;
      if (priority.moreUrgentThan(cap)) {
        priority = cap;
        reasons.add("help channel #" + message.channelName() + ": one person's trouble, so " + cap);
      }
    }
    return new Assessment(priority, reasons, null);
  }

  /**
   * The ceiling for a message that says nothing is wrong now: an all-clear, a monitoring notice or
   * a look back at an incident that is over; null for any other message. Adds the reason.
   */
  private static Priority quieted(String text, List<String> reasons) {
    Optional<AllClear> clear = AllClear.in(text);
    if (clear.isPresent()) {
      reasons.add("all-clear '" + clear.get().words() + "', so never raised");
      return Priority.P3;
    }
    Optional<Alert> alert = Alert.in(text);
    if (alert.isPresent() && alert.get().state() == Alert.State.INFO) {
      reasons.add("monitoring notice '" + alert.get().marker() + "', so never raised");
      return Priority.P3;
    }
    ChatText chat = ChatText.of(text);
    String muted = alert.isPresent() ? Signals.anywhere(Signals.MUTED, chat) : null;
    if (muted != null && alert.get().state() != Alert.State.FIRING) {
      reasons.add("muted alert " + muted + ", so never raised");
      return Priority.P3;
    }
    String past = Signals.anywhere(Signals.RETROSPECTIVE, chat);
    if (past != null && alert.isEmpty()) {
      reasons.add("about an incident that is over " + past + ", so never raised");
      return Priority.P3;
    }
    return null;
  }

  /**
   * Whether a text says nothing is wrong now: an all-clear, a monitoring notice ({@code [Info]},
   * scheduled downtime) or a look back at an incident that is over. Such a message opens no problem
   * and counts as no one's report of one.
   */
  public static boolean isCalm(String text) {
    return quieted(text, new ArrayList<>()) != null;
  }

  private static Priority leastUrgent(Priority a, Priority b) {
    return a.moreUrgentThan(b) ? b : a;
  }

  /**
   * Whether text carries a hard signal (outage, security, data loss) before any model has seen it:
   * the live app uses this to triage such messages first.
   */
  public static boolean looksSevere(String text) {
    return AllClear.in(text).isEmpty() && !Signals.severe(ChatText.of(text)).isEmpty();
  }

  /**
   * What a thread reply says about its parent's urgency: only hard signals stated as fact and
   * {@code @here} count, since replies are where people discuss ("is it down?") rather than report,
   * and an all-clear reply never escalates.
   */
  public List<String> escalationIn(Message reply) {
    if (AllClear.in(reply.text()).isPresent()) {
      return new ArrayList<>();
    }
    ChatText chat = ChatText.of(reply.text());
    List<String> reasons = Signals.severe(chat);
    String broadcast = Signals.anywhere(Signals.BROADCAST, chat);
    if (broadcast != null) {
      reasons.add("uses " + broadcast.replace("'", ""));
    }
    return reasons;
  }
}

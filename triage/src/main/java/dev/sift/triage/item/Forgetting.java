package dev.sift.triage.item;

import dev.sift.triage.message.MessageKey;
import dev.sift.triage.verdict.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an item keeps once one of its reports or replies is deleted (by its author, a channel's
 * deletion, retention or a purge): the deleted message's id goes, its author leaves the reporters
 * unless another of their reports remains, and every reason that names them goes with it (a reason
 * such as "reply by @ana: outage, since 9am" quotes the deleted text). The priority the
 * contribution raised stays: it is a judgement, not the person's words.
 */
public final class Forgetting {
  private static final Pattern COUNTED = Pattern.compile("\\d+ people reported it");

  private Forgetting() {}

  /**
   * The item without {@code gone}'s contribution; the item unchanged when {@code gone} was not part
   * of it.
   *
   * @param history where the item's remaining reports are looked up
   */
  public static TriagedMessage without(
      TriagedMessage item, TriagedMessage gone, TriageHistory history) {
    String goneId = gone.key().id();
    if (!item.reportIds().contains(goneId) && !item.replyIds().contains(goneId)) {
      return item;
    }
    List<String> reportIds = new ArrayList<>(item.reportIds());
    reportIds.remove(goneId);
    List<String> replyIds = new ArrayList<>(item.replyIds());
    replyIds.remove(goneId);
    String who = TriagedMessage.reporterName(gone.message());
    boolean stillReports = who.equals(TriagedMessage.reporterName(item.message()));
    for (String id : reportIds) {
      Optional<TriagedMessage> report = history.find(MessageKey.parse(id));
      if (report.isPresent() && who.equals(TriagedMessage.reporterName(report.get().message()))) {
        stillReports = true;
      }
    }
    List<String> reporters = new ArrayList<>(item.reporters());
    if (!stillReports) {
      reporters.remove(who);
    }
    Verdict v = item.verdict();
    List<String> reasons = new ArrayList<>();
    boolean counted = false;
    for (String reason : v.reasons()) {
      if (reason.contains("@" + who)) {
        continue;
      }
      if (COUNTED.matcher(reason).matches()) {
        counted = true;
        continue;
      }
      reasons.add(reason);
    }
    if (counted && reporters.size() > 1) {
      reasons.add(reporters.size() + " people reported it");
    }
    Verdict kept =
        new Verdict(
            v.category(),
            v.priority(),
            v.confidence(),
            v.margin(),
            reasons,
            v.decidedBy(),
            v.summary());
    return new TriagedMessage(
        item.message(),
        kept,
        item.vector(),
        item.role(),
        item.itemKey(),
        item.status(),
        reporters,
        reportIds,
        replyIds,
        item.task());
  }
}

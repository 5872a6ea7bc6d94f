package dev.sift.triage.item;

import dev.sift.triage.message.Message;
import dev.sift.triage.message.MessageKey;
import dev.sift.triage.verdict.Status;
import dev.sift.triage.verdict.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * A message with its verdict and its place in the queue: what the index stores and search and
 * digests read. For an {@link Role#ITEM} the item's state (status, reporters, replies, other
 * reports) lives here too; for a reply or report {@code itemKey} points at the item.
 *
 * @param vector the message's embedding, or null for trivial messages that were never embedded
 * @param reporters names of the distinct people who reported the item (items only)
 * @param reportIds ids of the other messages that reported the same problem (items only)
 * @param replyIds ids of the thread's replies (items only)
 * @param task the item's owner and task card (items only)
 */
public record TriagedMessage(
    Message message,
    Verdict verdict,
    float[] vector,
    Role role,
    MessageKey itemKey,
    Status status,
    List<String> reporters,
    List<String> reportIds,
    List<String> replyIds,
    Task task) {

  public TriagedMessage {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(itemKey, "itemKey");
    Objects.requireNonNull(status, "status");
    reporters = List.copyOf(new LinkedHashSet<>(reporters));
    reportIds = List.copyOf(new LinkedHashSet<>(reportIds));
    replyIds = List.copyOf(new LinkedHashSet<>(replyIds));
    task = task == null ? Task.NONE : task;
  }

  /** A new item opened by {@code message}. */
  public static TriagedMessage newItem(Message message, Verdict verdict, float[] vector) {
    return new TriagedMessage(
        message,
        verdict,
        vector,
        Role.ITEM,
        message.key(),
        Status.OPEN,
        List.of(reporterName(message)),
        List.of(),
        List.of(),
        Task.NONE);
  }

  /** A message that belongs to another item, as a reply or another report. */
  public static TriagedMessage partOf(
      Message message, Verdict verdict, float[] vector, Role role, MessageKey item) {
    return new TriagedMessage(
        message,
        verdict,
        vector,
        role,
        item,
        Status.OPEN,
        List.of(),
        List.of(),
        List.of(),
        Task.NONE);
  }

  public MessageKey key() {
    return message.key();
  }

  /** How many distinct people reported this item. */
  public int reporterCount() {
    return Math.max(1, reporters.size());
  }

  public TriagedMessage withVerdict(Verdict newVerdict) {
    return new TriagedMessage(
        message, newVerdict, vector, role, itemKey, status, reporters, reportIds, replyIds, task);
  }

  public TriagedMessage withStatus(Status newStatus) {
    return new TriagedMessage(
        message, verdict, vector, role, itemKey, newStatus, reporters, reportIds, replyIds, task);
  }

  /** The item with one more report from {@code report}'s author. */
  public TriagedMessage withReport(Message report) {
    List<String> who = new ArrayList<>(reporters);
    who.add(reporterName(report));
    List<String> ids = new ArrayList<>(reportIds);
    ids.add(report.key().id());
    return new TriagedMessage(
        message, verdict, vector, role, itemKey, status, who, ids, replyIds, task);
  }

  /** The item with one more reply. */
  public TriagedMessage withReply(Message reply) {
    List<String> ids = new ArrayList<>(replyIds);
    ids.add(reply.key().id());
    return new TriagedMessage(
        message, verdict, vector, role, itemKey, status, reporters, reportIds, ids, task);
  }

  public TriagedMessage withTask(Task newTask) {
    return new TriagedMessage(
        message, verdict, vector, role, itemKey, status, reporters, reportIds, replyIds, newTask);
  }

  /** The same item state around an edited message (its new text, files and links). */
  public TriagedMessage withMessage(Message edited) {
    return new TriagedMessage(
        edited, verdict, vector, role, itemKey, status, reporters, reportIds, replyIds, task);
  }

  /** The item state of {@code earlier} carried onto this fresh verdict (a re-triage or replay). */
  public TriagedMessage carryingStateOf(TriagedMessage earlier) {
    List<String> who = new ArrayList<>(earlier.reporters);
    if (earlier.role == Role.ITEM) {
      who.addAll(reporters);
    }
    return new TriagedMessage(
        message,
        verdict,
        vector,
        earlier.role,
        earlier.itemKey,
        earlier.status,
        who,
        earlier.reportIds,
        earlier.replyIds,
        earlier.task);
  }

  /** The name an item lists a message's author by among its reporters. */
  public static String reporterName(Message m) {
    return m.userName() != null ? m.userName() : m.userId() != null ? m.userId() : "unknown";
  }
}

package dev.sift.triage.item;

import java.time.Instant;

/**
 * Who works on an item and where its task card lives, so that a restart finds the card again and
 * updates it in place instead of posting a second one.
 *
 * @param assigneeId the Slack user id of the owner, or null while nobody owns it
 * @param cardChannel the channel of the task card, or null when no card was posted
 * @param cardTs the task card's message timestamp, or null
 * @param slaBreachedAt when the item first missed its SLA (acknowledge or resolve), or null
 * @param times when the SLA timers started, acknowledgement and resolution, reminders sent
 * @param issue the item's issue in another tracker (Jira), or null when none was created
 */
public record Task(
    String assigneeId,
    String cardChannel,
    String cardTs,
    Instant slaBreachedAt,
    TaskTimes times,
    LinkedIssue issue) {
  /** No owner and no card: most items never need one. */
  public static final Task NONE = new Task(null, null, null, null);

  public Task {
    times = times == null ? TaskTimes.NONE : times;
  }

  public Task(
      String assigneeId,
      String cardChannel,
      String cardTs,
      Instant slaBreachedAt,
      TaskTimes times) {
    this(assigneeId, cardChannel, cardTs, slaBreachedAt, times, null);
  }

  public Task(String assigneeId, String cardChannel, String cardTs) {
    this(assigneeId, cardChannel, cardTs, null);
  }

  public Task(String assigneeId, String cardChannel, String cardTs, Instant slaBreachedAt) {
    this(assigneeId, cardChannel, cardTs, slaBreachedAt, TaskTimes.NONE);
  }

  public boolean hasCard() {
    return cardChannel != null && cardTs != null;
  }

  public Task withAssignee(String userId) {
    return new Task(userId, cardChannel, cardTs, slaBreachedAt, times, issue);
  }

  public Task withCard(String channel, String ts) {
    return new Task(assigneeId, channel, ts, slaBreachedAt, times, issue);
  }

  /** The first breach is kept: a digest reports when the item went over, not the last reminder. */
  public Task withSlaBreachedAt(Instant at) {
    return new Task(
        assigneeId, cardChannel, cardTs, slaBreachedAt != null ? slaBreachedAt : at, times, issue);
  }

  public Task withTimes(TaskTimes newTimes) {
    return new Task(assigneeId, cardChannel, cardTs, slaBreachedAt, newTimes, issue);
  }

  public Task withIssue(LinkedIssue newIssue) {
    return new Task(assigneeId, cardChannel, cardTs, slaBreachedAt, times, newIssue);
  }
}

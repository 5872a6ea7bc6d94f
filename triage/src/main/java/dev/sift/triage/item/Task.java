package dev.sift.triage.item;

/**
 * Who works on an item and where its task card lives, so that a restart finds the card again and
 * updates it in place instead of posting a second one.
 *
 * @param assigneeId the Slack user id of the owner, or null while nobody owns it
 * @param cardChannel the channel of the task card, or null when no card was posted
 * @param cardTs the task card's message timestamp, or null
 */
public record Task(String assigneeId, String cardChannel, String cardTs) {
  /** No owner and no card: most items never need one. */
  public static final Task NONE = new Task(null, null, null);

  public boolean hasCard() {
    return cardChannel != null && cardTs != null;
  }

  public Task withAssignee(String userId) {
    return new Task(userId, cardChannel, cardTs);
  }

  public Task withCard(String channel, String ts) {
    return new Task(assigneeId, channel, ts);
  }
}

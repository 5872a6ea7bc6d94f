package dev.sift.triage.route;

/**
 * Where an item's task card goes and who owns it.
 *
 * @param rule the rule that chose this route
 * @param destination the channel (id or name) for the card, or null for a threaded reply under the
 *     source message
 * @param assigneeId the user assigned, or null when the rule names nobody
 */
public record Route(String rule, String destination, String assigneeId) {

  /** True when the card goes into the source message's thread. */
  public boolean inSourceThread() {
    return destination == null;
  }
}

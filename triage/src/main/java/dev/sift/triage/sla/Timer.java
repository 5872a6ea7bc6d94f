package dev.sift.triage.sla;

import dev.sift.triage.verdict.Status;

/** The two clocks a task card runs against: until someone acknowledges it, until it is resolved. */
public enum Timer {
  ACKNOWLEDGE("acknowledged"),
  RESOLVE("resolved");

  private final String pastTense;

  Timer(String pastTense) {
    this.pastTense = pastTense;
  }

  /** "acknowledged" or "resolved", for reminders. */
  public String pastTense() {
    return pastTense;
  }

  /** True while an item in this status still runs against this timer. */
  public boolean runsWhile(Status status) {
    return this == ACKNOWLEDGE ? status == Status.OPEN : status != Status.RESOLVED;
  }
}

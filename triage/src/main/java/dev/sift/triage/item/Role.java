package dev.sift.triage.item;

/** What a message is to the queue of work. */
public enum Role {
  /** The message that opened an item: it carries the item's status, reporters and replies. */
  ITEM,
  /** A reply in an item's thread: it updates its parent item rather than opening one. */
  REPLY,
  /** Another report of a problem already open: it joins that item as one more reporter. */
  REPORT
}

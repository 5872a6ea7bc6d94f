package dev.sift.index;

import java.time.Instant;
import java.util.List;

/**
 * Small records every Sift process sharing a store reads and writes: a correction someone made
 * (each replica learns it), a replica's own checkpoints (the others catch up from them when it
 * dies). A note is a body under a kind and an id; writing the same kind and id again replaces it.
 * {@code MessageStoreContract} holds every store to this.
 */
public interface SharedNotes {

  /**
   * One note.
   *
   * @param kind what it is ({@code correction}, {@code marks})
   * @param id which one of its kind
   * @param body its content, as the writer encoded it
   * @param at when it was written, by the writer's clock
   */
  record Note(String kind, String id, String body, Instant at) {}

  /** Writes a note, replacing the one of the same kind and id. */
  void put(Note note);

  /**
   * The notes of {@code kind} written at or after {@code since}, oldest first. A note is listed
   * within a second or two of being written: readers poll, and a reader that remembers where it was
   * reads from a little earlier (clocks differ) and skips what it has.
   */
  List<Note> since(String kind, Instant since);

  /** Removes a note; a no-op when there is none. */
  void remove(String kind, String id);
}

package dev.sift.index;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Notes held in memory, for the embedded index: one process is all that reads them, and what needs
 * to survive a restart (corrections) keeps its own file in the data folder.
 */
final class LocalNotes implements SharedNotes {
  private final Map<String, Note> notes = new LinkedHashMap<>();

  @Override
  public synchronized void put(Note note) {
    notes.put(note.kind() + "/" + note.id(), note);
  }

  @Override
  public synchronized List<Note> since(String kind, Instant since) {
    return notes.values().stream()
        .filter(n -> n.kind().equals(kind) && !n.at().isBefore(since))
        .sorted(Comparator.comparing(Note::at))
        .toList();
  }

  @Override
  public synchronized void remove(String kind, String id) {
    notes.remove(kind + "/" + id);
  }
}

package dev.sift.index.solr;

import dev.sift.index.SharedNotes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.common.SolrInputDocument;

/**
 * Notes kept as documents of the messages collection ({@code kind:note}, id {@code
 * note/<kind>/<id>}), written with a commit within a second so every process polling sees them
 * soon, whoever commits next.
 */
final class SolrNotes implements SharedNotes {
  private static final String PREFIX = "note/";
  private static final String NOTE_KIND = "note_kind";
  private static final String BODY = "note_body";
  private static final String AT = "note_at";
  private static final int VISIBLE_WITHIN_MILLIS = 1000;

  private final SolrMessageStore store;

  SolrNotes(SolrMessageStore store) {
    this.store = store;
  }

  @Override
  public void put(Note note) {
    SolrInputDocument d = new SolrInputDocument();
    d.addField(SolrDocuments.ID, PREFIX + note.kind() + "/" + note.id());
    d.addField(SolrDocuments.KIND, SolrDocuments.NOTE);
    d.addField(NOTE_KIND, note.kind());
    d.addField(BODY, note.body());
    d.addField(AT, note.at().toEpochMilli());
    store.addSoon(d, VISIBLE_WITHIN_MILLIS);
  }

  @Override
  public List<Note> since(String kind, Instant since) {
    List<Note> out = new ArrayList<>();
    int idFrom = PREFIX.length() + kind.length() + 1;
    store.forEachDocument(
        new SolrQuery("{!term f=" + NOTE_KIND + "}" + kind)
            .addFilterQuery("{!term f=" + SolrDocuments.KIND + "}" + SolrDocuments.NOTE)
            .addFilterQuery(AT + ":[" + since.toEpochMilli() + " TO *]")
            .setFields(SolrDocuments.ID, BODY, AT),
        d ->
            out.add(
                new Note(
                    kind,
                    ((String) d.getFirstValue(SolrDocuments.ID)).substring(idFrom),
                    (String) d.getFirstValue(BODY),
                    Instant.ofEpochMilli(((Number) d.getFirstValue(AT)).longValue()))));
    out.sort(Comparator.comparing(Note::at));
    return out;
  }

  @Override
  public void remove(String kind, String id) {
    store.deleteSoon(PREFIX + kind + "/" + id, VISIBLE_WITHIN_MILLIS);
  }
}

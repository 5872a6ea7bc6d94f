package dev.sift.index;

import dev.sift.triage.item.LinkedIssue;
import dev.sift.triage.item.Role;
import dev.sift.triage.item.Task;
import dev.sift.triage.item.TaskTimes;
import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.message.Message;
import dev.sift.triage.message.MessageKey;
import dev.sift.triage.message.SlackTs;
import dev.sift.triage.sla.Progress;
import dev.sift.triage.verdict.Priority;
import dev.sift.triage.verdict.Status;
import dev.sift.triage.verdict.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;

/** Maps a triaged message to a Lucene document and back. */
final class Documents {
  private Documents() {}

  static Document toDocument(TriagedMessage t) {
    Message m = t.message();
    Verdict v = t.verdict();
    Document d = new Document();
    d.add(new StringField(Fields.ID, m.key().id(), Field.Store.YES));
    d.add(new StringField(Fields.TEAM, m.team(), Field.Store.YES));
    d.add(new StringField(Fields.CHANNEL_ID, m.channelId(), Field.Store.YES));
    d.add(
        new StringField(Fields.CHANNEL, m.channelName().toLowerCase(Locale.ROOT), Field.Store.NO));
    d.add(new StoredField(Fields.CHANNEL, m.channelName()));
    d.add(new StoredField(Fields.TS, m.ts()));
    long micros = SlackTs.micros(m.ts());
    d.add(new LongPoint(Fields.TS_MICROS, micros));
    d.add(new NumericDocValuesField(Fields.TS_MICROS, micros));
    storeIfPresent(d, Fields.THREAD_TS, m.threadTs());
    storeIfPresent(d, Fields.USER_ID, m.userId());
    storeIfPresent(d, Fields.USER, m.userName());
    for (String key : new String[] {m.userId(), m.userName()}) {
      if (key != null) {
        d.add(new StringField(Fields.USER_KEY, key.toLowerCase(Locale.ROOT), Field.Store.NO));
      }
    }
    d.add(new TextField(Fields.TEXT, m.text(), Field.Store.YES));
    storeIfPresent(d, Fields.SUBTYPE, m.subtype());
    d.add(new StoredField(Fields.EDITED, m.edited() ? 1 : 0));
    storeIfPresent(d, Fields.EDITED_TS, m.editedTs());
    d.add(new StoredField(Fields.BOT, m.bot() ? 1 : 0));
    m.links().forEach(l -> d.add(new StoredField(Fields.LINK, l)));
    m.files().forEach(f -> d.add(new StoredField(Fields.FILE, f)));
    if (!m.links().isEmpty()) {
      d.add(new StringField(Fields.HAS, "link", Field.Store.NO));
    }
    if (!m.files().isEmpty()) {
      d.add(new StringField(Fields.HAS, "file", Field.Store.NO));
    }
    if (m.threadTs() != null || !t.replyIds().isEmpty()) {
      d.add(new StringField(Fields.IS, "thread", Field.Store.NO));
    }
    if (m.bot()) {
      d.add(new StringField(Fields.IS, "bot", Field.Store.NO));
    }
    d.add(new StringField(Fields.ROLE, t.role().name(), Field.Store.YES));
    d.add(new StringField(Fields.ITEM, t.itemKey().id(), Field.Store.YES));
    d.add(new StringField(Fields.CATEGORY, v.category(), Field.Store.YES));
    d.add(
        new StringField(
            Fields.CATEGORY_KEY, v.category().toLowerCase(Locale.ROOT), Field.Store.NO));
    d.add(new StringField(Fields.PRIORITY, v.priority().name(), Field.Store.YES));
    d.add(new StringField(Fields.STATUS, t.status().name(), Field.Store.YES));
    // Doc values let digests count by category and priority without loading stored fields.
    d.add(new SortedDocValuesField(Fields.CATEGORY, new BytesRef(v.category())));
    d.add(new SortedDocValuesField(Fields.PRIORITY, new BytesRef(v.priority().name())));
    d.add(new StoredField(Fields.CONFIDENCE, v.confidence()));
    d.add(new StoredField(Fields.MARGIN, v.margin()));
    v.reasons().forEach(r -> d.add(new StoredField(Fields.REASON, r)));
    d.add(new StringField(Fields.DECIDED_BY, v.decidedBy(), Field.Store.YES));
    storeIfPresent(d, Fields.SUMMARY, v.summary());
    t.reporters().forEach(r -> d.add(new StoredField(Fields.REPORTER, r)));
    t.reportIds().forEach(r -> d.add(new StoredField(Fields.REPORT_ID, r)));
    t.replyIds().forEach(r -> d.add(new StoredField(Fields.REPLY_ID, r)));
    d.add(new NumericDocValuesField(Fields.REPLY_COUNT, t.replyIds().size()));
    if (t.task().assigneeId() != null) {
      d.add(new StringField(Fields.ASSIGNEE, t.task().assigneeId(), Field.Store.YES));
    }
    if (t.task().hasCard()) {
      d.add(new StringField(Fields.HAS, "card", Field.Store.NO));
    }
    storeIfPresent(d, Fields.CARD_CHANNEL, t.task().cardChannel());
    storeIfPresent(d, Fields.CARD_TS, t.task().cardTs());
    if (t.task().slaBreachedAt() != null) {
      long breached = t.task().slaBreachedAt().toEpochMilli();
      d.add(new StringField(Fields.HAS, "sla_breach", Field.Store.NO));
      d.add(new LongPoint(Fields.SLA_BREACHED_AT, breached));
      d.add(new StoredField(Fields.SLA_BREACHED_AT, breached));
    }
    storeTimes(d, t.task().times());
    storeIssue(d, t.task().issue());
    if (t.vector() != null) {
      d.add(
          new KnnFloatVectorField(Fields.VECTOR, t.vector(), VectorSimilarityFunction.DOT_PRODUCT));
    }
    return d;
  }

  static TriagedMessage fromDocument(Document d, float[] vector) {
    MessageKey key = MessageKey.parse(d.get(Fields.ID));
    Message m =
        new Message(
            key.team(),
            key.channelId(),
            d.get(Fields.CHANNEL),
            key.ts(),
            d.get(Fields.THREAD_TS),
            d.get(Fields.USER_ID),
            d.get(Fields.USER),
            d.get(Fields.TEXT),
            d.get(Fields.SUBTYPE),
            intOf(d, Fields.EDITED) == 1,
            d.get(Fields.EDITED_TS),
            intOf(d, Fields.BOT) == 1,
            List.of(d.getValues(Fields.LINK)),
            List.of(d.getValues(Fields.FILE)));
    Verdict v =
        new Verdict(
            d.get(Fields.CATEGORY),
            Priority.valueOf(d.get(Fields.PRIORITY)),
            doubleOf(d, Fields.CONFIDENCE),
            doubleOf(d, Fields.MARGIN),
            List.of(d.getValues(Fields.REASON)),
            d.get(Fields.DECIDED_BY),
            d.get(Fields.SUMMARY));
    return new TriagedMessage(
        m,
        v,
        vector,
        Role.valueOf(d.get(Fields.ROLE)),
        MessageKey.parse(d.get(Fields.ITEM)),
        Status.valueOf(d.get(Fields.STATUS)),
        List.of(d.getValues(Fields.REPORTER)),
        List.of(d.getValues(Fields.REPORT_ID)),
        new ArrayList<>(List.of(d.getValues(Fields.REPLY_ID))),
        new Task(
            d.get(Fields.ASSIGNEE),
            d.get(Fields.CARD_CHANNEL),
            d.get(Fields.CARD_TS),
            instantOf(d, Fields.SLA_BREACHED_AT),
            loadTimes(d),
            loadIssue(d)));
  }

  /** Timer state is only stored, never searched: the SLA routine reads it from open cards. */
  private static void storeTimes(Document d, TaskTimes times) {
    storeInstant(d, Fields.TASK_STARTED_AT, times.startedAt());
    storeInstant(d, Fields.TASK_ACKED_AT, times.acknowledgedAt());
    storeInstant(d, Fields.TASK_RESOLVED_AT, times.resolvedAt());
    if (times.resolvedAt() != null) {
      // Searchable too: a digest lists what was resolved in its window.
      d.add(new LongPoint(Fields.TASK_RESOLVED_AT, times.resolvedAt().toEpochMilli()));
    }
    if (times.acknowledge().steps() > 0) {
      d.add(new StoredField(Fields.SLA_ACK_STEPS, times.acknowledge().steps()));
      storeInstant(d, Fields.SLA_ACK_LAST, times.acknowledge().lastAt());
    }
    if (times.resolve().steps() > 0) {
      d.add(new StoredField(Fields.SLA_RESOLVE_STEPS, times.resolve().steps()));
      storeInstant(d, Fields.SLA_RESOLVE_LAST, times.resolve().lastAt());
    }
  }

  private static TaskTimes loadTimes(Document d) {
    return new TaskTimes(
        instantOf(d, Fields.TASK_STARTED_AT),
        instantOf(d, Fields.TASK_ACKED_AT),
        instantOf(d, Fields.TASK_RESOLVED_AT),
        new Progress(intOf(d, Fields.SLA_ACK_STEPS), instantOf(d, Fields.SLA_ACK_LAST)),
        new Progress(intOf(d, Fields.SLA_RESOLVE_STEPS), instantOf(d, Fields.SLA_RESOLVE_LAST)));
  }

  private static void storeIssue(Document d, LinkedIssue issue) {
    if (issue != null) {
      d.add(new StoredField(Fields.ISSUE_TRACKER, issue.tracker()));
      d.add(new StoredField(Fields.ISSUE_KEY, issue.key()));
      d.add(new StoredField(Fields.ISSUE_URL, issue.url()));
      storeIfPresent(d, Fields.ISSUE_NOTE, issue.note());
    }
  }

  /** Null for documents written before issues were linked, or for items without one. */
  private static LinkedIssue loadIssue(Document d) {
    String key = d.get(Fields.ISSUE_KEY);
    return key == null
        ? null
        : new LinkedIssue(
            d.get(Fields.ISSUE_TRACKER), key, d.get(Fields.ISSUE_URL), d.get(Fields.ISSUE_NOTE));
  }

  private static void storeInstant(Document d, String field, Instant at) {
    if (at != null) {
      d.add(new StoredField(field, at.toEpochMilli()));
    }
  }

  private static Instant instantOf(Document d, String field) {
    IndexableField f = d.getField(field);
    return f == null ? null : Instant.ofEpochMilli(f.numericValue().longValue());
  }

  private static void storeIfPresent(Document d, String field, String value) {
    if (value != null) {
      d.add(new StoredField(field, value));
    }
  }

  private static int intOf(Document d, String field) {
    IndexableField f = d.getField(field);
    return f == null ? 0 : f.numericValue().intValue();
  }

  private static double doubleOf(Document d, String field) {
    IndexableField f = d.getField(field);
    return f == null ? 0 : f.numericValue().doubleValue();
  }
}

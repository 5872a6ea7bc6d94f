package dev.sift.index.solr;

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
import java.util.Collection;
import java.util.List;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;

/**
 * Maps a triaged message to a Solr document and back, field for field as {@code
 * dev.sift.index.Documents} does for Lucene (same names, instants as epoch milliseconds), so the
 * two stores lose and keep the same things. Fields the schema derives itself (the lower-cased keys,
 * via copyField) are not written here.
 */
final class SolrDocuments {
  static final String ID = "id";
  static final String KIND = "kind";
  static final String MESSAGE = "message";
  static final String CHECKPOINT = "checkpoint";
  static final String CLAIM = "claim";
  static final String NOTE = "note";
  static final String TEAM = "team";
  static final String CHANNEL_ID = "channel_id";
  static final String TS = "ts";
  static final String TS_MICROS = "ts_micros";
  static final String THREAD_TS = "thread_ts";
  static final String CHANNEL = "channel";
  static final String USER_ID = "user_id";
  static final String USER_KEY = "user_key";
  static final String CATEGORY = "category";
  static final String PRIORITY = "priority";
  static final String HAS = "has";
  static final String ASSIGNEE = "assignee";
  static final String DECIDED_BY = "decided_by";
  static final String REPLY_COUNT = "reply_count";
  static final String SLA_BREACHED_AT = "sla_breached_at";
  static final String TASK_RESOLVED_AT = "task_resolved_at";
  static final String ROLE = "role";
  static final String STATUS = "status";
  static final String VECTOR = "vector";

  private SolrDocuments() {}

  static SolrInputDocument toSolr(TriagedMessage t) {
    Message m = t.message();
    Verdict v = t.verdict();
    Task task = t.task();
    SolrInputDocument d = new SolrInputDocument();
    d.addField(ID, m.key().id());
    d.addField(KIND, MESSAGE);
    d.addField(TEAM, m.team());
    d.addField(CHANNEL_ID, m.channelId());
    d.addField("channel", m.channelName());
    d.addField(TS, m.ts());
    d.addField(TS_MICROS, SlackTs.micros(m.ts()));
    addIfPresent(d, THREAD_TS, m.threadTs());
    addIfPresent(d, "user_id", m.userId());
    addIfPresent(d, "user", m.userName());
    d.addField("text", m.text());
    addIfPresent(d, "subtype", m.subtype());
    d.addField("edited", m.edited());
    addIfPresent(d, "edited_ts", m.editedTs());
    d.addField("bot", m.bot());
    addAll(d, "link", m.links());
    addAll(d, "file", m.files());
    if (!m.links().isEmpty()) {
      d.addField("has", "link");
    }
    if (!m.files().isEmpty()) {
      d.addField("has", "file");
    }
    if (m.threadTs() != null || !t.replyIds().isEmpty()) {
      d.addField("is", "thread");
    }
    if (m.bot()) {
      d.addField("is", "bot");
    }
    d.addField(ROLE, t.role().name());
    d.addField("item", t.itemKey().id());
    d.addField("category", v.category());
    d.addField("priority", v.priority().name());
    d.addField(STATUS, t.status().name());
    d.addField("confidence", v.confidence());
    d.addField("margin", v.margin());
    addAll(d, "reason", v.reasons());
    d.addField("decided_by", v.decidedBy());
    addIfPresent(d, "summary", v.summary());
    addAll(d, "reporter", t.reporters());
    addAll(d, "report_id", t.reportIds());
    addAll(d, "reply_id", t.replyIds());
    d.addField("reply_count", t.replyIds().size());
    addIfPresent(d, "assignee", task.assigneeId());
    if (task.hasCard()) {
      d.addField("has", "card");
    }
    addIfPresent(d, "card_channel", task.cardChannel());
    addIfPresent(d, "card_ts", task.cardTs());
    if (task.slaBreachedAt() != null) {
      d.addField("has", "sla_breach");
      addInstant(d, "sla_breached_at", task.slaBreachedAt());
    }
    addTimes(d, task.times());
    LinkedIssue issue = task.issue();
    if (issue != null) {
      d.addField("issue_tracker", issue.tracker());
      d.addField("issue_key", issue.key());
      d.addField("issue_url", issue.url());
      addIfPresent(d, "issue_note", issue.note());
    }
    if (t.vector() != null) {
      List<Float> vector = new ArrayList<>(t.vector().length);
      for (float x : t.vector()) {
        vector.add(x);
      }
      d.addField(VECTOR, vector);
    }
    return d;
  }

  static TriagedMessage fromSolr(SolrDocument d) {
    MessageKey key = MessageKey.parse(string(d, ID));
    Message m =
        new Message(
            key.team(),
            key.channelId(),
            string(d, "channel"),
            key.ts(),
            string(d, THREAD_TS),
            string(d, "user_id"),
            string(d, "user"),
            string(d, "text"),
            string(d, "subtype"),
            Boolean.TRUE.equals(d.getFirstValue("edited")),
            string(d, "edited_ts"),
            Boolean.TRUE.equals(d.getFirstValue("bot")),
            strings(d, "link"),
            strings(d, "file"));
    Verdict v =
        new Verdict(
            string(d, "category"),
            Priority.valueOf(string(d, "priority")),
            number(d, "confidence").doubleValue(),
            number(d, "margin").doubleValue(),
            strings(d, "reason"),
            string(d, "decided_by"),
            string(d, "summary"));
    String issueKey = string(d, "issue_key");
    LinkedIssue issue =
        issueKey == null
            ? null
            : new LinkedIssue(
                string(d, "issue_tracker"),
                issueKey,
                string(d, "issue_url"),
                string(d, "issue_note"));
    return new TriagedMessage(
        m,
        v,
        vector(d),
        Role.valueOf(string(d, ROLE)),
        MessageKey.parse(string(d, "item")),
        Status.valueOf(string(d, STATUS)),
        strings(d, "reporter"),
        strings(d, "report_id"),
        new ArrayList<>(strings(d, "reply_id")),
        new Task(
            string(d, "assignee"),
            string(d, "card_channel"),
            string(d, "card_ts"),
            instant(d, "sla_breached_at"),
            loadTimes(d),
            issue));
  }

  private static void addTimes(SolrInputDocument d, TaskTimes times) {
    addInstant(d, "task_started_at", times.startedAt());
    addInstant(d, "task_acked_at", times.acknowledgedAt());
    addInstant(d, "task_resolved_at", times.resolvedAt());
    if (times.acknowledge().steps() > 0) {
      d.addField("sla_ack_steps", times.acknowledge().steps());
      addInstant(d, "sla_ack_last", times.acknowledge().lastAt());
    }
    if (times.resolve().steps() > 0) {
      d.addField("sla_resolve_steps", times.resolve().steps());
      addInstant(d, "sla_resolve_last", times.resolve().lastAt());
    }
  }

  private static TaskTimes loadTimes(SolrDocument d) {
    return new TaskTimes(
        instant(d, "task_started_at"),
        instant(d, "task_acked_at"),
        instant(d, "task_resolved_at"),
        new Progress(steps(d, "sla_ack_steps"), instant(d, "sla_ack_last")),
        new Progress(steps(d, "sla_resolve_steps"), instant(d, "sla_resolve_last")));
  }

  private static float[] vector(SolrDocument d) {
    Collection<Object> values = d.getFieldValues(VECTOR);
    if (values == null) {
      return null;
    }
    float[] vector = new float[values.size()];
    int i = 0;
    for (Object x : values) {
      vector[i++] = ((Number) x).floatValue();
    }
    return vector;
  }

  private static void addIfPresent(SolrInputDocument d, String field, Object value) {
    if (value != null) {
      d.addField(field, value);
    }
  }

  /** One value per element, so an empty list leaves no field (as in Lucene). */
  private static void addAll(SolrInputDocument d, String field, List<String> values) {
    values.forEach(x -> d.addField(field, x));
  }

  private static void addInstant(SolrInputDocument d, String field, Instant at) {
    if (at != null) {
      d.addField(field, at.toEpochMilli());
    }
  }

  private static String string(SolrDocument d, String field) {
    Object x = d.getFirstValue(field);
    return x == null ? null : x.toString();
  }

  private static List<String> strings(SolrDocument d, String field) {
    Collection<Object> values = d.getFieldValues(field);
    return values == null ? List.of() : values.stream().map(Object::toString).toList();
  }

  private static Number number(SolrDocument d, String field) {
    Object x = d.getFirstValue(field);
    return x == null ? 0 : (Number) x;
  }

  private static int steps(SolrDocument d, String field) {
    return number(d, field).intValue();
  }

  private static Instant instant(SolrDocument d, String field) {
    Object x = d.getFirstValue(field);
    return x == null ? null : Instant.ofEpochMilli(((Number) x).longValue());
  }
}

package dev.sift.index;

/** Names of the fields of a message document. */
final class Fields {
  static final String ID = "id";
  static final String TEAM = "team";
  static final String CHANNEL_ID = "channel_id";
  static final String CHANNEL = "channel";
  static final String TS = "ts";
  static final String TS_MICROS = "ts_micros";
  static final String THREAD_TS = "thread_ts";
  static final String USER_ID = "user_id";
  static final String USER = "user";
  static final String USER_KEY = "user_key";
  static final String TEXT = "text";
  static final String SUBTYPE = "subtype";
  static final String EDITED = "edited";
  static final String EDITED_TS = "edited_ts";
  static final String BOT = "bot";
  static final String LINK = "link";
  static final String FILE = "file";
  static final String HAS = "has";
  static final String IS = "is";
  static final String ROLE = "role";
  static final String ITEM = "item";
  static final String CATEGORY = "category";
  static final String CATEGORY_KEY = "category_key";
  static final String PRIORITY = "priority";
  static final String STATUS = "status";
  static final String CONFIDENCE = "confidence";
  static final String MARGIN = "margin";
  static final String REASON = "reason";
  static final String DECIDED_BY = "decided_by";
  static final String REPORTER = "reporter";
  static final String REPORT_ID = "report_id";
  static final String REPLY_ID = "reply_id";
  static final String REPLY_COUNT = "reply_count";
  static final String VECTOR = "vector";
  static final String ASSIGNEE = "assignee";
  static final String SUMMARY = "summary";
  static final String CARD_CHANNEL = "card_channel";
  static final String CARD_TS = "card_ts";
  static final String SLA_BREACHED_AT = "sla_breached_at";
  static final String TASK_STARTED_AT = "task_started_at";
  static final String TASK_ACKED_AT = "task_acked_at";
  static final String TASK_RESOLVED_AT = "task_resolved_at";
  static final String SLA_ACK_STEPS = "sla_ack_steps";
  static final String SLA_ACK_LAST = "sla_ack_last";
  static final String SLA_RESOLVE_STEPS = "sla_resolve_steps";
  static final String SLA_RESOLVE_LAST = "sla_resolve_last";

  /** The item's issue in another tracker: stored only; older documents have none. */
  static final String ISSUE_TRACKER = "issue_tracker";

  static final String ISSUE_KEY = "issue_key";
  static final String ISSUE_URL = "issue_url";
  static final String ISSUE_NOTE = "issue_note";

  private Fields() {}
}

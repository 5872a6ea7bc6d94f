package dev.sift.bot.slack;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Socket Mode envelopes in the shapes Slack sends (see the java-slack-sdk samples under
 * ../shared/slack-samples: {@code events/MessagePayload.json}, {@code
 * app-backend/interactive-components/BlockActionPayload.json}, {@code
 * app-backend/views/ViewSubmissionPayload.json}, {@code
 * app-backend/interactive-components/MessageShortcutPayload.json}, {@code
 * app-backend/slash-commands/SlashCommandPayload.json}), with real values filled in.
 */
final class Envelopes {
  private Envelopes() {}

  static ObjectNode eventCallback(String eventId, ObjectNode event) {
    ObjectNode payload = FakeSlack.JSON.createObjectNode();
    payload.put("token", "verification-token");
    payload.put("team_id", FakeSlack.TEAM);
    payload.put("api_app_id", "A0SIFT");
    payload.set("event", event);
    payload.put("type", "event_callback");
    payload.put("event_id", eventId);
    payload.put("event_time", 1772700000);
    payload
        .putArray("authorizations")
        .addObject()
        .put("team_id", FakeSlack.TEAM)
        .put("user_id", FakeSlack.BOT_USER)
        .put("is_bot", true)
        .put("is_enterprise_install", false);
    payload.put("is_ext_shared_channel", false);
    payload.put("event_context", "4-eyJldCI6Im1lc3NhZ2UifQ");
    return payload;
  }

  static ObjectNode message(String channel, String user, String ts, String threadTs, String text) {
    ObjectNode e = FakeSlack.JSON.createObjectNode();
    e.put("client_msg_id", "c-" + ts);
    e.put("type", "message");
    e.put("text", text);
    e.put("user", user);
    e.put("ts", ts);
    if (threadTs != null) {
      e.put("thread_ts", threadTs);
      e.put("parent_user_id", "U0PARENT");
    }
    e.put("team", FakeSlack.TEAM);
    e.put("channel", channel);
    e.put("event_ts", ts);
    e.put("channel_type", channel.startsWith("G") ? "group" : "channel");
    return e;
  }

  /** Slack's {@code member_left_channel}: someone left a channel or was removed from it. */
  static ObjectNode memberLeft(String channel, String user) {
    ObjectNode e = FakeSlack.JSON.createObjectNode();
    e.put("type", "member_left_channel");
    e.put("user", user);
    e.put("channel", channel);
    e.put("channel_type", channel.startsWith("G") ? "G" : "C");
    e.put("team", FakeSlack.TEAM);
    e.put("event_ts", "1772700900.000100");
    return e;
  }

  /**
   * Slack's {@code reaction_added} on a message, in the shape of the SDK's {@code
   * ReactionAddedPayload} sample.
   */
  static ObjectNode reactionAdded(String channel, String ts, String user, String reaction) {
    ObjectNode e = FakeSlack.JSON.createObjectNode();
    e.put("type", "reaction_added");
    e.put("user", user);
    ObjectNode item = e.putObject("item");
    item.put("type", "message");
    item.put("channel", channel);
    item.put("ts", ts);
    e.put("reaction", reaction);
    e.put("item_user", "U0ISA");
    e.put("event_ts", "1772700920.000100");
    return e;
  }

  /** Slack's {@code member_joined_channel}. */
  static ObjectNode memberJoined(String channel, String user) {
    ObjectNode e = memberLeft(channel, user);
    e.put("type", "member_joined_channel");
    return e;
  }

  /**
   * Slack's channel events that carry only the channel id: {@code channel_deleted}, {@code
   * channel_archive}, {@code group_archive} and the like.
   */
  static ObjectNode channelEvent(String type, String channel) {
    ObjectNode e = FakeSlack.JSON.createObjectNode();
    e.put("type", type);
    e.put("channel", channel);
    e.put("user", "U0ADMIN");
    e.put("event_ts", "1772700950.000100");
    return e;
  }

  static ObjectNode changed(String channel, String user, String ts, String oldText, String text) {
    ObjectNode e = FakeSlack.JSON.createObjectNode();
    e.put("type", "message");
    e.put("subtype", "message_changed");
    e.put("channel", channel);
    e.put("hidden", true);
    ObjectNode m = e.putObject("message");
    m.put("type", "message");
    m.put("user", user);
    m.put("text", text);
    m.put("ts", ts);
    m.putObject("edited").put("user", user).put("ts", ts + "1");
    ObjectNode prev = e.putObject("previous_message");
    prev.put("type", "message");
    prev.put("user", user);
    prev.put("text", oldText);
    prev.put("ts", ts);
    e.put("event_ts", ts + "2");
    e.put("ts", ts + "2");
    e.put("channel_type", "channel");
    return e;
  }

  static ObjectNode deleted(String channel, String deletedTs) {
    ObjectNode e = FakeSlack.JSON.createObjectNode();
    e.put("type", "message");
    e.put("subtype", "message_deleted");
    e.put("hidden", true);
    e.put("channel", channel);
    e.put("deleted_ts", deletedTs);
    e.put("event_ts", deletedTs + "9");
    e.put("ts", deletedTs + "9");
    e.put("channel_type", "channel");
    return e;
  }

  /** An events_api envelope. */
  static String events(String envelopeId, ObjectNode callback, int retryAttempt) {
    ObjectNode env = FakeSlack.JSON.createObjectNode();
    env.put("envelope_id", envelopeId);
    env.put("type", "events_api");
    env.put("accepts_response_payload", false);
    env.put("retry_attempt", retryAttempt);
    env.put("retry_reason", retryAttempt == 0 ? "" : "timeout");
    env.set("payload", callback);
    return env.toString();
  }

  static String slashCommand(
      String envelopeId, String text, String user, String channel, String responseUrl) {
    ObjectNode p = FakeSlack.JSON.createObjectNode();
    p.put("token", "verification-token");
    p.put("team_id", FakeSlack.TEAM);
    p.put("team_domain", "northwind");
    p.put("channel_id", channel);
    p.put("channel_name", "support");
    p.put("user_id", user);
    p.put("user_name", user.toLowerCase());
    p.put("command", "/triage");
    p.put("text", text);
    p.put("api_app_id", "A0SIFT");
    p.put("is_enterprise_install", "false");
    p.put("response_url", responseUrl);
    p.put("trigger_id", "trigger-" + envelopeId);
    return interactive(envelopeId, "slash_commands", p, true);
  }

  /**
   * A click on a task card.
   *
   * @param value the button's value, or the selected user of the reassign menu
   * @param itemId the item the card is about (its buttons carry it as their value)
   */
  static ObjectNode blockAction(
      String actionId,
      String value,
      String itemId,
      String user,
      String channel,
      String messageTs,
      String url) {
    ObjectNode p = FakeSlack.JSON.createObjectNode();
    p.put("type", "block_actions");
    p.putObject("team").put("id", FakeSlack.TEAM).put("domain", "northwind");
    p.putObject("user")
        .put("id", user)
        .put("username", user.toLowerCase())
        .put("team_id", FakeSlack.TEAM);
    p.put("api_app_id", "A0SIFT");
    p.put("token", "verification-token");
    p.putObject("container")
        .put("type", "message")
        .put("message_ts", messageTs)
        .put("channel_id", channel)
        .put("is_ephemeral", false);
    p.put("trigger_id", "trigger-" + actionId + "-" + messageTs);
    p.putObject("channel").put("id", channel).put("name", "support");
    ObjectNode message = p.putObject("message");
    message.put("type", "message");
    message.put("ts", messageTs);
    message.put("bot_id", "BBOT0001");
    message.put("text", "card");
    ObjectNode actions = message.putArray("blocks").addObject();
    actions.put("type", "actions");
    actions.put("block_id", "task_actions");
    ObjectNode button = actions.putArray("elements").addObject();
    button.put("type", "button");
    button.put("action_id", "task_ack");
    button.put("value", itemId);
    button.putObject("text").put("type", "plain_text").put("text", "Acknowledge");
    p.put("response_url", url);
    ObjectNode action = p.putArray("actions").addObject();
    action.put("action_id", actionId);
    action.put("block_id", "task_actions");
    if (actionId.equals("task_reassign")) {
      action.put("type", "users_select");
      action.put("selected_user", value);
    } else {
      action.put("type", "button");
      action.put("value", value);
      action.putObject("text").put("type", "plain_text").put("text", actionId);
    }
    action.put("action_ts", "1772700001.000100");
    return p;
  }

  static ObjectNode viewSubmission(
      String itemId, String category, String priority, String note, String user) {
    ObjectNode p = FakeSlack.JSON.createObjectNode();
    p.put("type", "view_submission");
    p.putObject("team").put("id", FakeSlack.TEAM).put("domain", "northwind");
    p.putObject("user").put("id", user).put("username", user.toLowerCase());
    p.put("api_app_id", "A0SIFT");
    p.put("token", "verification-token");
    p.put("trigger_id", "trigger-view");
    ObjectNode view = p.putObject("view");
    view.put("id", "V0CORRECT");
    view.put("team_id", FakeSlack.TEAM);
    view.put("type", "modal");
    view.put("callback_id", "triage_correction");
    view.put("private_metadata", itemId);
    ObjectNode values = view.putObject("state").putObject("values");
    values
        .putObject("category")
        .putObject("value")
        .put("type", "static_select")
        .putObject("selected_option")
        .put("value", category)
        .putObject("text")
        .put("type", "plain_text")
        .put("text", category);
    values
        .putObject("priority")
        .putObject("value")
        .put("type", "static_select")
        .putObject("selected_option")
        .put("value", priority)
        .putObject("text")
        .put("type", "plain_text")
        .put("text", priority);
    values.putObject("note").putObject("value").put("type", "plain_text_input").put("value", note);
    return p;
  }

  static ObjectNode messageShortcut(
      String channel, String user, String author, String ts, String text, String url) {
    ObjectNode p = FakeSlack.JSON.createObjectNode();
    p.put("type", "message_action");
    p.put("token", "verification-token");
    p.put("action_ts", "1772700002.000200");
    p.putObject("team").put("id", FakeSlack.TEAM).put("domain", "northwind");
    p.putObject("user").put("id", user).put("name", user.toLowerCase());
    p.putObject("channel").put("id", channel).put("name", "support");
    p.put("callback_id", "triage_message");
    p.put("trigger_id", "trigger-shortcut");
    p.put("message_ts", ts);
    ObjectNode m = p.putObject("message");
    m.put("type", "message");
    m.put("user", author);
    m.put("text", text);
    m.put("ts", ts);
    p.put("response_url", url);
    return p;
  }

  static String interactive(
      String envelopeId, String type, ObjectNode payload, boolean acceptsResponse) {
    ObjectNode env = FakeSlack.JSON.createObjectNode();
    env.put("envelope_id", envelopeId);
    env.put("type", type);
    env.put("accepts_response_payload", acceptsResponse);
    env.set("payload", payload);
    return env.toString();
  }
}

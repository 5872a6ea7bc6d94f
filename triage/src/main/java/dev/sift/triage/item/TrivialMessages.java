package dev.sift.triage.item;

import dev.sift.triage.message.Message;
import java.util.Locale;
import java.util.Set;

/**
 * Messages not worth a model call: joins and leaves, topic changes, emoji-only messages and
 * one-word acknowledgements. They are still indexed, as chatter.
 */
public final class TrivialMessages {
  private static final Set<String> SUBTYPES =
      Set.of(
          "channel_join",
          "channel_leave",
          "group_join",
          "group_leave",
          "channel_topic",
          "channel_purpose",
          "channel_name",
          "group_topic",
          "group_purpose",
          "group_name",
          "channel_archive",
          "channel_unarchive",
          "pinned_item",
          "unpinned_item",
          "bot_add",
          "bot_remove",
          "reminder_add");
  private static final Set<String> WORDS =
      Set.of(
          "ok",
          "okay",
          "k",
          "kk",
          "thanks",
          "thank you",
          "thanks all",
          "thanks everyone",
          "thx",
          "ty",
          "tyvm",
          "lol",
          "haha",
          "nice",
          "cool",
          "great",
          "awesome",
          "np",
          "no problem",
          "yes",
          "yep",
          "yup",
          "no",
          "nope",
          "sure",
          "noted",
          "got it",
          "will do",
          "on it",
          "+1",
          "welcome",
          "congrats",
          "morning",
          "good morning",
          "gm",
          "hi",
          "hello",
          "hey",
          "bye",
          "night",
          "ack");

  private TrivialMessages() {}

  public static boolean isTrivial(Message m) {
    if (m.subtype() != null && SUBTYPES.contains(m.subtype())) {
      return true;
    }
    String stripped =
        m.text()
            .replaceAll(":[a-z0-9_+'-]+:", " ") // emoji codes
            .replaceAll("[\\p{So}\\p{Sk}\\p{Cf}]", " ") // emoji characters, joiners
            .replaceAll("[\\p{Punct}&&[^+]]", " ")
            .trim()
            .replaceAll("\\s+", " ")
            .toLowerCase(Locale.ROOT);
    return m.files().isEmpty() && (stripped.isEmpty() || WORDS.contains(stripped));
  }
}

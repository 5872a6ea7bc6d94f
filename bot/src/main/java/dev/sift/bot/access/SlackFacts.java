package dev.sift.bot.access;

import java.util.Optional;
import java.util.Set;

/**
 * What Slack says of people, conversations and who is in which: the facts {@link Access} decides
 * by. The live app answers from Slack's Web API, cached for at most a minute.
 */
public interface SlackFacts {

  Conversation conversation(String channelId);

  Person person(String userId);

  /**
   * The conversations a person is in, archived ones too; empty when Slack cannot say, so that a
   * failed look-up shows less, never more.
   */
  Set<String> conversationsOf(String userId);

  /** Everyone in a conversation, or empty when Slack cannot say. */
  Optional<Set<String>> membersOf(String channelId);
}

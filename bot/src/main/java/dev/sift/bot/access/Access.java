package dev.sift.bot.access;

import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.BooleanSupplier;

/**
 * Slack's rules for reading a conversation, applied to everything Sift shows or copies:
 *
 * <ul>
 *   <li>a public channel (archived or not) is read by every full member of its workspace, and by
 *       guests and people of other workspaces only when they are in it;
 *   <li>a private channel, group DM or DM is read only by its members;
 *   <li>a deleted channel, or one Slack cannot describe and the person is not in, by nobody;
 *   <li>a deactivated person reads nothing.
 * </ul>
 *
 * Copying a conversation's message into a channel (a task card, a digest) is allowed only when
 * every member of that channel may read the conversation, or when the operator listed the
 * destination under {@code slack.allow_private_to}.
 */
public final class Access {
  private final SlackFacts slack;
  private final BiPredicate<String, String> allowedDestination;

  /**
   * @param allowedDestination whether a destination (id, name) may receive copies of any
   *     conversation's messages, whoever is in it: {@code slack.allow_private_to}
   */
  public Access(SlackFacts slack, BiPredicate<String, String> allowedDestination) {
    this.slack = slack;
    this.allowedDestination = allowedDestination;
  }

  /** Whether this person may read this conversation in Slack. */
  public boolean maySee(String userId, String channelId) {
    Conversation c = slack.conversation(channelId);
    return reads(slack.person(userId), c, () -> slack.conversationsOf(userId).contains(channelId));
  }

  /** The conversations among these that the person may read. */
  public Set<String> visibleTo(String userId, Collection<String> channelIds) {
    Person person = slack.person(userId);
    Set<String> theirs = new HashSet<>();
    boolean asked = false; // Slack is asked for their conversations once, and only if it matters
    Set<String> visible = new HashSet<>();
    for (String id : channelIds) {
      Conversation c = slack.conversation(id);
      if (needsMembership(person, c) && !asked) {
        theirs.addAll(slack.conversationsOf(userId));
        asked = true;
      }
      if (reads(person, c, () -> theirs.contains(id))) {
        visible.add(id);
      }
    }
    return visible;
  }

  /** Whether every one of these people may read the conversation. */
  public boolean mayShowTo(String channelId, Collection<String> audience) {
    return whoMayNot(channelId, Set.copyOf(audience)).isEmpty();
  }

  /**
   * Why a message of {@code sourceId} may not be copied into {@code destinationId}, or empty when
   * it may: everyone there may read the source, or the operator allowed the destination.
   *
   * @param destinationName the destination's name, matched against {@code allow_private_to} too
   */
  public Optional<String> whyNotCopy(
      String sourceId, String destinationId, String destinationName) {
    if (sourceId.equals(destinationId) || allowed(destinationId, destinationName)) {
      return Optional.empty();
    }
    Optional<Set<String>> audience = slack.membersOf(destinationId);
    if (audience.isEmpty()) {
      return Optional.of("Slack would not say who is in the destination");
    }
    return whoMayNot(sourceId, audience.get())
        .map(
            userId ->
                "someone there ("
                    + userId
                    + ") may not read the source"
                    + (slack.conversation(sourceId).membersOnly()
                        ? ", a members-only conversation"
                        : ""));
  }

  /** Whether the operator listed this destination under {@code slack.allow_private_to}. */
  public boolean allowed(String destinationId, String destinationName) {
    return allowedDestination.test(destinationId, destinationName);
  }

  /**
   * Someone in the audience who may not read the conversation, or empty. The conversation's members
   * are listed once; only people outside it are looked up, to see whether they are full members of
   * its workspace and it is public.
   */
  private Optional<String> whoMayNot(String channelId, Set<String> audience) {
    Conversation c = slack.conversation(channelId);
    if (c.deleted()) {
      return audience.stream().sorted().findFirst();
    }
    Set<String> members =
        audience.isEmpty() ? Set.of() : slack.membersOf(channelId).orElse(Set.of());
    return audience.stream()
        .sorted()
        .filter(userId -> !members.contains(userId)) // a member reads it, whoever they are
        .filter(userId -> !reads(slack.person(userId), c, () -> false))
        .findFirst();
  }

  /** Whether the answer depends on the person being in the conversation. */
  private static boolean needsMembership(Person p, Conversation c) {
    return c.membersOnly() || p.guest() || !sameWorkspace(p, c);
  }

  private static boolean reads(Person p, Conversation c, BooleanSupplier isMember) {
    if (c.deleted() || p.deactivated()) {
      return false;
    }
    return !needsMembership(p, c) || isMember.getAsBoolean();
  }

  private static boolean sameWorkspace(Person p, Conversation c) {
    return c.team() == null || c.team().equals(p.team());
  }
}

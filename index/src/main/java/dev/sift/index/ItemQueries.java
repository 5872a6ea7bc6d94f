package dev.sift.index;

import dev.sift.triage.digest.DigestSource;
import dev.sift.triage.item.TriagedMessage;
import dev.sift.triage.message.MessageKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The queries digests, the queue, SLA timers and the Home tab need, answered by whichever store
 * holds the messages ({@link MessageStore#items()}). Every query first makes the writes so far
 * searchable. {@code ItemQueriesContract} holds every backend to the same answers.
 */
public interface ItemQueries extends DigestSource {

  /** The id and name of a channel given by name (with or without '#') or id, if indexed. */
  Optional<String[]> channel(String nameOrId);

  /** Ids of every channel with messages in the store. */
  Set<String> channelIds();

  /**
   * Keys of a channel's messages stored under another name than {@code name}: its id, stored while
   * Slack could not tell the name, or a name from before the channel was renamed.
   */
  List<MessageKey> misnamed(String channelId, String name);

  /** Channels with messages stored under the channel's id for want of its name. */
  Set<String> unnamedChannels();

  /** Open items (open or acknowledged) a user owns, most urgent first. */
  List<TriagedMessage> ownedBy(String userId, int limit);

  /**
   * Items with a task card that are not resolved, oldest first, at most {@code limit}: what SLA
   * timers run on.
   */
  List<TriagedMessage> openCards(int limit);

  /**
   * Task cards people acted on (acknowledged or resolved) without correcting the triage: with the
   * corrections, what accuracy in use is measured from.
   */
  long cardsAcceptedAsTriaged();

  /** When the newest stored message was posted, if there is one. */
  Optional<Instant> newest();
}

package dev.sift.index;

import java.time.ZoneId;
import java.util.Set;

/**
 * A search as a user asked it.
 *
 * @param query the query in Slack's syntax plus triage fields
 * @param queryVector the embedding of the query's words for hybrid search, or null for keywords
 *     only
 * @param visibleChannels channel ids the asker may see, or null for all (offline use)
 * @param limit how many hits to return
 * @param zone the asker's time zone, for dates in the query
 * @param team the asker's workspace: only its messages are found, whatever the channel ids; null
 *     for every workspace (offline use)
 */
public record SearchRequest(
    String query,
    float[] queryVector,
    Set<String> visibleChannels,
    int limit,
    ZoneId zone,
    String team) {

  public SearchRequest(
      String query, float[] queryVector, Set<String> visibleChannels, int limit, ZoneId zone) {
    this(query, queryVector, visibleChannels, limit, zone, null);
  }

  public SearchRequest {
    if (limit < 1 || limit > 1000) {
      throw new IllegalArgumentException("limit must be within 1..1000, was " + limit);
    }
    visibleChannels = visibleChannels == null ? null : Set.copyOf(visibleChannels);
  }
}

package dev.sift.index;

import dev.sift.triage.message.MessageKey;
import dev.sift.triage.message.SlackTs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

/**
 * Which stored messages a retention sweep or a purge removes: every condition given must hold, null
 * ones are left out. The keys are read from stored ids only, so selecting a million messages costs
 * no vectors.
 *
 * @param team a workspace id
 * @param channelId a channel id
 * @param userId a Slack user id: the author's messages
 * @param before only messages posted before this
 */
public record Selection(String team, String channelId, String userId, Instant before) {

  public static Selection team(String team) {
    return new Selection(team, null, null, null);
  }

  public static Selection channel(String channelId) {
    return new Selection(null, channelId, null, null);
  }

  public static Selection user(String userId) {
    return new Selection(null, null, userId, null);
  }

  /** The same selection, narrowed to a team (purges of one workspace's user or channel). */
  public Selection inTeam(String teamId) {
    return new Selection(teamId, channelId, userId, before);
  }

  /** The keys of every stored message selected, after making every write so far searchable. */
  List<MessageKey> keysIn(MessageIndex index) {
    index.refresh();
    Query q = query();
    return index.withSearcher(
        searcher -> {
          List<MessageKey> keys = new ArrayList<>();
          int n = searcher.count(q);
          if (n == 0) {
            return keys;
          }
          var fields = searcher.storedFields();
          for (ScoreDoc hit : searcher.search(q, n).scoreDocs) {
            var d = fields.document(hit.doc, Set.of(Fields.ID, Fields.USER_ID));
            if (userId == null || userId.equals(d.get(Fields.USER_ID))) {
              keys.add(MessageKey.parse(d.get(Fields.ID)));
            }
          }
          return keys;
        });
  }

  Query query() {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(new MatchAllDocsQuery(), Occur.FILTER);
    if (team != null) {
      b.add(new TermQuery(new Term(Fields.TEAM, team)), Occur.FILTER);
    }
    if (channelId != null) {
      b.add(new TermQuery(new Term(Fields.CHANNEL_ID, channelId)), Occur.FILTER);
    }
    if (userId != null) {
      // USER_KEY holds the lower-cased id and name; keysIn keeps only the id's own messages.
      b.add(
          new TermQuery(new Term(Fields.USER_KEY, userId.toLowerCase(Locale.ROOT))), Occur.FILTER);
    }
    if (before != null) {
      long micros = SlackTs.micros(SlackTs.of(before));
      b.add(LongPoint.newRangeQuery(Fields.TS_MICROS, Long.MIN_VALUE, micros - 1), Occur.FILTER);
    }
    return b.build();
  }
}

package dev.sift.index;

import java.util.List;

/**
 * Searches the stored messages in Slack's syntax, the same way on every backend: {@link
 * MessageSearch} on the embedded Lucene index, {@code solr.SolrMessageSearch} on SolrCloud.
 */
public interface Search {
  /**
   * Runs a search; only messages of the request's visible channels (and team) ever come back. A
   * malformed query throws {@link QuerySyntaxException}.
   */
  List<SearchHit> search(SearchRequest request);
}

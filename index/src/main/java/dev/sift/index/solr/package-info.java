/**
 * The distributed store: {@link dev.sift.index.solr.SolrMessageStore} keeps triaged messages in a
 * SolrCloud collection, under the same {@link dev.sift.index.MessageStore} contract as the embedded
 * Lucene index, so several Sift processes can share one store; {@link
 * dev.sift.index.solr.SolrMessageSearch} searches it under the same {@link dev.sift.index.Search}
 * contract. The collection's configset (schema and solrconfig) ships in this package's resources.
 */
package dev.sift.index.solr;

/**
 * Opening the store the config names: the embedded Lucene index in the data folder, or a SolrCloud
 * collection that several Sift processes share; this process among those replicas (its claims, and
 * the marks from which another covers it if it dies); and moving an index from one to the other.
 */
package dev.sift.bot.storage;

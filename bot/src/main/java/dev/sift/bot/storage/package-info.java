/**
 * Opening the store the config names: the embedded Lucene index in the data folder, or a SolrCloud
 * collection that several Sift processes share; and moving an index from one to the other.
 */
package dev.sift.bot.storage;

/**
 * People's corrections: kept in the data folder, taught to the classifier and the priority model,
 * and shared with the other replicas of a SolrCloud store so each of them learns every correction.
 */
package dev.sift.bot.feedback;

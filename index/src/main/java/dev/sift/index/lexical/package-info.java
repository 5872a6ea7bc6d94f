/**
 * Lexical classifiers over Lucene-analysed terms, the baselines {@code sift eval --compare} puts
 * beside the embedded classifier: multinomial naive Bayes and a BM25 nearest-neighbour vote. They
 * live here because {@code triage} knows nothing of Lucene; both implement triage's {@link
 * dev.sift.triage.classify.Classifier} and ignore the embedding.
 */
package dev.sift.index.lexical;

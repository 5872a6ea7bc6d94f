package dev.sift.index.lexical;

import dev.sift.triage.classify.Classifier;
import dev.sift.triage.classify.LabelledExample;
import dev.sift.triage.classify.Prediction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Nearest labelled examples by BM25 over Lucene-analysed terms, each of the {@code k} best voting
 * for its category with its score. A baseline: it ignores the embedding. The examples live in an
 * in-memory index built once.
 */
public final class Bm25KnnClassifier implements Classifier {
  private static final String TEXT = "text";
  private static final String LABEL = "label";
  // A floor on every category's vote, so a probability is never 0 and no text is left unanswered.
  private static final double PRIOR_VOTE = 0.05;

  private final Analyzer analyzer = AnalysedTerms.analyzer();
  private final List<String> labels;
  private final IndexSearcher searcher;
  private final int k;

  public Bm25KnnClassifier(List<String> labels, List<LabelledExample> examples, int k) {
    this.labels = List.copyOf(labels);
    this.k = k;
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    IndexWriterConfig config = new IndexWriterConfig(analyzer).setSimilarity(new BM25Similarity());
    try (IndexWriter writer = new IndexWriter(dir, config)) {
      for (LabelledExample e : examples) {
        Document d = new Document();
        d.add(new TextField(TEXT, e.text(), Field.Store.NO));
        d.add(new StoredField(LABEL, e.category()));
        writer.addDocument(d);
      }
      writer.commit();
      this.searcher = new IndexSearcher(DirectoryReader.open(dir));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot index the examples in memory", e);
    }
    searcher.setSimilarity(new BM25Similarity());
  }

  @Override
  public Prediction classify(String text, float[] vector) {
    BooleanQuery.Builder q = new BooleanQuery.Builder();
    for (String t : AnalysedTerms.of(analyzer, text)) {
      q.add(new TermQuery(new Term(TEXT, t)), BooleanClause.Occur.SHOULD);
    }
    double[] votes = new double[labels.size()];
    try {
      ScoreDoc[] hits = searcher.search(q.build(), k).scoreDocs;
      double best = hits.length == 0 ? 1 : hits[0].score;
      for (ScoreDoc hit : hits) {
        String label = searcher.storedFields().document(hit.doc).get(LABEL);
        votes[labels.indexOf(label)] += hit.score / best;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot search the examples in memory", e);
    } catch (IndexSearcher.TooManyClauses e) {
      // a pasted novel: vote with the floor alone rather than fail
    }
    double[] log = new double[labels.size()];
    double max = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < labels.size(); c++) {
      log[c] = Math.log(votes[c] + PRIOR_VOTE);
      max = Math.max(max, log[c]);
    }
    return NaiveBayesClassifier.normalised(labels, log, max);
  }
}

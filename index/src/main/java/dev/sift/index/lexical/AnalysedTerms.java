package dev.sift.index.lexical;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * A text's terms as the search index sees them: Lucene's {@link EnglishAnalyzer} (standard
 * tokenizer, lower case, English stop words removed, Porter stemming).
 */
final class AnalysedTerms {
  private static final String FIELD = "text";

  private AnalysedTerms() {}

  static Analyzer analyzer() {
    return new EnglishAnalyzer();
  }

  static List<String> of(Analyzer analyzer, String text) {
    List<String> terms = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(FIELD, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        terms.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading a String cannot fail
    }
    return terms;
  }
}

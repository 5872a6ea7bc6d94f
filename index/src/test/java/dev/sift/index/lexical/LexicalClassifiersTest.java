package dev.sift.index.lexical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sift.triage.classify.LabelledExample;
import dev.sift.triage.classify.Prediction;
import java.util.List;
import org.junit.jupiter.api.Test;

class LexicalClassifiersTest {
  private static final List<String> LABELS = List.of("billing", "access");
  private static final List<LabelledExample> EXAMPLES =
      List.of(
          new LabelledExample("I was charged twice on my invoice", "billing"),
          new LabelledExample("refund the duplicate charge please", "billing"),
          new LabelledExample("the invoice total is wrong", "billing"),
          new LabelledExample("I cannot log in to my account", "access"),
          new LabelledExample("reset my password, locked out", "access"),
          new LabelledExample("login fails with my new password", "access"));

  @Test
  void naive_bayes_should_pick_the_category_whose_stemmed_terms_the_text_shares() {
    NaiveBayesClassifier nb = new NaiveBayesClassifier(LABELS, EXAMPLES);

    Prediction charges = nb.classify("Charges on the invoices look doubled", null);
    Prediction logins = nb.classify("Logging in fails since the password reset", null);

    assertThat(charges.category()).isEqualTo("billing");
    assertThat(logins.category()).isEqualTo("access");
    assertThat(charges.ranked().stream().mapToDouble(Prediction.Scored::probability).sum())
        .isCloseTo(1.0, within(1e-9));
  }

  @Test
  void bm25_knn_should_vote_with_the_nearest_examples_and_never_give_zero() {
    Bm25KnnClassifier knn = new Bm25KnnClassifier(LABELS, EXAMPLES, 3);

    Prediction p = knn.classify("duplicate charge on my invoice", null);
    Prediction nothing = knn.classify("zzz qqq", null);

    assertThat(p.category()).isEqualTo("billing");
    assertThat(p.ranked().get(1).probability()).isPositive();
    assertThat(nothing.confidence()).isCloseTo(0.5, within(1e-9));
  }
}

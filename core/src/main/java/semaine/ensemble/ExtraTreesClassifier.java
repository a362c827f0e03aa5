package semaine.ensemble;

import semaine.base.EstimatorSpec;

/**
 * Extremely randomised trees for classification: {@code nEstimators} trees grown on the whole
 * training set (no bootstrap by default), each split taking the best of one random threshold per
 * drawn feature ({@code max_features} "sqrt"). scikit-learn 1.9's {@code ExtraTreesClassifier}:
 * the same trees node for node for the same {@code random_state}.
 *
 * <pre>{@code
 * var forest = new ExtraTreesClassifier().randomState(0).fit(X, y);
 * int[] labels = forest.predict(XNew);
 * }</pre>
 *
 * <h2>Notes</h2>
 * Not supported yet: {@code class_weight="balanced_subsample"},
 * {@code monotonic_cst}, NaN in X, multi-output y.
 *
 * <h2>References</h2>
 * <ol>
 *   <li>Geurts, Ernst and Wehenkel, "Extremely randomized trees", Machine Learning 63(1),
 *       2006.</li>
 * </ol>
 */
public final class ExtraTreesClassifier extends ForestClassifier<ExtraTreesClassifier> {

  private static final EstimatorSpec<ExtraTreesClassifier> SPEC = EstimatorSpec.of(
      "sklearn.ensemble.ExtraTreesClassifier", ExtraTreesClassifier::new,
      ForestClassifier.Fitted.class, params(false));

  /** {@code ExtraTreesClassifier()}: 100 trees. */
  public ExtraTreesClassifier() {
    super(SPEC, true);
  }
}

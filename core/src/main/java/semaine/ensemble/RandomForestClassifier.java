package semaine.ensemble;

import semaine.base.EstimatorSpec;

/**
 * A random forest classifier: {@code nEstimators} decision trees, each grown on a bootstrap sample
 * of the training set drawing {@code max_features} (default "sqrt") features per split; the
 * forest averages their leaf class fractions. scikit-learn 1.9's {@code RandomForestClassifier}:
 * the same trees node for node for the same {@code random_state}, so the same probabilities,
 * importances and out-of-bag score.
 *
 * <pre>{@code
 * var forest = new RandomForestClassifier().nEstimators(100).oobScore(true).randomState(0);
 * forest.fit(X, y);
 * double[][] proba = forest.predictProba(XNew);
 * }</pre>
 *
 * <p>See {@link BaseForest} for the seeds and the bootstrap. Trees are grown in parallel unless
 * {@code n_jobs} is 1; the result does not depend on it.
 *
 * <h2>Notes</h2>
 * Not supported yet: {@code class_weight="balanced_subsample"},
 * {@code monotonic_cst}, NaN in X, multi-output y.
 *
 * <h2>References</h2>
 * <ol>
 *   <li>Breiman, "Random Forests", Machine Learning 45(1), 2001.</li>
 * </ol>
 */
public final class RandomForestClassifier extends ForestClassifier<RandomForestClassifier> {

  private static final EstimatorSpec<RandomForestClassifier> SPEC = EstimatorSpec.of(
      "sklearn.ensemble.RandomForestClassifier", RandomForestClassifier::new,
      ForestClassifier.Fitted.class, params(true));

  /** {@code RandomForestClassifier()}: 100 trees. */
  public RandomForestClassifier() {
    super(SPEC, false);
  }
}

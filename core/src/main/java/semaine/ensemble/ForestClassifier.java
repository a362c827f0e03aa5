package semaine.ensemble;

import semaine.base.Attribute;
import semaine.base.Classifier;
import semaine.base.EstimatorSpec;
import semaine.base.Nullable;
import semaine.base.Param;
import semaine.base.Rule;
import semaine.tree.ClassifierSetters;
import semaine.tree.EncodedLabels;
import semaine.tree.Tree;
import semaine.tree.TreeInput;
import semaine.tree.TreeParams;

/**
 * A forest of classification trees ({@code ForestClassifier}): the probability of a class is the
 * mean, over the trees in order, of the class fraction in the leaf each tree sends the sample to;
 * the prediction is the most probable class.
 *
 * @param <E> the forest class
 */
public abstract class ForestClassifier<E extends ForestClassifier<E>> extends BaseForest<E>
    implements Classifier, ClassifierSetters<E> {

  static final Param<String> CRITERION =
      Param.of("criterion", "gini", Rule.options("gini", "entropy", "log_loss"));

  /**
   * What {@code fit} learns.
   *
   * @param estimators (n_estimators,) the trees' {@code tree_} arrays, in order
   * @param seeds (n_estimators,) each tree's {@code random_state}
   * @param classes (n_classes,) the sorted labels
   * @param nClasses the number of classes
   * @param nFeaturesIn the number of features
   * @param featureImportances (n_features,) the mean impurity-based importances
   * @param oobScore the out-of-bag accuracy, when {@code oob_score}
   * @param oobDecisionFunction (n_samples, n_classes) the out-of-bag probabilities
   */
  record Fitted(Tree[] estimators, @Attribute("_seeds") long[] seeds, int[] classes,
      int nClasses, int nFeaturesIn, double[] featureImportances, @Nullable Double oobScore,
      @Nullable double[][] oobDecisionFunction) implements ForestState {}

  ForestClassifier(EstimatorSpec<E> spec, boolean random) {
    super(spec, random);
  }

  /** The parameters of a classification forest, in scikit-learn's order. */
  static Param<?>[] params(boolean bootstrap) {
    return new Param<?>[] {N_ESTIMATORS, CRITERION, TreeParams.MAX_DEPTH,
        TreeParams.MIN_SAMPLES_SPLIT, TreeParams.MIN_SAMPLES_LEAF,
        TreeParams.MIN_WEIGHT_FRACTION_LEAF, TreeParams.maxFeatures("sqrt"),
        TreeParams.MAX_LEAF_NODES, TreeParams.MIN_IMPURITY_DECREASE, bootstrapParam(bootstrap),
        OOB_SCORE, N_JOBS, TreeParams.RANDOM_STATE, WARM_START,
        TreeParams.CLASS_WEIGHT, TreeParams.CCP_ALPHA,
        MAX_SAMPLES, TreeParams.MONOTONIC_CST};
  }

  @Override
  public E fit(double[][] X, int[] y) {
    return fit(X, y, null);
  }

  /**
   * Grows the trees on X and y.
   *
   * @param sampleWeight (n_samples,) weights, or null for 1 each
   * @throws IllegalArgumentException for a bad parameter or bad data, named
   */
  public E fit(double[][] X, int[] y, double[] sampleWeight) {
    validateParams();
    return grow(TreeInput.columns(X, getClass().getSimpleName()),
        () -> TreeInput.rows(X, X[0].length, "forest"), y, sampleWeight);
  }

  /**
   * Grows the trees on float32 X ({@code X.astype(np.float32)}): the forest grown from the same
   * values in float64, since scikit-learn's trees work on float32 samples; half the memory.
   */
  public E fit(float[][] X, int[] y, double[] sampleWeight) {
    validateParams();
    return grow(TreeInput.columns(X, getClass().getSimpleName()), () -> X, y, sampleWeight);
  }

  /** {@link #fit(float[][], int[], double[])} with unit weights. */
  public E fit(float[][] X, int[] y) {
    return fit(X, y, null);
  }

  /** Grows the forest on {@code columns}; {@code rows} gives the samples as rows for the OOB score. */
  @SuppressWarnings("unchecked")
  private E grow(float[][] columns, java.util.function.Supplier<float[][]> rows, int[] y,
      double[] sampleWeight) {
    int n = columns[0].length;
    TreeInput.checkFitInput(n, y, y == null ? 0 : y.length, sampleWeight);
    EncodedLabels labels = EncodedLabels.of(y);
    int[] classes = labels.classes();
    int[] encoded = labels.encoded();
    double[] weights = labels.weights(get(TreeParams.CLASS_WEIGHT), sampleWeight, true);
    String criterion = get(CRITERION);
    int[] cst = TreeParams.monotonicCst(get(TreeParams.MONOTONIC_CST), columns.length,
        classes.length);
    Grown grown = growTrees(n, columns.length, weights,
        (grower, w, seed) -> grower.withMonotonicCst(cst).growClassifier(columns, encoded,
            classes.length, w, criterion, seed));
    Double oobScore = null;
    double[][] oob = null;
    if (get(OOB_SCORE)) {
      oob = outOfBag(rows.get(), grown, weights, classes.length);
      int correct = 0;
      for (int i = 0; i < n; i++) {
        if (Tree.argmax(oob[i]) == encoded[i]) {
          correct++;
        }
      }
      oobScore = (double) correct / n;
    }
    int d = columns.length;
    fitted(new Fitted(grown.trees(), grown.seeds(), classes, classes.length, d,
        featureImportances(grown.trees(), d), oobScore, oob));
    return (E) this;
  }

  private Fitted checkFitted() {
    return fitted();
  }

  @Override
  ForestState state() {
    return checkFitted();
  }

  /** The class labels, sorted ({@code classes_}). */
  @Override
  public int[] classes() {
    return checkFitted().classes.clone();
  }

  /** The out-of-bag probabilities ({@code oob_decision_function_}). */
  public double[][] oobDecisionFunction() {
    oobScore();
    return checkFitted().oobDecisionFunction.clone();
  }

  /**
   * The mean over the trees, in order, of the class fractions of each row's leaves
   * ({@code predict_proba}).
   */
  @Override
  public double[][] predictProba(double[][] X) {
    Fitted model = checkFitted();
    return meanLeafValues(X, model.nFeaturesIn, model.nClasses);
  }

  /** The most probable class of each row, ties to the first class. */
  @Override
  public int[] predict(double[][] X) {
    return Tree.mostProbable(predictProba(X), checkFitted().classes);
  }
}

package semaine.ensemble;

import java.util.Arrays;
import java.util.Map;
import semaine.base.Attribute;
import semaine.base.Classifier;
import semaine.base.EstimatorSpec;
import semaine.base.Nullable;
import semaine.base.Param;
import semaine.base.Rule;
import semaine.tree.ClassWeight;
import semaine.tree.Tree;
import semaine.tree.TreeInput;
import semaine.tree.TreeParams;
import semaine.util.Checks;

/**
 * A forest of classification trees ({@code ForestClassifier}): the probability of a class is the
 * mean, over the trees in order, of the class fraction in the leaf each tree sends the sample to;
 * the prediction is the most probable class.
 *
 * @param <E> the forest class
 */
public abstract class ForestClassifier<E extends ForestClassifier<E>> extends BaseForest<E>
    implements Classifier {

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
      @Nullable double[][] oobDecisionFunction) {}

  ForestClassifier(EstimatorSpec<E> spec, boolean random) {
    super(spec, random);
  }

  /** The parameters of a classification forest, in scikit-learn's order. */
  static Param<?>[] params(boolean bootstrap) {
    return new Param<?>[] {N_ESTIMATORS, CRITERION, TreeParams.MAX_DEPTH,
        TreeParams.MIN_SAMPLES_SPLIT, TreeParams.MIN_SAMPLES_LEAF,
        TreeParams.MIN_WEIGHT_FRACTION_LEAF, TreeParams.maxFeatures("sqrt"),
        TreeParams.MAX_LEAF_NODES, TreeParams.MIN_IMPURITY_DECREASE, bootstrapParam(bootstrap),
        OOB_SCORE, N_JOBS, TreeParams.RANDOM_STATE, TreeParams.CLASS_WEIGHT, TreeParams.CCP_ALPHA,
        MAX_SAMPLES};
  }

  /** {@code criterion}: "gini" (default), "entropy" or "log_loss". */
  public E criterion(String criterion) {
    return set(CRITERION, criterion);
  }

  /** {@code class_weight}: None (default) or "balanced" (counted with the sample weights). */
  public E classWeight(String classWeight) {
    return set(TreeParams.CLASS_WEIGHT, classWeight);
  }

  /** {@code class_weight} as a dict: each named class's weight, the others 1. */
  public E classWeight(Map<Integer, Double> weights) {
    return set(TreeParams.CLASS_WEIGHT, ClassWeight.format(weights));
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
  @SuppressWarnings("unchecked")
  public E fit(double[][] X, int[] y, double[] sampleWeight) {
    validateParams();
    float[][] columns = TreeInput.columns(X, getClass().getSimpleName());
    Checks.checkArgument(y != null, "y must not be null");
    Checks.checkSameLength("X", X.length, "y", y.length);
    if (sampleWeight != null) {
      Checks.checkSameLength("X", X.length, "sample_weight", sampleWeight.length);
      Checks.checkVector("sample_weight", sampleWeight);
    }
    int[] classes = Arrays.stream(y).sorted().distinct().toArray();
    int[] encoded = new int[y.length];
    for (int i = 0; i < y.length; i++) {
      encoded[i] = Arrays.binarySearch(classes, y[i]);
    }
    double[] weights = ClassWeight.sampleWeights(get(TreeParams.CLASS_WEIGHT), classes, encoded,
        sampleWeight);
    if (weights == null) {
      weights = sampleWeight;
    } else if (sampleWeight != null) {
      for (int i = 0; i < weights.length; i++) {
        weights[i] = sampleWeight[i] * weights[i];
      }
    }
    String criterion = get(CRITERION);
    Grown grown = growTrees(X.length, columns.length, weights,
        (grower, w, seed) -> grower.growClassifier(columns, encoded, classes.length, w,
            criterion, seed));
    Double oobScore = null;
    double[][] oob = null;
    if (get(OOB_SCORE)) {
      oob = oobDecision(X, grown, weights, classes.length);
      int correct = 0;
      for (int i = 0; i < X.length; i++) {
        if (Tree.argmax(oob[i]) == encoded[i]) {
          correct++;
        }
      }
      oobScore = (double) correct / X.length;
    }
    int d = columns.length;
    fitted(new Fitted(grown.trees(), grown.seeds(), classes, classes.length, d,
        featureImportances(grown.trees(), d), oobScore, oob));
    return (E) this;
  }

  /**
   * {@code _compute_oob_predictions}: each sample's probabilities summed over the trees that did
   * not see it, in tree order, divided by their number (1 when none).
   */
  private double[][] oobDecision(double[][] X, Grown grown, double[] weights, int nClasses) {
    float[][] rows = rows(X, X[0].length);
    double[][] sums = new double[X.length][nClasses];
    int[] counts = new int[X.length];
    for (int t = 0; t < grown.trees().length; t++) {
      Tree tree = grown.trees()[t];
      for (int i : unsampled(grown.seeds()[t], X.length, grown.nSamplesBootstrap(), weights)) {
        double[] value = tree.value()[tree.apply(rows[i])];
        for (int c = 0; c < nClasses; c++) {
          sums[i][c] += value[c];
        }
        counts[i]++;
      }
    }
    for (int i = 0; i < X.length; i++) {
      int count = Math.max(counts[i], 1);
      for (int c = 0; c < nClasses; c++) {
        sums[i][c] /= count;
      }
    }
    return sums;
  }

  private Fitted checkFitted() {
    return fitted();
  }

  /** The class labels, sorted ({@code classes_}). */
  @Override
  public int[] classes() {
    return checkFitted().classes.clone();
  }

  /** The trees' arrays, in order ({@code estimators_[i].tree_}). */
  public Tree[] estimators() {
    return checkFitted().estimators.clone();
  }

  /** The mean impurity-based importances ({@code feature_importances_}). */
  public double[] featureImportances() {
    return checkFitted().featureImportances.clone();
  }

  /**
   * The out-of-bag accuracy ({@code oob_score_}).
   *
   * @throws IllegalStateException when fitted without {@code oob_score}
   */
  public double oobScore() {
    Double score = checkFitted().oobScore;
    if (score == null) {
      throw new IllegalStateException("oob_score_ exists only after a fit with oob_score=True");
    }
    return score;
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
    float[][] rows = rows(X, model.nFeaturesIn);
    double[][] proba = new double[rows.length][model.nClasses];
    forRows(rows.length, (from, to) -> {
      for (Tree tree : model.estimators) {
        for (int i = from; i < to; i++) {
          double[] value = tree.value()[tree.apply(rows[i])];
          for (int c = 0; c < model.nClasses; c++) {
            proba[i][c] += value[c];
          }
        }
      }
      for (int i = from; i < to; i++) {
        for (int c = 0; c < model.nClasses; c++) {
          proba[i][c] /= model.estimators.length;
        }
      }
    });
    return proba;
  }

  /** The most probable class of each row, ties to the first class. */
  @Override
  public int[] predict(double[][] X) {
    int[] classes = checkFitted().classes;
    double[][] proba = predictProba(X);
    int[] labels = new int[proba.length];
    for (int i = 0; i < proba.length; i++) {
      labels[i] = classes[Tree.argmax(proba[i])];
    }
    return labels;
  }
}

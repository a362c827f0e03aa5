package semaine.tree;

import semaine.base.Classifier;
import semaine.base.EstimatorSpec;
import semaine.base.Param;
import semaine.base.Rule;

/**
 * A decision tree classifier: the samples are split, feature threshold after feature threshold,
 * into leaves as pure as possible, and a leaf predicts the class fractions of its training
 * samples. scikit-learn 1.9's {@code DecisionTreeClassifier}: the same tree node for node (split
 * features, thresholds, impurities, sample counts, values) for the same {@code random_state}.
 *
 * <pre>{@code
 * var tree = new DecisionTreeClassifier().maxDepth(3).randomState(0);
 * tree.fit(X, y);                           // DecisionTreeClassifier(max_depth=3, random_state=0)
 * int[] labels = tree.predict(X);
 * double[][] proba = tree.predictProba(X);  // leaf class fractions, columns in classes() order
 * }</pre>
 *
 * <p>At each node the splitter draws {@code max_features} features (all by default, in a random
 * order: ties between equally good splits go to the feature drawn first) and keeps the split that
 * most decreases the weighted impurity, {@code "gini"} 1 − Σ p_c² (default) or
 * {@code "entropy"}/{@code "log_loss"} −Σ p_c·log2 p_c, where p_c is the weighted fraction of
 * class c in the node ({@link Splitter}, {@link TreeBuilder}). X is rounded to float32 as in
 * scikit-learn; the thresholds are midpoints between two float32 values, in double.
 *
 * <h2>Notes</h2>
 * Fitting costs about O(max_features · n log² n) for a balanced tree; prediction O(depth) per
 * sample. {@code monotonic_cst} constrains the positive class's probability (two classes only).
 * Not supported yet: NaN in X at fit (scikit-learn routes missing values), multi-output y,
 * sparse X.
 *
 * <h2>References</h2>
 * <ol>
 *   <li>Breiman, Friedman, Olshen and Stone, "Classification and Regression Trees", 1984.</li>
 * </ol>
 */
public final class DecisionTreeClassifier extends BaseDecisionTree<DecisionTreeClassifier>
    implements Classifier, ClassifierSetters<DecisionTreeClassifier> {

  static final Param<String> CRITERION =
      Param.of("criterion", "gini", Rule.options("gini", "entropy", "log_loss"));
  private static final EstimatorSpec<DecisionTreeClassifier> SPEC = EstimatorSpec.of(
      "sklearn.tree.DecisionTreeClassifier", DecisionTreeClassifier::new, Fitted.class,
      CRITERION, TreeParams.SPLITTER, TreeParams.MAX_DEPTH, TreeParams.MIN_SAMPLES_SPLIT,
      TreeParams.MIN_SAMPLES_LEAF, TreeParams.MIN_WEIGHT_FRACTION_LEAF, TreeParams.MAX_FEATURES,
      TreeParams.RANDOM_STATE, TreeParams.MAX_LEAF_NODES, TreeParams.MIN_IMPURITY_DECREASE,
      TreeParams.CLASS_WEIGHT, TreeParams.CCP_ALPHA,
      TreeParams.MONOTONIC_CST);

  /**
   * What {@code fit} learns.
   *
   * @param tree the tree ({@code tree_})
   * @param classes (n_classes,) the sorted labels
   * @param nClasses the number of classes
   * @param nFeaturesIn the number of features
   * @param maxFeatures the features drawn per split ({@code max_features_})
   * @param featureImportances (n_features,) the impurity-based importances
   */
  private record Fitted(Tree tree, int[] classes, int nClasses, int nFeaturesIn, int maxFeatures,
      double[] featureImportances) {}

  /** {@code DecisionTreeClassifier()}: gini, grown until the leaves are pure. */
  public DecisionTreeClassifier() {
    super(SPEC);
  }

  @Override
  public DecisionTreeClassifier fit(double[][] X, int[] y) {
    return fit(X, y, null);
  }

  /**
   * Grows the tree on X and y, each sample weighted by sampleWeight (times its class weight).
   *
   * @param sampleWeight (n_samples,) weights, or null for 1 each
   * @throws IllegalArgumentException for a bad parameter, X empty, ragged, infinite or with NaN,
   *     y or sampleWeight of another length, or weights that sum to zero
   */
  public DecisionTreeClassifier fit(double[][] X, int[] y, double[] sampleWeight) {
    validateParams();
    return grow(TreeInput.columns(X, getClass().getSimpleName()), y, sampleWeight);
  }

  /**
   * Grows the tree on float32 X ({@code X.astype(np.float32)}): the tree grown from the same
   * values in float64, since scikit-learn's trees work on float32 samples; half the memory.
   */
  public DecisionTreeClassifier fit(float[][] X, int[] y, double[] sampleWeight) {
    validateParams();
    return grow(TreeInput.columns(X, getClass().getSimpleName()), y, sampleWeight);
  }

  /** {@link #fit(float[][], int[], double[])} with unit weights. */
  public DecisionTreeClassifier fit(float[][] X, int[] y) {
    return fit(X, y, null);
  }

  private DecisionTreeClassifier grow(float[][] columns, int[] y, double[] sampleWeight) {
    int n = columns[0].length;
    double[] weights = TreeInput.checkFitInput(n, y, y == null ? 0 : y.length,
        sampleWeight);
    EncodedLabels labels = EncodedLabels.of(y);
    int[] classes = labels.classes();
    weights = labels.weights(get(TreeParams.CLASS_WEIGHT), weights, false);
    TreeGrower grower = grower(n, columns.length, weights).withParallelSort()
        .withMonotonicCst(TreeParams.monotonicCst(get(TreeParams.MONOTONIC_CST), columns.length,
            classes.length));
    Tree tree = grower.growClassifier(columns, labels.encoded(), classes.length, weights,
        get(CRITERION), splitterSeed());
    checkGrown(tree);
    fitted(new Fitted(tree, classes, classes.length, columns.length, grower.maxFeatures(),
        tree.featureImportances(columns.length)));
    return this;
  }

  /**
   * {@code cost_complexity_pruning_path}: grows the tree without pruning on X, y, then gives the
   * effective alphas of its pruning steps and the total leaf impurity after each.
   */
  public CostComplexityPruning.Path costComplexityPruningPath(double[][] X, int[] y,
      double[] sampleWeight) {
    return CostComplexityPruning.path(clone().ccpAlpha(0.0).fit(X, y, sampleWeight).tree());
  }

  /** Refuses a tree grown on no weight: its values would be 0/0. */
  static void checkGrown(Tree tree) {
    if (!(tree.weightedNNodeSamples()[0] > 0)) {
      throw new IllegalArgumentException("sample_weight sums to " + tree.weightedNNodeSamples()[0]
          + " over the samples of non-zero weight: it must be positive");
    }
  }

  @Override
  public Tree tree() {
    return checkFitted().tree;
  }

  @Override
  int nFeaturesIn() {
    return checkFitted().nFeaturesIn;
  }

  /** The class labels, sorted ({@code classes_}). */
  @Override
  public int[] classes() {
    return checkFitted().classes.clone();
  }

  /** The features drawn per split ({@code max_features_}). */
  public int maxFeaturesFitted() {
    return checkFitted().maxFeatures;
  }

  /** The class fractions of the leaf each row of X falls in ({@code predict_proba}). */
  @Override
  public double[][] predictProba(double[][] X) {
    Tree tree = tree();
    int[] leaves = apply(X);
    double[][] proba = new double[leaves.length][];
    for (int i = 0; i < leaves.length; i++) {
      proba[i] = tree.value()[leaves[i]].clone();
    }
    return proba;
  }

  /** The most frequent (weighted) class of each row's leaf, ties to the first class. */
  @Override
  public int[] predict(double[][] X) {
    return Tree.mostProbable(predictProba(X), checkFitted().classes);
  }

  private Fitted checkFitted() {
    return fitted();
  }
}

package semaine.tree;

import java.util.Objects;
import semaine.base.BaseEstimator;
import semaine.base.EstimatorSpec;
import semaine.random.RandomState;
import semaine.util.Checks;

/**
 * What scikit-learn's decision trees share ({@code BaseDecisionTree}): the growth parameters and
 * their setters, the seed of the splitter, and the queries of a fitted tree ({@code apply},
 * {@code get_depth}, {@code get_n_leaves}, {@code feature_importances_}).
 *
 * @param <E> the tree class, returned by the chained setters
 */
public abstract class BaseDecisionTree<E extends BaseDecisionTree<E>> extends BaseEstimator<E> {

  protected BaseDecisionTree(EstimatorSpec<E> spec) {
    super(spec);
  }

  /** {@code splitter}: "best" (default) or "random" (one random threshold per drawn feature). */
  public E splitter(String splitter) {
    return set(TreeParams.SPLITTER, splitter);
  }

  /** {@code max_depth}: the depth limit, the root at depth 0 (default None, no limit). */
  public E maxDepth(Integer maxDepth) {
    return set(TreeParams.MAX_DEPTH, maxDepth);
  }

  /** {@code min_samples_split}: the samples a node needs to be split (default 2). */
  public E minSamplesSplit(int count) {
    return set(TreeParams.MIN_SAMPLES_SPLIT, count);
  }

  /** {@code min_samples_split} as a fraction of the samples, rounded up. */
  public E minSamplesSplit(double fraction) {
    return set(TreeParams.MIN_SAMPLES_SPLIT, fraction);
  }

  /** {@code min_samples_leaf}: the samples each side of a split keeps (default 1). */
  public E minSamplesLeaf(int count) {
    return set(TreeParams.MIN_SAMPLES_LEAF, count);
  }

  /** {@code min_samples_leaf} as a fraction of the samples, rounded up. */
  public E minSamplesLeaf(double fraction) {
    return set(TreeParams.MIN_SAMPLES_LEAF, fraction);
  }

  /** {@code min_weight_fraction_leaf}: the fraction of the total weight a leaf keeps (0). */
  public E minWeightFractionLeaf(double fraction) {
    return set(TreeParams.MIN_WEIGHT_FRACTION_LEAF, fraction);
  }

  /** {@code max_features}: features drawn per split (default None, all). */
  public E maxFeatures(int count) {
    return set(TreeParams.MAX_FEATURES, count);
  }

  /** {@code max_features} as a fraction of the features, at least one. */
  public E maxFeatures(double fraction) {
    return set(TreeParams.MAX_FEATURES, fraction);
  }

  /** {@code max_features}: "sqrt" or "log2" of the number of features. */
  public E maxFeatures(String rule) {
    return set(TreeParams.MAX_FEATURES, rule);
  }

  /** {@code max_leaf_nodes}: grow best-first up to this many leaves (default None). */
  public E maxLeafNodes(Integer maxLeafNodes) {
    return set(TreeParams.MAX_LEAF_NODES, maxLeafNodes);
  }

  /** {@code min_impurity_decrease}: the weighted impurity decrease a split must reach (0). */
  public E minImpurityDecrease(double decrease) {
    return set(TreeParams.MIN_IMPURITY_DECREASE, decrease);
  }

  /** {@code random_state=seed}: a fresh {@code RandomState(seed)} for each fit. */
  public E randomState(long seed) {
    return set(TreeParams.RANDOM_STATE, seed);
  }

  /** {@code random_state=rs}: draws from (and advances) the given shared stream. */
  public E randomState(RandomState rs) {
    return set(TreeParams.RANDOM_STATE, Objects.requireNonNull(rs, "rs"));
  }

  /** {@code ccp_alpha}: prune the splits whose cost-complexity alpha is at most this (0). */
  public E ccpAlpha(double ccpAlpha) {
    return set(TreeParams.CCP_ALPHA, ccpAlpha);
  }

  /** The growth settings for this data ({@link TreeParams#grower}). */
  final TreeGrower grower(int nSamples, int nFeatures, double[] sampleWeight) {
    return TreeParams.grower(p -> get(p), nSamples, nFeatures, sampleWeight);
  }

  /**
   * The splitter's seed: {@code check_random_state(random_state).randint(0, RAND_R_MAX)}, the only
   * draw a tree makes.
   */
  final long splitterSeed() {
    return checkRandomState(get(TreeParams.RANDOM_STATE)).randint(0, XorShiftRandom.RAND_R_MAX);
  }

  /**
   * Checks sample weights: as many as samples, finite; null stays null.
   *
   * @throws IllegalArgumentException naming the rule broken
   */
  static double[] checkSampleWeight(double[] sampleWeight, int nSamples) {
    if (sampleWeight == null) {
      return null;
    }
    Checks.checkSameLength("X", nSamples, "sample_weight", sampleWeight.length);
    Checks.checkVector("sample_weight", sampleWeight);
    return sampleWeight;
  }

  /** The fitted tree ({@code tree_}). */
  public abstract Tree tree();

  /** The number of features seen in fit ({@code n_features_in_}). */
  abstract int nFeaturesIn();

  /** The index of the leaf each row of X falls in ({@code apply}). */
  public int[] apply(double[][] X) {
    Tree tree = tree();
    float[][] rows = TreeInput.rows(X, nFeaturesIn(), getClass().getSimpleName());
    int[] leaves = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      leaves[i] = tree.apply(rows[i]);
    }
    return leaves;
  }

  /** The depth of the tree, the root at 0 ({@code get_depth}). */
  public int getDepth() {
    return tree().maxDepth();
  }

  /** The number of leaves ({@code get_n_leaves}). */
  public int getNLeaves() {
    return tree().nLeaves();
  }

  /** The impurity-based importance of each feature, summing to 1 ({@code feature_importances_}). */
  public double[] featureImportances() {
    return tree().featureImportances(nFeaturesIn());
  }
}

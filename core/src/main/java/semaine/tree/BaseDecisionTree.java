package semaine.tree;

import semaine.base.BaseEstimator;
import semaine.base.EstimatorSpec;

/**
 * What scikit-learn's decision trees share ({@code BaseDecisionTree}): the growth parameters and
 * their setters ({@link TreeSetters}), the seed of the splitter, and the queries of a fitted
 * tree ({@code apply}, {@code get_depth}, {@code get_n_leaves}, {@code feature_importances_}).
 *
 * @param <E> the tree class, returned by the chained setters
 */
public abstract class BaseDecisionTree<E extends BaseDecisionTree<E>> extends BaseEstimator<E>
    implements TreeSetters<E> {

  protected BaseDecisionTree(EstimatorSpec<E> spec) {
    super(spec);
  }

  /** {@code splitter}: "best" (default) or "random" (one random threshold per drawn feature). */
  public E splitter(String splitter) {
    return set(TreeParams.SPLITTER, splitter);
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

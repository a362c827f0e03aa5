package semaine.tree;

import java.util.Objects;
import semaine.random.RandomState;

/**
 * The chained setters of the growth parameters, for the trees and the forests alike: each stores
 * the value under its scikit-learn name ({@link TreeParams}), checked at fit.
 *
 * @param <E> the estimator class, returned by each setter
 */
public interface TreeSetters<E> {

  /** Stores a parameter by name (the estimator's {@code setParam}). */
  E setParam(String name, Object value);

  /** {@code criterion}: the impurity a split decreases ("gini", "squared_error"...). */
  default E criterion(String criterion) {
    return setParam("criterion", criterion);
  }

  /** {@code max_depth}: the depth limit, the root at depth 0 (default None, no limit). */
  default E maxDepth(Integer maxDepth) {
    return setParam(TreeParams.MAX_DEPTH.name(), maxDepth);
  }

  /** {@code min_samples_split}: the samples a node needs to be split (default 2). */
  default E minSamplesSplit(int count) {
    return setParam(TreeParams.MIN_SAMPLES_SPLIT.name(), count);
  }

  /** {@code min_samples_split} as a fraction of the samples, rounded up. */
  default E minSamplesSplit(double fraction) {
    return setParam(TreeParams.MIN_SAMPLES_SPLIT.name(), fraction);
  }

  /** {@code min_samples_leaf}: the samples each side of a split keeps (default 1). */
  default E minSamplesLeaf(int count) {
    return setParam(TreeParams.MIN_SAMPLES_LEAF.name(), count);
  }

  /** {@code min_samples_leaf} as a fraction of the samples, rounded up. */
  default E minSamplesLeaf(double fraction) {
    return setParam(TreeParams.MIN_SAMPLES_LEAF.name(), fraction);
  }

  /** {@code min_weight_fraction_leaf}: the fraction of the total weight a leaf keeps (0). */
  default E minWeightFractionLeaf(double fraction) {
    return setParam(TreeParams.MIN_WEIGHT_FRACTION_LEAF.name(), fraction);
  }

  /** {@code max_features}: features drawn per split. */
  default E maxFeatures(int count) {
    return setParam(TreeParams.MAX_FEATURES.name(), count);
  }

  /** {@code max_features} as a fraction of the features, at least one. */
  default E maxFeatures(double fraction) {
    return setParam(TreeParams.MAX_FEATURES.name(), fraction);
  }

  /** {@code max_features}: "sqrt" or "log2" of the number of features, or null for all. */
  default E maxFeatures(String rule) {
    return setParam(TreeParams.MAX_FEATURES.name(), rule);
  }

  /** {@code max_leaf_nodes}: grow best-first up to this many leaves (default None). */
  default E maxLeafNodes(Integer maxLeafNodes) {
    return setParam(TreeParams.MAX_LEAF_NODES.name(), maxLeafNodes);
  }

  /** {@code min_impurity_decrease}: the weighted impurity decrease a split must reach (0). */
  default E minImpurityDecrease(double decrease) {
    return setParam(TreeParams.MIN_IMPURITY_DECREASE.name(), decrease);
  }

  /** {@code ccp_alpha}: prune the splits whose cost-complexity alpha is at most this (0). */
  default E ccpAlpha(double ccpAlpha) {
    return setParam(TreeParams.CCP_ALPHA.name(), ccpAlpha);
  }

  /**
   * {@code monotonic_cst}: per feature 1 (the prediction may only increase with it), −1 (only
   * decrease) or 0 (free); for classifiers, on the positive class's probability, two classes
   * only. Null (default) for none.
   */
  default E monotonicCst(int... cst) {
    return setParam(TreeParams.MONOTONIC_CST.name(), cst);
  }

  /** {@code random_state=seed}: a fresh {@code RandomState(seed)} for each fit. */
  default E randomState(long seed) {
    return setParam(TreeParams.RANDOM_STATE.name(), seed);
  }

  /** {@code random_state=rs}: draws from (and advances) the given shared stream. */
  default E randomState(RandomState rs) {
    return setParam(TreeParams.RANDOM_STATE.name(), Objects.requireNonNull(rs, "rs"));
  }
}

package semaine.tree;

import java.util.function.Function;
import semaine.base.Param;
import semaine.base.Rule;

/**
 * The parameters of scikit-learn's trees, declared once for the trees and the forests of trees,
 * with scikit-learn's names, defaults and constraints, and their reading at fit time
 * ({@code BaseDecisionTree._fit}).
 */
public final class TreeParams {

  /** "best": the best threshold of each drawn feature; "random": one random threshold each. */
  public static final Param<String> SPLITTER =
      Param.of("splitter", "best", Rule.options("best", "random"));
  public static final Param<Integer> MAX_DEPTH =
      Param.of("max_depth", null, Rule.none(), Rule.ints(1, null));
  public static final Param<Object> MIN_SAMPLES_SPLIT = Param.of("min_samples_split", 2,
      Rule.ints(2, null), Rule.realsNotInt(0.0, false, 1.0, true));
  public static final Param<Object> MIN_SAMPLES_LEAF = Param.of("min_samples_leaf", 1,
      Rule.ints(1, null), Rule.realsNotInt(0.0, false, 1.0, false));
  public static final Param<Double> MIN_WEIGHT_FRACTION_LEAF =
      Param.of("min_weight_fraction_leaf", 0.0, Rule.reals(0.0, true, 0.5, true));
  public static final Param<Object> MAX_FEATURES = maxFeatures(null);
  public static final Param<Object> RANDOM_STATE =
      Param.of("random_state", null, Rule.randomState());
  public static final Param<Integer> MAX_LEAF_NODES =
      Param.of("max_leaf_nodes", null, Rule.none(), Rule.ints(2, null));
  public static final Param<Double> MIN_IMPURITY_DECREASE =
      Param.of("min_impurity_decrease", 0.0, Rule.atLeast(0.0));
  /** None, "balanced", or a dict of class weights as text, "{0: 1, 2: 3.5}". */
  public static final Param<String> CLASS_WEIGHT = Param.of("class_weight", null, Rule.none(),
      Rule.options("balanced"), Rule.text(ClassWeight.DICT,
          "a dict of class weights such as \"{0: 1, 1: 2.5}\""));
  /** Minimal cost-complexity pruning: collapse the splits whose alpha is at most this. */
  public static final Param<Double> CCP_ALPHA = Param.of("ccp_alpha", 0.0, Rule.atLeast(0.0));

  /**
   * The monotonic constraint of each feature: 1 increasing, −1 decreasing, 0 none (default None,
   * no constraint); on the probability of the positive class for binary classifiers.
   */
  public static final Param<int[]> MONOTONIC_CST =
      Param.of("monotonic_cst", null, Rule.none(), Rule.intList(-1));

  private TreeParams() {}

  /**
   * {@code monotonic_cst} checked against the data as {@code BaseDecisionTree._fit} checks it:
   * one constraint per feature, each −1, 0 or 1, and for classifiers at most two classes; for a
   * classifier the signs are flipped, the splitter constraining the fraction of class 0.
   *
   * @param cst the parameter's value, or null
   * @param nClasses the number of classes, or 0 for a regressor
   * @return the constraints for the splitter, or null for none
   */
  public static int[] monotonicCst(int[] cst, int nFeatures, int nClasses) {
    if (cst == null) {
      return null;
    }
    if (cst.length != nFeatures) {
      throw new IllegalArgumentException("monotonic_cst has shape " + cst.length
          + " but the input data X has " + nFeatures + " features.");
    }
    if (java.util.Arrays.stream(cst).anyMatch(c -> c < -1 || c > 1)) {
      throw new IllegalArgumentException("monotonic_cst must be None or an array-like of -1, 0"
          + " or 1, but got " + java.util.Arrays.toString(
              java.util.Arrays.stream(cst).distinct().sorted().toArray()));
    }
    if (nClasses > 2) {
      throw new IllegalArgumentException(
          "Monotonicity constraints are not supported with multiclass classification");
    }
    int sign = nClasses > 0 ? -1 : 1;
    return java.util.Arrays.stream(cst).map(c -> sign * c).toArray();
  }

  /** {@code max_features} with the given default (None for a tree, "sqrt" or 1.0 for forests). */
  public static Param<Object> maxFeatures(Object defaultValue) {
    return Param.of("max_features", defaultValue, Rule.none(), Rule.ints(1, null),
        Rule.realsNotInt(0.0, false, 1.0, true), Rule.options("sqrt", "log2"));
  }

  /**
   * The growth settings of one tree from its parameters, as {@code BaseDecisionTree._fit} reads
   * them: fractions of the samples rounded up, {@code min_samples_split} at least
   * 2·{@code min_samples_leaf}, {@code max_features} "sqrt" and "log2" as
   * {@code max(1, int(f(n_features)))}, a fraction as {@code max(1, int(f·n_features))}, and
   * {@code min_weight_leaf} the weight fraction of n (or of Σ sample weights).
   *
   * @param get reads a parameter
   * @param sampleWeight the weights, or null
   */
  public static TreeGrower grower(Function<Param<?>, Object> get, int nSamples, int nFeatures,
      double[] sampleWeight) {
    Integer maxDepth = (Integer) get.apply(MAX_DEPTH);
    Object leaf = get.apply(MIN_SAMPLES_LEAF);
    int minSamplesLeaf = leaf instanceof Integer count ? count
        : (int) Math.ceil((Double) leaf * nSamples);
    Object split = get.apply(MIN_SAMPLES_SPLIT);
    int minSamplesSplit = split instanceof Integer count ? count
        : Math.max(2, (int) Math.ceil((Double) split * nSamples));
    minSamplesSplit = Math.max(minSamplesSplit, 2 * minSamplesLeaf);
    Object features = get.apply(MAX_FEATURES);
    int maxFeatures;
    if (features == null) {
      maxFeatures = nFeatures;
    } else if (features instanceof Integer count) {
      maxFeatures = count;   // more than n_features draws them all, as in scikit-learn
    } else if (features instanceof Double fraction) {
      maxFeatures = Math.max(1, (int) (fraction * nFeatures));
    } else if (features.equals("sqrt")) {
      maxFeatures = Math.max(1, (int) Math.sqrt(nFeatures));
    } else {
      maxFeatures = Math.max(1, 31 - Integer.numberOfLeadingZeros(nFeatures));   // int(log2 p)
    }
    double total = sampleWeight == null ? nSamples : semaine.util.Sums.pairwise(sampleWeight);
    double minWeightLeaf = (Double) get.apply(MIN_WEIGHT_FRACTION_LEAF) * total;
    Integer maxLeafNodes = (Integer) get.apply(MAX_LEAF_NODES);
    return new TreeGrower(maxDepth == null ? Integer.MAX_VALUE : maxDepth, minSamplesSplit,
        minSamplesLeaf, minWeightLeaf, maxFeatures, maxLeafNodes == null ? -1 : maxLeafNodes,
        (Double) get.apply(MIN_IMPURITY_DECREASE), get.apply(SPLITTER).equals("random"),
        (Double) get.apply(CCP_ALPHA));
  }
}

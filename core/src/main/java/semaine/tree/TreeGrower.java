package semaine.tree;

/**
 * How one tree grows, its parameters resolved for the data ({@link TreeParams#grower}); grows
 * classification and regression trees from X as float32 columns.
 *
 * @param maxDepth the depth limit, {@code Integer.MAX_VALUE} for None
 * @param minSamplesSplit at least 2·minSamplesLeaf
 * @param minSamplesLeaf samples each side of a split keeps
 * @param minWeightLeaf weight each side of a split keeps
 * @param maxFeatures features drawn per split
 * @param maxLeafNodes the leaf limit, −1 for None (depth-first growth)
 * @param minImpurityDecrease the weighted impurity decrease a split must reach
 * @param random true for random thresholds (extra trees)
 * @param ccpAlpha the cost-complexity pruning parameter, 0 for none
 * @param monotonicCst the splitter's constraint per feature ({@link TreeParams#monotonicCst}),
 *     or null for none
 * @param parallelSort true to sort the large nodes on more than one core (a single tree; the
 *     trees of a forest share the cores among themselves)
 */
public record TreeGrower(int maxDepth, int minSamplesSplit, int minSamplesLeaf,
    double minWeightLeaf, int maxFeatures, int maxLeafNodes, double minImpurityDecrease,
    boolean random, double ccpAlpha, int[] monotonicCst, boolean parallelSort) {

  /** The growth without monotonic constraints. */
  public TreeGrower(int maxDepth, int minSamplesSplit, int minSamplesLeaf, double minWeightLeaf,
      int maxFeatures, int maxLeafNodes, double minImpurityDecrease, boolean random,
      double ccpAlpha) {
    this(maxDepth, minSamplesSplit, minSamplesLeaf, minWeightLeaf, maxFeatures, maxLeafNodes,
        minImpurityDecrease, random, ccpAlpha, null, false);
  }

  /** The same growth under monotonic constraints (null for none). */
  public TreeGrower withMonotonicCst(int[] cst) {
    return new TreeGrower(maxDepth, minSamplesSplit, minSamplesLeaf, minWeightLeaf, maxFeatures,
        maxLeafNodes, minImpurityDecrease, random, ccpAlpha, cst, parallelSort);
  }

  /** The same growth, its large nodes sorted on more than one core: the same tree. */
  public TreeGrower withParallelSort() {
    return new TreeGrower(maxDepth, minSamplesSplit, minSamplesLeaf, minWeightLeaf, maxFeatures,
        maxLeafNodes, minImpurityDecrease, random, ccpAlpha, monotonicCst, true);
  }

  /**
   * A classification tree.
   *
   * @param columns X as float32 columns, (n_features, n_samples)
   * @param y each sample's class index
   * @param sampleWeight weights, or null
   * @param criterion "gini", "entropy" or "log_loss"
   * @param randRSeed the splitter's seed, {@code randint(0, RAND_R_MAX)} of the tree's stream
   */
  public Tree growClassifier(float[][] columns, int[] y, int nClasses, double[] sampleWeight,
      String criterion, long randRSeed) {
    Criterion c = new ClassificationCriterion(y, nClasses, sampleWeight,
        !criterion.equals("gini"));
    return grow(columns, y.length, c, randRSeed, nClasses);
  }

  /**
   * A regression tree on the squared error ("squared_error", or the deprecated "friedman_mse"
   * scikit-learn 1.9 maps to it).
   */
  public Tree growRegressor(float[][] columns, double[] y, double[] sampleWeight,
      long randRSeed) {
    return growRegressor(columns, y, sampleWeight, "squared_error", randRSeed);
  }

  /**
   * A regression tree on a criterion: "squared_error" (or "friedman_mse"), "poisson",
   * "absolute_error".
   *
   * @param y the targets, already checked for the criterion
   *     ({@link TreeInput#checkRegressionTarget})
   */
  public Tree growRegressor(float[][] columns, double[] y, double[] sampleWeight,
      String criterion, long randRSeed) {
    Criterion c = switch (criterion) {
      case "poisson" -> new Poisson(y, sampleWeight);
      case "absolute_error" -> new AbsoluteError(y, sampleWeight);
      default -> new SquaredError(y, sampleWeight);
    };
    return grow(columns, y.length, c, randRSeed, 1);
  }

  private Tree grow(float[][] columns, int n, Criterion criterion, long randRSeed, int width) {
    Splitter splitter = new Splitter(columns, n, criterion, maxFeatures, minSamplesLeaf,
        minWeightLeaf, random, randRSeed, monotonicCst, parallelSort,
        maxLeafNodes < 0 ? PresortedSubtree.SUBTREE : 0, true);
    Tree tree = new TreeBuilder(splitter, new TreeBuilder.Limits(maxDepth, minSamplesSplit,
        minSamplesLeaf, minWeightLeaf, maxLeafNodes, minImpurityDecrease), width).build();
    return ccpAlpha == 0.0 ? tree : CostComplexityPruning.prune(tree, ccpAlpha);
  }
}

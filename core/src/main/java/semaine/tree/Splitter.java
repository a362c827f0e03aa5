package semaine.tree;

/**
 * Finds the split of a node as scikit-learn 1.9's dense {@code BestSplitter} and
 * {@code RandomSplitter} do ({@code sklearn/tree/_splitter.pyx}, {@code _partitioner.pyx}), draw
 * for draw and float for float.
 *
 * <p>The candidate features are drawn by a Fisher–Yates walk over {@code features}, an array kept
 * from node to node: features a parent found constant are skipped (they still count as visited),
 * and at least one non-constant feature is evaluated even when {@code max_features} are spent on
 * constants. A feature is constant in a node when its range is at most 1e-7 (in float32).
 * <ul>
 *   <li>best: the node's samples are sorted on the feature ({@link SimultaneousSort}) and every
 *       position between two values more than 1e-7 apart is tried, keeping the first best proxy
 *       improvement; the threshold is the midpoint {@code v[p−1]/2 + v[p]/2} in double;</li>
 *   <li>random: one threshold drawn uniformly in [min, max) of the feature (the max is replaced by
 *       the min), the samples partitioned on it.</li>
 * </ul>
 * A split leaving fewer than {@code min_samples_leaf} samples or less than {@code min_weight_leaf}
 * weight on a side is not a candidate; nor, on a feature with a monotonic constraint, a split
 * whose two parts' values leave the node's bounds or are in the wrong order
 * ({@link Criterion#checkMonotonicity}).
 *
 * <p>With the squared error, the best splitter and no constraint, the nodes are not sorted one by
 * one: the whole tree is presorted and each split hands every feature's order to its children
 * ({@link PresortedSubtree}), subtrees of up to {@link PresortedSubtree#SUBTREE} samples on
 * their own copies in depth-first growth; the orders, sums and splits are the same.
 */
final class Splitter {

  /** {@code FEATURE_THRESHOLD}, a float32: values no further apart count as equal. */
  private static final float FEATURE_THRESHOLD = FeatureThreshold.VALUE;
  /** The smallest node whose gathers {@link #inHalves} splits between two cores. */
  private static final int PARALLEL_LOOP = 1 << 15;

  /** What {@link #split} found; {@code pos == end} when no split qualifies. */
  record Split(int pos, int feature, double threshold, double impurityLeft,
      double impurityRight, double improvement, boolean missingGoToLeft,
      int nConstantFeatures) {}

  private final float[][] columns;        // (n_features, n_samples) X as float32, by column
  /** The criterion of the current node: {@link #fullCriterion} or {@link #presorted}'s. */
  private Criterion criterion;
  private final Criterion fullCriterion;
  /** The squared error's small subtrees, their nodes presorted; null when not used. */
  private final PresortedSubtree presorted;
  /** The whole tree presorted, the subtrees of {@link #presorted} started from it; or null. */
  private final PresortedSubtree wholeTree;
  /** The one of the two the current node is split in, or null. */
  private PresortedSubtree active;
  private final int maxFeatures;
  private final int minSamplesLeaf;
  private final double minWeightLeaf;
  private final boolean random;
  private final XorShiftRandom rng;
  final int[] samples;                    // indices of the samples of non-zero weight
  private final float[] featureValues;    // the current feature, aligned with samples
  private long[] keys;                    // (value, sample) pairs packed for the sort
  private long[] scratch;                 // their copy sorted by the JDK's sort
  private long[] spare;                   // room for the radix sort of the copy
  private int[] ties;                     // ties counted along the copy
  /** True when the order of tied samples cannot change the tree ({@link Criterion#orderFree}). */
  private final boolean anyTieOrder;
  /** True to sort large nodes on more than one core ({@link SimultaneousSort#sortParallel}). */
  private final boolean parallelSort;
  /** The criterion's own best-split scan, when it has one for these weights, or null. */
  private final ClassificationCriterion fusedScan;
  /** The squared error's own scan, when there is no monotonic constraint, or null. */
  private final SquaredError fusedMse;
  /** For {@link #fusedMse}: w·y and w of the samples, gathered in sorted order. */
  private final double[] sortedWeightedY;
  private final double[] sortedWeights;
  private final int[] features;           // Fisher-Yates state, kept across nodes
  private final int[] constantFeatures;   // constant features, ancestors first
  /** (n_features,) −1, 0 or 1 per feature (flipped for classifiers), or null for none. */
  final int[] monotonicCst;

  /**
   * {@code Splitter.init}: the samples of non-zero weight in increasing order, all the weights
   * summed in index order.
   *
   * @param columns X as float32, one array per feature
   * @param randRSeed the first {@code randint(0, RAND_R_MAX)} of the tree's random state
   * @param monotonicCst the constraint of each feature, or null
   * @param parallelSort true to sort large nodes on more than one core
   * @param presortLimit the largest node a presorted subtree starts at (0 for none): the
   *     nodes must then be split a subtree at a time, depth first
   * @param presortWholeTree true to presort the whole tree, the subtrees then taken from it
   */
  Splitter(float[][] columns, int nSamples, Criterion criterion, int maxFeatures,
      int minSamplesLeaf, double minWeightLeaf, boolean random, long randRSeed,
      int[] monotonicCst, boolean parallelSort, int presortLimit, boolean presortWholeTree) {
    this.parallelSort = parallelSort;
    this.monotonicCst = monotonicCst;
    this.columns = columns;
    this.criterion = criterion;
    this.fullCriterion = criterion;
    this.maxFeatures = maxFeatures;
    this.minSamplesLeaf = minSamplesLeaf;
    this.minWeightLeaf = minWeightLeaf;
    this.random = random;
    this.rng = new XorShiftRandom(randRSeed);
    double[] sw = criterion.sampleWeight;
    int[] kept = new int[nSamples];
    int count = 0;
    double weighted = 0.0;
    for (int i = 0; i < nSamples; i++) {
      if (sw == null || sw[i] != 0.0) {
        kept[count++] = i;
      }
      weighted += sw == null ? 1.0 : sw[i];
    }
    this.samples = java.util.Arrays.copyOf(kept, count);
    this.featureValues = new float[count];
    this.anyTieOrder = criterion.orderFree();
    this.fusedScan = anyTieOrder && monotonicCst == null
        && criterion instanceof ClassificationCriterion c ? c : null;
    this.fusedMse = !random && monotonicCst == null && criterion instanceof SquaredError c
        ? c : null;
    this.sortedWeightedY = fusedMse == null ? null : new double[count];
    this.sortedWeights = fusedMse == null || sw == null ? null : new double[count];
    this.features = new int[columns.length];
    for (int f = 0; f < features.length; f++) {
      features[f] = f;
    }
    this.constantFeatures = new int[columns.length];
    criterion.samples = samples;
    criterion.weightedNSamples = weighted;
    boolean subtrees = fusedMse != null && presortLimit > 0 && presortLimit < count;
    this.wholeTree = fusedMse != null && presortWholeTree ? new PresortedSubtree(columns,
        samples, count, fusedMse.y, sw, weighted, parallelSort, subtrees) : null;
    this.presorted = subtrees ? new PresortedSubtree(columns, samples, presortLimit,
        fusedMse.y, sw, weighted, parallelSort, false) : null;
  }

  /** The number of samples of non-zero weight, the root's {@code n_node_samples}. */
  int nSamples() {
    return samples.length;
  }

  /** {@code node_reset}: the criterion on {@code samples[start:end]}; returns its weight. */
  double nodeReset(int start, int end) {
    active = null;
    if (presorted != null && presorted.contains(start, end)) {
      active = presorted;
    } else if (presorted != null && end - start <= presorted.limit) {
      if (wholeTree != null) {
        presorted.enterFrom(wholeTree, start, end);
      } else {
        presorted.enter(samples, start, end);
      }
      active = presorted;
    } else if (wholeTree != null) {
      if (!wholeTree.contains(start, end)) {
        wholeTree.enter(samples, start, end);   // the root
      }
      active = wholeTree;
    }
    criterion = active == null ? fullCriterion : active.criterion;
    criterion.init(start, end);
    return criterion.weightedNNodeSamples;
  }

  double nodeImpurity() {
    return criterion.nodeImpurity();
  }

  /** The node's value, clipped into {@code [lowerBound, upperBound]} under constraints. */
  void nodeValue(double[] dest, double lowerBound, double upperBound) {
    criterion.nodeValue(dest);
    if (monotonicCst != null) {
      criterion.clipNodeValue(dest, lowerBound, upperBound);
    }
  }

  /** The constraint on a feature: −1, 0 or 1. */
  int constraint(int feature) {
    return monotonicCst == null ? 0 : monotonicCst[feature];
  }

  /** {@code middle_value} at the split just found: its children's shared bound. */
  double middleValue() {
    return criterion.middleValue();
  }

  /**
   * {@code node_split}: the split of {@code samples[start:end]} (after {@link #nodeReset}); the
   * samples are left partitioned at its position.
   *
   * @param impurity the node's impurity
   * @param nKnownConstants how many features the ancestors found constant
   * @param lowerBound the node's lower monotonic bound (−∞ without constraints)
   * @param upperBound the node's upper monotonic bound (+∞ without constraints)
   */
  Split split(int start, int end, double impurity, int nKnownConstants, double lowerBound,
      double upperBound) {
    int fI = features.length;
    int nFoundConstants = 0;
    int nDrawnConstants = 0;
    int nTotalConstants = nKnownConstants;
    int nVisited = 0;
    double bestProxy = Double.NEGATIVE_INFINITY;
    int bestPos = end;
    int bestFeature = 0;
    double bestThreshold = 0.0;
    boolean bestMissingLeft = false;
    int currentFeature = -1;
    PresortedSubtree presorted = active;
    boolean inSubtree = presorted != null;
    if (inSubtree) {
      presorted.begin();
    }
    SquaredError mse = fusedMse == null ? null : (SquaredError) criterion;
    while (fI > nTotalConstants
        && (nVisited < maxFeatures || nVisited <= nFoundConstants + nDrawnConstants)) {
      nVisited++;
      // features[:nDrawn] drawn known constants, [nDrawn:nKnown] known constants not drawn yet,
      // [nKnown:nTotal] found constant here, [nTotal:fI] not drawn yet, [fI:] drawn non-constant
      int fJ = rng.randInt(nDrawnConstants, fI - nFoundConstants);
      if (fJ < nKnownConstants) {
        swap(features, nDrawnConstants, fJ);
        nDrawnConstants++;
        continue;
      }
      fJ += nFoundConstants;
      int feature = features[fJ];
      currentFeature = feature;
      float[] column = columns[feature];
      float min;
      float max;
      if (inSubtree) {
        presorted.sortOn(feature, start, end, featureValues, sortedWeightedY, sortedWeights);
        min = featureValues[start];
        max = featureValues[end - 1];
      } else if (random) {
        min = column[samples[start]];
        max = min;
        for (int p = start; p < end; p++) {
          float v = column[samples[p]];
          featureValues[p] = v;
          if (v < min) {
            min = v;
          } else if (v > max) {
            max = v;
          }
        }
      } else {
        sortOn(column, start, end);
        min = featureValues[start];
        max = featureValues[end - 1];
      }
      if (max <= min + FEATURE_THRESHOLD) {
        features[fJ] = features[nTotalConstants];
        features[nTotalConstants] = feature;
        nFoundConstants++;
        nTotalConstants++;
        continue;
      }
      fI--;
      swap(features, fI, fJ);
      if (random) {
        double threshold = rng.uniform(min, max);
        if (threshold == max) {
          threshold = min;
        }
        int pos = partition(start, end, threshold);
        if (pos - start < minSamplesLeaf || end - pos < minSamplesLeaf) {
          continue;
        }
        criterion.reset();
        criterion.update(pos);
        if (criterion.weightedNLeft < minWeightLeaf || criterion.weightedNRight < minWeightLeaf
            || violates(feature, lowerBound, upperBound)) {
          continue;
        }
        double proxy = criterion.proxyImpurityImprovement();
        if (proxy > bestProxy) {
          bestProxy = proxy;
          bestPos = pos;
          bestFeature = feature;
          bestThreshold = threshold;
          bestMissingLeft = pos - start > end - pos;
        }
        continue;
      }
      criterion.reset();
      if (fusedScan != null || fusedMse != null) {
        int p = fusedScan != null
            ? fusedScan.scanBest(featureValues, minSamplesLeaf, minWeightLeaf, bestProxy)
            : mse.scanBest(featureValues, sortedWeightedY, sortedWeights, minSamplesLeaf,
                minWeightLeaf, bestProxy);
        if (p >= 0) {
          bestProxy = fusedScan != null ? fusedScan.scanProxy : mse.scanProxy;
          bestPos = p;
          bestFeature = feature;
          bestThreshold = featureValues[p - 1] / 2.0 + featureValues[p] / 2.0;
          bestMissingLeft = p - start > end - p;
        }
        continue;
      }
      int p = start;
      while (p < end) {
        // next position whose value is above the previous one by more than the tolerance
        p++;
        while (p < end && featureValues[p] <= featureValues[p - 1] + FEATURE_THRESHOLD) {
          p++;
        }
        if (p == end) {
          continue;
        }
        if (p - start < minSamplesLeaf || end - p < minSamplesLeaf) {
          continue;
        }
        criterion.update(p);
        if (violates(feature, lowerBound, upperBound)
            || criterion.weightedNLeft < minWeightLeaf || criterion.weightedNRight < minWeightLeaf) {
          continue;
        }
        double proxy = criterion.proxyImpurityImprovement();
        if (proxy > bestProxy) {
          bestProxy = proxy;
          bestPos = p;
          bestFeature = feature;
          bestThreshold = featureValues[p - 1] / 2.0 + featureValues[p] / 2.0;
          bestMissingLeft = p - start > end - p;
        }
      }
    }
    double impurityLeft = Double.POSITIVE_INFINITY;
    double impurityRight = Double.POSITIVE_INFINITY;
    double improvement = Double.NEGATIVE_INFINITY;
    if (bestPos < end) {
      if (inSubtree) {
        presorted.finish(start, end, bestFeature, bestThreshold);
      } else if (!random || currentFeature != bestFeature) {
        partitionFinal(start, end, bestFeature, bestThreshold);
      }
      criterion.reset();
      criterion.update(bestPos);
      double[] children = criterion.childrenImpurity();
      impurityLeft = children[0];
      impurityRight = children[1];
      improvement = criterion.impurityImprovement(impurity, impurityLeft, impurityRight);
    }
    // the known constants keep their original order for siblings and children
    System.arraycopy(constantFeatures, 0, features, 0, nKnownConstants);
    System.arraycopy(features, nKnownConstants, constantFeatures, nKnownConstants,
        nFoundConstants);
    return new Split(bestPos, bestFeature, bestThreshold, impurityLeft, impurityRight,
        improvement, bestMissingLeft, nTotalConstants);
  }

  /**
   * Sorts {@code samples[start:end]} on a feature's values, left in {@code featureValues}: with
   * scikit-learn's steps, or in any order of ties when the criterion's sums do not depend on the
   * order of the samples.
   */
  private void sortOn(float[] column, int start, int end) {
    if (keys == null) {   // the buffers of the first node sorted here
      int count = samples.length;
      keys = new long[count];
      scratch = anyTieOrder ? null : new long[count];
      spare = anyTieOrder ? null : new long[count];
      ties = anyTieOrder ? null : new int[count];
    }
    boolean halves = parallelSort && end - start >= PARALLEL_LOOP;
    if (halves) {
      inHalves(start, end, (from, to) -> gatherKeys(column, from, to));
    } else {
      gatherKeys(column, start, end);
    }
    int n = end - start;
    if (anyTieOrder) {
      SimultaneousSort.sortAnyTieOrder(keys, start, n);
    } else {
      SimultaneousSort.sortAsIntrosort(keys, scratch, spare, ties, start, n,
          parallelSort);
    }
    if (halves) {
      inHalves(start, end, this::scatterKeys);
    } else {
      scatterKeys(start, end);
    }
  }

  /** The (value, sample) keys of {@code samples[start:end]} on a feature. */
  private void gatherKeys(float[] column, int start, int end) {
    for (int p = start; p < end; p++) {
      int i = samples[p];
      keys[p] = SimultaneousSort.key(column[i], i);
    }
  }

  /** The sorted keys back into the samples and their values (and targets for the scan). */
  private void scatterKeys(int start, int end) {
    for (int p = start; p < end; p++) {
      long key = keys[p];
      samples[p] = SimultaneousSort.payload(key);
      featureValues[p] = SimultaneousSort.value(key);
    }
    if (fusedMse != null) {
      gatherTargets(start, end);
    }
  }

  /**
   * Runs a loop over {@code [start, end)} whose items are independent: the first half on
   * another core, the second half here.
   */
  private static void inHalves(int start, int end, semaine.util.Parallel.RangeBody body) {
    int middle = start + (end - start) / 2;
    java.util.concurrent.ForkJoinTask<?> first =
        java.util.concurrent.ForkJoinTask.adapt(() -> body.run(start, middle)).fork();
    body.run(middle, end);
    first.join();
  }

  /** w·y and w of {@code samples[start:end]}, in their order, for the fused scan. */
  private void gatherTargets(int start, int end) {
    double[] y = fusedMse.y;
    double[] sw = fusedMse.sampleWeight;
    for (int p = start; p < end; p++) {
      int i = samples[p];
      double w = sw == null ? 1.0 : sw[i];
      sortedWeightedY[p] = w * y[i];
      if (sw != null) {
        sortedWeights[p] = w;
      }
    }
  }

  /** True when the feature is constrained and the split at the criterion's position breaks it. */
  private boolean violates(int feature, double lowerBound, double upperBound) {
    int cst = constraint(feature);
    return cst != 0 && !criterion.checkMonotonicity(cst, lowerBound, upperBound);
  }

  /** {@code partition_samples}: the current feature's values {@code <= threshold} first. */
  private int partition(int start, int end, double threshold) {
    int left = start;
    int right = end;
    while (left < right) {
      if (featureValues[left] <= threshold) {
        left++;
      } else {
        right--;
        float v = featureValues[left];
        featureValues[left] = featureValues[right];
        featureValues[right] = v;
        swap(samples, left, right);
      }
    }
    return right;
  }

  /** {@code partition_samples_final}: the same two-pointer partition, on X itself. */
  private void partitionFinal(int start, int end, int feature, double threshold) {
    float[] column = columns[feature];
    int left = start;
    int right = end;
    while (left < right) {
      if (column[samples[left]] <= threshold) {
        left++;
      } else {
        right--;
        swap(samples, left, right);
      }
    }
  }

  private static void swap(int[] a, int i, int j) {
    int t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}

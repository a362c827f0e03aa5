package semaine.tree;

import java.util.Arrays;

/**
 * The {@code "absolute_error"} criterion ({@code MAE} of scikit-learn 1.9): a node predicts the
 * weighted median of its targets and its impurity is the weighted mean absolute deviation from it,
 * Σw·|y − median| / W.
 *
 * <p>{@link #reset} precomputes, for the node's current sample order, the absolute error and the
 * median of every prefix {@code samples[start:p+1]} (forward pass) and every suffix
 * {@code samples[p:end]} (backward pass): each sample is activated at the rank of its target in a
 * {@link WeightedFenwickTree}, the median found where the cumulative weight crosses half the total
 * (the mean of two ranks when a prefix weighs exactly half), and the absolute error read from the
 * prefix sums as {@code (Σwy_right − m·W_right) + (m·W_left − Σwy_left)}. {@link #update} then only
 * moves the weights. The targets are ranked by scikit-learn's sort; the sort runs on each
 * target's dense rank among the distinct targets (a float, exact up to 2²⁴ distinct values),
 * which orders and ties them as the targets themselves do, so it takes the same steps.
 */
final class AbsoluteError extends Criterion {

  private final double[] y;
  private final float[] yKey;          // (n_samples,) the dense rank of each target
  private final double[] leftAbsErrors;
  private final double[] rightAbsErrors;
  private final double[] leftMedians;
  private final double[] rightMedians;
  private final int[] ranks;           // by position p: the rank of samples[p]'s target
  private final float[] sortKeys;      // work buffers, from 0
  private final int[] sortedIndices;
  private final double[] sortedY;
  private final WeightedFenwickTree prefixSums;
  private double nodeMedian;

  AbsoluteError(double[] y, double[] sampleWeight) {
    super(sampleWeight);
    this.y = y;
    int n = y.length;
    this.yKey = denseRanks(y);
    leftAbsErrors = new double[n];
    rightAbsErrors = new double[n];
    leftMedians = new double[n];
    rightMedians = new double[n];
    ranks = new int[n];
    sortKeys = new float[n];
    sortedIndices = new int[n];
    sortedY = new double[n];
    prefixSums = new WeightedFenwickTree(n);
  }

  /** Each target's index among the sorted distinct targets (−0 and 0 alike), as a float. */
  private static float[] denseRanks(double[] y) {
    double[] distinct = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      distinct[i] = y[i] + 0.0;
    }
    Arrays.sort(distinct);
    int count = 0;
    for (int i = 0; i < distinct.length; i++) {
      if (count == 0 || distinct[i] != distinct[count - 1]) {
        distinct[count++] = distinct[i];
      }
    }
    if (count > 1 << 24) {
      throw new IllegalArgumentException("criterion='absolute_error' handles at most 2^24 = "
          + (1 << 24) + " distinct values of y, got " + count);
    }
    float[] keys = new float[y.length];
    for (int i = 0; i < y.length; i++) {
      keys[i] = Arrays.binarySearch(distinct, 0, count, y[i] + 0.0);
    }
    return keys;
  }

  @Override
  void init(int start, int end) {
    this.start = start;
    this.end = end;
    weightedNNodeSamples = 0.0;
    for (int p = start; p < end; p++) {
      weightedNNodeSamples += weight(samples[p]);
    }
    reset();
  }

  /** Everything on the right, and the precomputation for the current sample order. */
  @Override
  void reset() {
    weightedNLeft = 0.0;
    weightedNRight = weightedNNodeSamples;
    pos = start;
    int n = end - start;
    Arrays.fill(leftAbsErrors, start, end, 0.0);
    Arrays.fill(rightAbsErrors, start, end, 0.0);
    for (int p = start; p < end; p++) {
      sortKeys[p - start] = yKey[samples[p]];
      sortedIndices[p - start] = p - start;
    }
    SimultaneousSort.sort(sortKeys, sortedIndices, 0, n);
    for (int r = 0; r < n; r++) {
      ranks[start + sortedIndices[r]] = r;
      sortedY[r] = y[samples[start + sortedIndices[r]]];
    }
    precompute(start, end, 1, leftAbsErrors, leftMedians);
    precompute(end - 1, start - 1, -1, rightAbsErrors, rightMedians);
    nodeMedian = rightMedians[start];
  }

  /** {@code precompute_absolute_errors}: from {@code first} to {@code last} (excluded). */
  private void precompute(int first, int last, int step, double[] absErrors, double[] medians) {
    prefixSums.reset(Math.abs(last - first));
    for (int p = first; p != last; p += step) {
      int rank = ranks[p];
      prefixSums.add(rank, sortedY[rank], weight(samples[p]));
      int medianRank = prefixSums.search(0.5 * prefixSums.totalW);
      int previousRank = prefixSums.prevIndex;
      double median = medianRank != previousRank
          ? (sortedY[previousRank] + sortedY[medianRank]) / 2
          : sortedY[medianRank];
      double wLeft = prefixSums.cumulWeight;
      double wyLeft = prefixSums.cumulWeightedY;
      double wRight = prefixSums.totalW - wLeft;
      double wyRight = prefixSums.totalWy - wyLeft;
      medians[p] = median;
      absErrors[p] += (wyRight - median * wRight) + (median * wLeft - wyLeft);
    }
  }

  /** Never called: {@link #update} only moves forward. */
  @Override
  void reverseReset() {
    throw new UnsupportedOperationException("absolute_error moves pos forward only");
  }

  @Override
  void update(int newPos) {
    for (int p = pos; p < newPos; p++) {
      weightedNLeft += weight(samples[p]);
    }
    weightedNRight = weightedNNodeSamples - weightedNLeft;
    pos = newPos;
  }

  @Override
  double nodeImpurity() {
    return rightAbsErrors[0] / weightedNNodeSamples;
  }

  @Override
  double[] childrenImpurity() {
    double left = pos > start ? leftAbsErrors[pos - 1] : 0.0;
    double right = pos < end ? rightAbsErrors[pos] : 0.0;
    return new double[] {left / weightedNLeft, right / weightedNRight};
  }

  @Override
  void nodeValue(double[] dest) {
    dest[0] = nodeMedian;
  }

  /** The left part's weighted median. */
  @Override
  double leftValue() {
    return leftMedians[pos - 1];
  }

  @Override
  double rightValue() {
    return rightMedians[pos];
  }

  @Override
  double middleValue() {
    return (leftMedians[pos - 1] + rightMedians[pos]) / 2;
  }
}

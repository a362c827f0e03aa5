package semaine.tree;

import java.util.Arrays;
import semaine.random.GlibcLog;

/**
 * The classification criteria, on the weighted class counts of a node: {@code "gini"},
 * 1 − Σ_c (W_c/W)², and {@code "entropy"} (also {@code "log_loss"}), −Σ_c p_c·log2 p_c with
 * p_c = W_c/W, where log2 is C's {@code log(x)/log(2)} as scikit-learn computes it.
 */
final class ClassificationCriterion extends Criterion {

  private static final double LN2 = GlibcLog.log(2.0);

  private final int[] y;            // (n_samples,) class indices
  private final boolean entropy;
  private final int nClasses;
  private final double[] sumTotal;
  private final double[] sumLeft;
  private final double[] sumRight;

  /**
   * @param y each sample's class index in [0, nClasses)
   * @param entropy true for entropy / log_loss, false for gini
   */
  ClassificationCriterion(int[] y, int nClasses, double[] sampleWeight, boolean entropy) {
    super(sampleWeight);
    this.y = y;
    this.nClasses = nClasses;
    this.entropy = entropy;
    this.sumTotal = new double[nClasses];
    this.sumLeft = new double[nClasses];
    this.sumRight = new double[nClasses];
  }

  /**
   * Class counts with whole weights (none, bootstrap counts, integer sample weights) are sums of
   * integers below 2^53: exact in any order.
   */
  @Override
  boolean orderFree() {
    if (sampleWeight == null) {
      return true;
    }
    double total = 0.0;
    for (double w : sampleWeight) {
      if (w != Math.rint(w)) {
        return false;
      }
      total += w;
    }
    return total < 0x1p53;
  }

  @Override
  void init(int start, int end) {
    this.start = start;
    this.end = end;
    weightedNNodeSamples = 0.0;
    Arrays.fill(sumTotal, 0.0);
    for (int p = start; p < end; p++) {
      int i = samples[p];
      double w = weight(i);
      sumTotal[y[i]] += w;
      weightedNNodeSamples += w;
    }
    reset();
  }

  @Override
  void reset() {
    pos = start;
    Arrays.fill(sumLeft, 0.0);
    System.arraycopy(sumTotal, 0, sumRight, 0, nClasses);
    weightedNLeft = 0.0;
    weightedNRight = weightedNNodeSamples;
  }

  @Override
  void reverseReset() {
    pos = end;
    Arrays.fill(sumRight, 0.0);
    System.arraycopy(sumTotal, 0, sumLeft, 0, nClasses);
    weightedNRight = 0.0;
    weightedNLeft = weightedNNodeSamples;
  }

  @Override
  void update(int newPos) {
    if (newPos - pos <= end - newPos) {
      for (int p = pos; p < newPos; p++) {
        int i = samples[p];
        double w = weight(i);
        sumLeft[y[i]] += w;
        weightedNLeft += w;
      }
    } else {
      reverseReset();
      for (int p = end - 1; p >= newPos; p--) {
        int i = samples[p];
        double w = weight(i);
        sumLeft[y[i]] -= w;
        weightedNLeft -= w;
      }
    }
    weightedNRight = weightedNNodeSamples - weightedNLeft;
    for (int c = 0; c < nClasses; c++) {
      sumRight[c] = sumTotal[c] - sumLeft[c];
    }
    pos = newPos;
  }

  @Override
  double nodeImpurity() {
    return impurity(sumTotal, weightedNNodeSamples);
  }

  /** The default proxy, {@code −W_right·impurity_right − W_left·impurity_left}, unallocated. */
  @Override
  double proxyImpurityImprovement() {
    return -weightedNRight * impurity(sumRight, weightedNRight)
        - weightedNLeft * impurity(sumLeft, weightedNLeft);
  }

  /** The proxy of the position {@link #scanBest} returned. */
  double scanProxy;

  /**
   * The best-split scan of a node sorted on a feature, fused for whole weights
   * ({@link #orderFree}, no monotonic constraint): the left counts grow one sample at a time
   * instead of through {@link #update}, the same integers, hence the same proxies at the same
   * candidate positions ({@link FeatureThreshold#isCandidate}).
   *
   * @param values the node's sorted feature values, aligned with {@code samples}
   * @param bestProxy the proxy to beat
   * @return the first position of the highest proxy above {@code bestProxy} (in
   *     {@link #scanProxy}), or −1
   */
  int scanBest(float[] values, int minSamplesLeaf, double minWeightLeaf, double bestProxy) {
    Arrays.fill(sumLeft, 0.0);
    double left = 0.0;
    int best = -1;
    for (int p = start + 1, last = end - minSamplesLeaf; p <= last; p++) {
      int i = samples[p - 1];
      double w = weight(i);
      sumLeft[y[i]] += w;
      left += w;
      if (p - start < minSamplesLeaf || !FeatureThreshold.isCandidate(values, p)) {
        continue;
      }
      double right = weightedNNodeSamples - left;
      if (left < minWeightLeaf || right < minWeightLeaf) {
        continue;
      }
      for (int c = 0; c < nClasses; c++) {
        sumRight[c] = sumTotal[c] - sumLeft[c];
      }
      double proxy = -right * impurity(sumRight, right) - left * impurity(sumLeft, left);
      if (proxy > bestProxy) {
        bestProxy = proxy;
        best = p;
      }
    }
    scanProxy = bestProxy;
    return best;
  }

  @Override
  double[] childrenImpurity() {
    return new double[] {impurity(sumLeft, weightedNLeft), impurity(sumRight, weightedNRight)};
  }

  private double impurity(double[] counts, double total) {
    if (entropy) {
      double value = 0.0;
      for (int c = 0; c < nClasses; c++) {
        double count = counts[c];
        if (count > 0.0) {
          count /= total;
          value -= count * (GlibcLog.log(count) / LN2);
        }
      }
      return value;
    }
    double squares = 0.0;
    for (int c = 0; c < nClasses; c++) {
      squares += counts[c] * counts[c];
    }
    return 1.0 - squares / (total * total);
  }

  @Override
  void nodeValue(double[] dest) {
    for (int c = 0; c < nClasses; c++) {
      dest[c] = sumTotal[c] / weightedNNodeSamples;
    }
  }

  /** The left part's fraction of class 0 (the constraints are flipped onto it). */
  @Override
  double leftValue() {
    return sumLeft[0] / weightedNLeft;
  }

  @Override
  double rightValue() {
    return sumRight[0] / weightedNRight;
  }

  @Override
  double middleValue() {
    return sumLeft[0] / (2 * weightedNLeft) + sumRight[0] / (2 * weightedNRight);
  }

  /** The fraction of class 0 clipped, the fraction of class 1 its complement. */
  @Override
  void clipNodeValue(double[] dest, double lowerBound, double upperBound) {
    super.clipNodeValue(dest, lowerBound, upperBound);
    if (dest.length > 1) {
      dest[1] = 1 - dest[0];
    }
  }
}

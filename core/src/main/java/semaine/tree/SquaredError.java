package semaine.tree;

/**
 * The {@code "squared_error"} criterion ({@code MSE}): a node's impurity is the weighted variance
 * of its targets, Σw·y²/W − (Σw·y/W)²; the proxy that ranks the splits of a node is
 * {@code S_left²/W_left + S_right²/W_right} with S the weighted sums of y.
 */
final class SquaredError extends RegressionCriterion {

  SquaredError(double[] y, double[] sampleWeight) {
    super(y, sampleWeight);
  }

  @Override
  double nodeImpurity() {
    double mean = sumTotal / weightedNNodeSamples;
    return sqSumTotal / weightedNNodeSamples - mean * mean;
  }

  @Override
  double proxyImpurityImprovement() {
    return sumLeft * sumLeft / weightedNLeft + sumRight * sumRight / weightedNRight;
  }

  /** The children's variances; Σw·y² of the left part is summed again, in sample order. */
  @Override
  double[] childrenImpurity() {
    double sqSumLeft = 0.0;
    for (int p = start; p < pos; p++) {
      int i = samples[p];
      sqSumLeft += weight(i) * y[i] * y[i];
    }
    double sqSumRight = sqSumTotal - sqSumLeft;
    double meanLeft = sumLeft / weightedNLeft;
    double meanRight = sumRight / weightedNRight;
    return new double[] {sqSumLeft / weightedNLeft - meanLeft * meanLeft,
        sqSumRight / weightedNRight - meanRight * meanRight};
  }

  /** The proxy of the position {@link #scanBest} returned. */
  double scanProxy;

  /**
   * The best-split scan of a node sorted on a feature, fused: the same left sums as
   * {@link #update} moves from candidate to candidate (forward one sample at a time, or back
   * from the node's total when the candidate is nearer the end), added in the same order from
   * the targets gathered in sorted order, hence the same proxies to the last bit.
   *
   * @param values the node's sorted feature values, aligned with {@code samples}
   * @param weightedY w·y of each sample, aligned with {@code samples}
   * @param weights the weight of each sample, aligned with {@code samples}, or null for 1 each
   * @param bestProxy the proxy to beat
   * @return the first position of the highest proxy above {@code bestProxy} (in
   *     {@link #scanProxy}), or −1
   */
  int scanBest(float[] values, double[] weightedY, double[] weights, int minSamplesLeaf,
      double minWeightLeaf, double bestProxy) {
    double left = 0.0;
    double leftWeight = 0.0;
    int at = start;
    int best = -1;
    for (int p = start + 1, last = end - minSamplesLeaf; p <= last; p++) {
      if (p - start < minSamplesLeaf || !FeatureThreshold.isCandidate(values, p)) {
        continue;
      }
      if (p - at <= end - p) {
        for (int q = at; q < p; q++) {
          left += weightedY[q];
          leftWeight += weights == null ? 1.0 : weights[q];
        }
      } else {
        left = sumTotal;
        leftWeight = weightedNNodeSamples;
        for (int q = end - 1; q >= p; q--) {
          left -= weightedY[q];
          leftWeight -= weights == null ? 1.0 : weights[q];
        }
      }
      at = p;
      double rightWeight = weightedNNodeSamples - leftWeight;
      if (leftWeight < minWeightLeaf || rightWeight < minWeightLeaf) {
        continue;
      }
      double right = sumTotal - left;
      if (cannotBeat(left, leftWeight, right, rightWeight, bestProxy)) {
        continue;
      }
      double proxy = left * left / leftWeight + right * right / rightWeight;
      if (proxy > bestProxy) {
        bestProxy = proxy;
        best = p;
      }
    }
    scanProxy = bestProxy;
    return best;
  }

  /**
   * True when the proxy {@code S_l²/W_l + S_r²/W_r} of a candidate cannot exceed
   * {@code bestProxy}, decided without dividing: both sides multiplied by {@code W_l·W_r > 0},
   * {@code (S_l²·W_r + S_r²·W_l)·(1 + 1e-12) <= best·W_l·W_r}. Each side is within a few
   * roundings (~1e-15 relative) of its exact value and so is the proxy as computed, so the
   * margin leaves every candidate whose computed proxy could beat the best to be computed.
   * Decided only while best·W_l·W_r is far from underflow and overflow (a term that underflows
   * is then negligible; one that overflows makes the left side infinite: not skipped).
   */
  private static boolean cannotBeat(double left, double leftWeight, double right,
      double rightWeight, double bestProxy) {
    double best = bestProxy * leftWeight * rightWeight;
    return best >= 1e-280 && best <= 1e280
        && (left * left * rightWeight + right * right * leftWeight) * (1 + 1e-12) <= best;
  }
}

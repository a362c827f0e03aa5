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
}

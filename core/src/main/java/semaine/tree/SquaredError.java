package semaine.tree;

/**
 * The {@code "squared_error"} criterion ({@code MSE}): a node's impurity is the weighted variance
 * of its targets, Σw·y²/W − (Σw·y/W)²; the proxy that ranks the splits of a node is
 * {@code S_left²/W_left + S_right²/W_right} with S the weighted sums of y.
 */
final class SquaredError extends Criterion {

  private final double[] y;         // (n_samples,) targets
  private double sumTotal;
  private double sqSumTotal;
  private double sumLeft;
  private double sumRight;

  SquaredError(double[] y, double[] sampleWeight) {
    super(sampleWeight);
    this.y = y;
  }

  @Override
  void init(int start, int end) {
    this.start = start;
    this.end = end;
    weightedNNodeSamples = 0.0;
    sumTotal = 0.0;
    sqSumTotal = 0.0;
    for (int p = start; p < end; p++) {
      int i = samples[p];
      double w = weight(i);
      double wy = w * y[i];
      sumTotal += wy;
      sqSumTotal += wy * y[i];
      weightedNNodeSamples += w;
    }
    reset();
  }

  @Override
  void reset() {
    pos = start;
    sumLeft = 0.0;
    sumRight = sumTotal;
    weightedNLeft = 0.0;
    weightedNRight = weightedNNodeSamples;
  }

  @Override
  void reverseReset() {
    pos = end;
    sumRight = 0.0;
    sumLeft = sumTotal;
    weightedNRight = 0.0;
    weightedNLeft = weightedNNodeSamples;
  }

  @Override
  void update(int newPos) {
    if (newPos - pos <= end - newPos) {
      for (int p = pos; p < newPos; p++) {
        int i = samples[p];
        double w = weight(i);
        sumLeft += w * y[i];
        weightedNLeft += w;
      }
    } else {
      reverseReset();
      for (int p = end - 1; p >= newPos; p--) {
        int i = samples[p];
        double w = weight(i);
        sumLeft -= w * y[i];
        weightedNLeft -= w;
      }
    }
    weightedNRight = weightedNNodeSamples - weightedNLeft;
    sumRight = sumTotal - sumLeft;
    pos = newPos;
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

  @Override
  void nodeValue(double[] dest) {
    dest[0] = sumTotal / weightedNNodeSamples;
  }
}

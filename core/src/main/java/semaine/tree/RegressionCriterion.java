package semaine.tree;

/**
 * The running sums the regression criteria share ({@code RegressionCriterion}): the node's, the
 * left part's and the right part's total weight and weighted sum of y, moved as scikit-learn moves
 * them; the node's value is the weighted mean target.
 */
abstract class RegressionCriterion extends Criterion {

  final double[] y;         // (n_samples,) targets
  double sumTotal;
  double sqSumTotal;
  double sumLeft;
  double sumRight;

  RegressionCriterion(double[] y, double[] sampleWeight) {
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
  void nodeValue(double[] dest) {
    dest[0] = sumTotal / weightedNNodeSamples;
  }

  @Override
  double leftValue() {
    return sumLeft / weightedNLeft;
  }

  @Override
  double rightValue() {
    return sumRight / weightedNRight;
  }

  /** The mean of the children's means, each halved first as scikit-learn sums them. */
  @Override
  double middleValue() {
    return sumLeft / (2 * weightedNLeft) + sumRight / (2 * weightedNRight);
  }
}

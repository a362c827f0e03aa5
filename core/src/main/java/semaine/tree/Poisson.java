package semaine.tree;

import semaine.random.GlibcLog;

/**
 * The {@code "poisson"} criterion: a node's impurity is its half Poisson deviance without the
 * constant factor, Σw·y·log(y/ȳ) / W (a zero y counts 0), and the proxy that ranks the splits of
 * a node is {@code S_left·log(S_left/W_left) + S_right·log(S_right/W_right)}. A part whose sum of
 * y is not above 10·eps has an infinite deviance: such a split is never chosen. Logarithms are
 * C's, as scikit-learn's.
 */
final class Poisson extends RegressionCriterion {

  /** scikit-learn's {@code EPSILON}: 10 times the double machine epsilon. */
  private static final double EPSILON = 10 * Math.ulp(1.0);

  Poisson(double[] y, double[] sampleWeight) {
    super(y, sampleWeight);
  }

  @Override
  double nodeImpurity() {
    return loss(start, end, sumTotal, weightedNNodeSamples);
  }

  @Override
  double proxyImpurityImprovement() {
    if (sumLeft <= EPSILON || sumRight <= EPSILON) {
      return Double.NEGATIVE_INFINITY;
    }
    double proxyLeft = -(sumLeft * GlibcLog.log(sumLeft / weightedNLeft));
    double proxyRight = -(sumRight * GlibcLog.log(sumRight / weightedNRight));
    return -proxyLeft - proxyRight;
  }

  @Override
  double[] childrenImpurity() {
    return new double[] {loss(start, pos, sumLeft, weightedNLeft),
        loss(pos, end, sumRight, weightedNRight)};
  }

  /** {@code poisson_loss}: Σw·xlogy(y, y/ȳ) / W over samples[from:to], ȳ = ySum/W. */
  private double loss(int from, int to, double ySum, double weightSum) {
    if (ySum <= EPSILON) {
      return Double.POSITIVE_INFINITY;
    }
    double mean = ySum / weightSum;
    double loss = 0.0;
    for (int p = from; p < to; p++) {
      int i = samples[p];
      double yi = y[i];
      loss += weight(i) * (yi == 0.0 ? 0.0 : yi * GlibcLog.log(yi / mean));
    }
    return loss / weightSum;
  }
}

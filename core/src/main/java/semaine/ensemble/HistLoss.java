package semaine.ensemble;

import semaine.util.Sums;

/**
 * The losses of histogram gradient boosting, as scikit-learn's {@code _loss} module computes them:
 * the baseline (the best constant raw prediction), the per-sample gradients and hessians (computed
 * in double, stored as float32 like scikit-learn's {@code G_H_DTYPE}) and the mean loss used for
 * {@code train_score_} and {@code validation_score_}. The raw predictions are
 * {@code raw[k][i]}, one array per tree of an iteration; tree k's gradient and hessian of sample i
 * are {@code gradHess[k][2i]} and {@code gradHess[k][2i + 1]}, side by side.
 */
abstract class HistLoss {

  /** The number of trees per iteration (raw prediction columns). */
  abstract int nTrees();

  /** True when the hessians do not depend on the sample (they are stored as one value). */
  boolean constantHessian() {
    return false;
  }

  /** {@code fit_intercept_only}: the baseline raw prediction of each column. */
  abstract double[] baseline(double[] y);

  /**
   * The gradients and hessians of every column at the current raw predictions, as pairs (the
   * hessian 1 when constant).
   */
  abstract void gradientHessian(double[] y, double[][] raw, float[][] gradHess);

  /** The mean loss over the samples ({@code BaseLoss.__call__}). */
  final double meanLoss(double[] y, double[][] raw) {
    double[] losses = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      losses[i] = loss(y[i], raw, i);
    }
    return Sums.pairwise(losses) / y.length;
  }

  /** One sample's loss. */
  abstract double loss(double y, double[][] raw, int i);

  /** {@code HalfSquaredError}: loss (raw − y)²/2, gradient raw − y, hessian 1. */
  static final class HalfSquaredError extends HistLoss {
    @Override
    int nTrees() {
      return 1;
    }

    @Override
    boolean constantHessian() {
      return true;
    }

    @Override
    double[] baseline(double[] y) {
      return new double[] {Sums.pairwise(y) / y.length};
    }

    @Override
    void gradientHessian(double[] y, double[][] raw, float[][] gradHess) {
      for (int i = 0; i < y.length; i++) {
        gradHess[0][2 * i] = (float) (raw[0][i] - y[i]);
        gradHess[0][2 * i + 1] = 1f;
      }
    }

    @Override
    double loss(double y, double[][] raw, int i) {
      return 0.5 * (raw[0][i] - y) * (raw[0][i] - y);
    }
  }

  /** {@code HalfBinomialLoss}: log(1 + e^raw) − y·raw, the raw prediction a log-odds. */
  static final class HalfBinomial extends HistLoss {
    @Override
    int nTrees() {
      return 1;
    }

    /** logit of the class-1 fraction, clipped to [10ε, 1 − 10ε]. */
    @Override
    double[] baseline(double[] y) {
      double eps = 10 * Math.ulp(1.0);
      double p = Math.min(Math.max(Sums.pairwise(y) / y.length, eps), 1 - eps);
      return new double[] {logit(p)};
    }

    /** SciPy's {@code logit}: the log1p form near 1/2, where log(p/(1 − p)) loses digits. */
    static double logit(double p) {
      if (p < 0.3 || p > 0.65) {
        return Math.log(p / (1 - p));
      }
      double s = 2 * (p - 0.5);
      return Math.log1p(s) - Math.log1p(-s);
    }

    @Override
    void gradientHessian(double[] y, double[][] raw, float[][] gradHess) {
      semaine.util.Parallel.forRange(y.length, 1 << 16,
          (from, to) -> gradientHessian(y, raw[0], gradHess[0], from, to));
    }

    /** The gradients and hessians of rows {@code [from, to)}, each on its own. */
    private static void gradientHessian(double[] y, double[] raw, float[] gradHess, int from,
        int to) {
      for (int i = from; i < to; i++) {
        double r = raw[i];
        double g;
        double h;
        if (r > -37) {
          double e = Math.exp(-r);
          g = ((1 - y[i]) - y[i] * e) / (1 + e);
          h = e / ((1 + e) * (1 + e));
        } else {
          double e = Math.exp(r);
          g = e - y[i];
          h = e;
        }
        gradHess[2 * i] = (float) g;
        gradHess[2 * i + 1] = (float) h;
      }
    }

    @Override
    double loss(double y, double[][] raw, int i) {
      double r = raw[0][i];
      return log1pexp(r) - y * r;
    }

    /** {@code log1pexp}: log(1 + e^x) by ranges, as scikit-learn computes it. */
    static double log1pexp(double x) {
      if (x <= -37) {
        return Math.exp(x);
      } else if (x <= -2) {
        return Math.log1p(Math.exp(x));
      } else if (x <= 18) {
        return Math.log(1. + Math.exp(x));
      } else if (x <= 33.3) {
        return x + Math.exp(-x);
      }
      return x;
    }
  }

  /** {@code HalfMultinomialLoss}: log Σ e^raw_k − raw_y, one tree per class. */
  static final class HalfMultinomial extends HistLoss {
    private final int nClasses;

    HalfMultinomial(int nClasses) {
      this.nClasses = nClasses;
    }

    @Override
    int nTrees() {
      return nClasses;
    }

    /** log(p_k / geometric mean of p), p the class fractions clipped to [ε, 1 − ε]. */
    @Override
    double[] baseline(double[] y) {
      double eps = Math.ulp(1.0);
      double[] p = new double[nClasses];
      for (double label : y) {
        p[(int) label] += 1;
      }
      for (int k = 0; k < nClasses; k++) {
        p[k] = Math.min(Math.max(p[k] / y.length, eps), 1 - eps);
      }
      double[] logs = new double[nClasses];
      for (int k = 0; k < nClasses; k++) {
        logs[k] = Math.log(p[k]);
      }
      double meanLog = Sums.pairwise(logs) / nClasses;
      double gmean = Math.exp(meanLog);
      double[] out = new double[nClasses];
      for (int k = 0; k < nClasses; k++) {
        out[k] = Math.log(p[k] / gmean);
      }
      return out;
    }

    @Override
    void gradientHessian(double[] y, double[][] raw, float[][] gradHess) {
      double[] p = new double[nClasses];
      for (int i = 0; i < y.length; i++) {
        double sum = expMinusMax(raw, i, p);
        for (int k = 0; k < nClasses; k++) {
          double pk = p[k] / sum;
          gradHess[k][2 * i] = (float) (pk - (y[i] == k ? 1 : 0));
          gradHess[k][2 * i + 1] = (float) (pk * (1 - pk));
        }
      }
    }

    /** {@code sum_exp_minus_max}: p[k] = e^(raw_k − max raw); returns Σ p. */
    private double expMinusMax(double[][] raw, int i, double[] p) {
      double max = max(raw, i);
      double sum = 0;
      for (int k = 0; k < nClasses; k++) {
        p[k] = Math.exp(raw[k][i] - max);
        sum += p[k];
      }
      return sum;
    }

    private double max(double[][] raw, int i) {
      double max = raw[0][i];
      for (int k = 1; k < nClasses; k++) {
        if (max < raw[k][i]) {
          max = raw[k][i];
        }
      }
      return max;
    }

    @Override
    double loss(double y, double[][] raw, int i) {
      double sum = expMinusMax(raw, i, new double[nClasses]);
      return Math.log(sum) + max(raw, i) - raw[(int) y][i];
    }
  }
}

package semaine.classification;

import java.util.List;
import semaine.tree.XorShiftRandom;

/**
 * scikit-learn 1.9's stochastic average gradient solvers for {@link LogisticRegression}:
 * "sag" (Schmidt, Le Roux and Bach, 2013) and "saga" (Defazio, Bach and Lacoste-Julien, 2014),
 * step for step as {@code sklearn/linear_model/_sag_fast.pyx} runs them on dense data.
 *
 * <p>The problem is {@code (1/n) Σ s_i loss_i + ½ α ‖W‖² + β ‖W‖₁} with {@code α = alpha/n},
 * {@code β = beta/n} (scikit-learn passes alpha and beta = (1 − l1_ratio)/C and l1_ratio/C).
 * Each step draws a sample {@code i = our_rand_r() mod n} (the xorshift generator seeded by
 * {@code random_state.randint(1, 2³¹ − 1)}), computes its gradient {@code g_i} of the half
 * log-loss, replaces the remembered gradient of that sample, and moves W along the average of
 * the remembered gradients (saga also along the correction {@code g_i − g_i,old}, which makes the
 * step unbiased). The step size is {@code 1/L} (sag) or {@code 1/(2L + min(2nα, L))} (saga), with
 * {@code L = ¼ (max_i ‖x_i‖² + fit_intercept) + α}.
 *
 * <p>Two devices keep a step cheap, and they are reproduced because they decide the rounding:
 * the L2 shrinkage is kept in a scale factor {@code wscale} (W is stored divided by it), and the
 * averaged-gradient steps (with the L1 proximal step, a soft threshold) are applied "just in time"
 * from running sums when a feature is next read. At the end of every epoch (n steps) all pending
 * updates are applied and the scale reset to 1; the solver stops when
 * {@code max|ΔW| / max|W| <= tol} over the epoch (the intercepts not counted), or after
 * {@code max_iter} epochs with scikit-learn's ConvergenceWarning.
 */
final class Sag {

  /** What the solver reached: W as (n_features, K) row-major, the intercepts, the epochs. */
  record Solution(double[] weights, double[] intercept, int nIter) {}

  private final double[][] X;
  private final double[] y;
  private final double[] sampleWeight;
  private final int n;
  private final int p;
  private final int K;
  private final boolean saga;
  private final boolean prox;
  private final boolean fitIntercept;
  private final double step;
  private final double alphaScaled;
  private final double betaScaled;

  private final double[] weights;
  private final double[] intercept;
  private final double[] sumGradient;
  private final double[] interceptSumGradient;
  private final double[] gradientMemory;
  private final double[] cumulativeSums;
  private final double[] cumulativeSumsProx;
  private final int[] featureHistory;
  private double wscale = 1;

  private Sag(double[][] X, double[] y, double[] sampleWeight, int K, double alpha, double beta,
      boolean fitIntercept, boolean saga) {
    this.X = X;
    this.y = y;
    this.sampleWeight = sampleWeight;
    this.n = X.length;
    this.p = X[0].length;
    this.K = K;
    this.saga = saga;
    this.fitIntercept = fitIntercept;
    this.alphaScaled = alpha / n;
    this.betaScaled = beta / n;
    this.prox = betaScaled > 0 && saga;
    this.step = stepSize(X, alphaScaled, fitIntercept, saga);
    if (step * alphaScaled == 1) {
      throw new ArithmeticException("Current sag implementation does not handle the case"
          + " step_size * alpha_scaled == 1");
    }
    this.weights = new double[p * K];
    this.intercept = new double[K];
    this.sumGradient = new double[p * K];
    this.interceptSumGradient = new double[K];
    this.gradientMemory = new double[n * K];
    this.cumulativeSums = new double[n];
    this.cumulativeSumsProx = prox ? new double[n] : null;
    this.featureHistory = new int[p];
  }

  /**
   * LogisticRegression(solver="sag"/"saga"): {@link #solve} with scikit-learn's split of the
   * penalty, L2 strength α = (1 − l1_ratio)/C and L1 strength β = l1_ratio/C (l1: β = 1/C, l2:
   * α = 1/C, none: both 0), the labels encoded 0..K−1 as targets; returns W as
   * {@link LogisticLoss} lays it out (K blocks of the weights then the intercept).
   *
   * @param seed {@code random_state.randint(1, 2³¹ − 1)}
   */
  static NewtonCholesky.Solution logistic(double[][] X, int[] encoded, double[] weights,
      int blocks, String penalty, double c, Double l1Ratio, boolean saga, boolean fitIntercept,
      double tol, int maxIter, long seed, List<String> warnings) {
    double ratio = switch (penalty) {
      case "l1" -> 1;
      case "l2", "none" -> 0;
      default -> l1Ratio;
    };
    double alpha = "none".equals(penalty) ? 0 : 1.0 / c * (1 - ratio);
    double beta = "none".equals(penalty) ? 0 : 1.0 / c * ratio;
    double[] target = new double[encoded.length];
    for (int i = 0; i < target.length; i++) {
      target[i] = encoded[i];
    }
    var s = solve(X, target, weights, blocks, alpha, beta, fitIntercept, saga, tol, maxIter,
        seed, warnings);
    int p = X[0].length;
    int q = p + (fitIntercept ? 1 : 0);
    double[] w = new double[blocks * q];
    for (int k = 0; k < blocks; k++) {
      for (int j = 0; j < p; j++) {
        w[k * q + j] = s.weights()[j * blocks + k];
      }
      if (fitIntercept) {
        w[k * q + p] = s.intercept()[k];
      }
    }
    return new NewtonCholesky.Solution(w, s.nIter(), true);
  }

  /**
   * Runs the solver from W = 0.
   *
   * @param y 0/1 (K = 1, the binary model) or the class index (K classes, multinomial)
   * @param alpha the L2 strength before division by n
   * @param beta the L1 strength before division by n (saga only)
   * @param seed the xorshift seed, {@code random_state.randint(1, 2³¹ − 1)}
   */
  static Solution solve(double[][] X, double[] y, double[] sampleWeight, int K, double alpha,
      double beta, boolean fitIntercept, boolean saga, double tol, int maxIter, long seed,
      List<String> warnings) {
    var solver = new Sag(X, y, sampleWeight, K, alpha, beta, fitIntercept, saga);
    int nIter = solver.run(tol, maxIter, new XorShiftRandom(seed));
    if (nIter == maxIter) {
      warnings.add("The max_iter was reached which means the coef_ did not converge");
    }
    return new Solution(solver.weights, solver.intercept, nIter);
  }

  /** {@code get_auto_step_size} for the log-loss. */
  static double stepSize(double[][] X, double alphaScaled, boolean fitIntercept, boolean saga) {
    double maxSquaredSum = 0;
    for (double[] row : X) {
      double s = 0;
      for (double v : row) {
        s += v * v;
      }
      maxSquaredSum = Math.max(maxSquaredSum, s);
    }
    double L = 0.25 * (maxSquaredSum + (fitIntercept ? 1 : 0)) + alphaScaled;
    if (!saga) {
      return 1.0 / L;
    }
    double mun = Math.min(2 * X.length * alphaScaled, L);
    return 1.0 / (2 * L + mun);
  }

  /** The epochs; returns {@code n_iter_} (the epoch that converged, or max_iter). */
  private int run(double tol, int maxIter, XorShiftRandom random) {
    double wscaleUpdate = 1.0 - step * alphaScaled;
    boolean[] seen = new boolean[n];
    int numSeen = 0;
    double[] previous = new double[p * K];
    double[] prediction = new double[K];
    double[] gradient = new double[K];
    int epoch = 0;
    for (; epoch < maxIter; epoch++) {
      for (int t = 0; t < n; t++) {
        int i = random.next() % n;
        if (!seen[i]) {
          numSeen++;
          seen[i] = true;
        }
        if (t > 0) {
          laggedUpdate(t, false, epoch);
        }
        double[] x = X[i];
        for (int k = 0; k < K; k++) {
          double inner = 0;
          for (int j = 0; j < p; j++) {
            inner += weights[j * K + k] * x[j];
          }
          prediction[k] = wscale * inner + intercept[k];
        }
        gradient(y[i], prediction, sampleWeight[i], gradient);
        wscale *= wscaleUpdate;
        int memory = i * K;
        for (int j = 0; j < p; j++) {
          for (int k = 0; k < K; k++) {
            double correction = x[j] * (gradient[k] - gradientMemory[memory + k]);
            if (saga) {
              weights[j * K + k] -= correction * step * (1 - 1.0 / numSeen) / wscale;
            }
            sumGradient[j * K + k] += correction;
          }
        }
        if (fitIntercept) {
          for (int k = 0; k < K; k++) {
            double correction = gradient[k] - gradientMemory[memory + k];
            interceptSumGradient[k] += correction;
            correction *= step * (1. - 1. / numSeen);
            double average = step * interceptSumGradient[k] / numSeen * 1.0;
            intercept[k] -= saga ? average + correction : average;
            if (!Double.isFinite(intercept[k])) {
              throw overflow(epoch + 1);
            }
          }
        }
        System.arraycopy(gradient, 0, gradientMemory, memory, K);
        double before = t == 0 ? 0 : cumulativeSums[t - 1];
        cumulativeSums[t] = t == 0 ? step / (wscale * numSeen)
            : before + step / (wscale * numSeen);
        if (prox) {
          cumulativeSumsProx[t] = t == 0 ? step * betaScaled / wscale
              : cumulativeSumsProx[t - 1] + step * betaScaled / wscale;
        }
        if (wscale < 1e-9) {
          rescale(t, epoch);
        }
      }
      rescale(n - 1, epoch);
      double maxChange = 0;
      double maxWeight = 0;
      for (int a = 0; a < weights.length; a++) {
        maxWeight = Math.max(maxWeight, Math.abs(weights[a]));
        maxChange = Math.max(maxChange, Math.abs(weights[a] - previous[a]));
        previous[a] = weights[a];
      }
      if ((maxWeight != 0 && maxChange / maxWeight <= tol)
          || (maxWeight == 0 && maxChange == 0)) {
        break;
      }
    }
    // as the Cython loop counts: max_iter=0 runs no epoch and still reports 1
    return maxIter == 0 ? 1 : epoch == maxIter ? maxIter : epoch + 1;
  }

  /** The half log-loss gradient of one sample times its weight (binary or softmax). */
  private void gradient(double label, double[] raw, double weight, double[] out) {
    if (K == 1) {
      double r = raw[0];
      double g;
      if (r > -37) {
        double e = Math.exp(-r);
        g = ((1 - label) - label * e) / (1 + e);
      } else {
        g = Math.exp(r) - label;
      }
      out[0] = g * weight;
      return;
    }
    double max = raw[0];
    for (int k = 1; k < K; k++) {
      if (max < raw[k]) {
        max = raw[k];
      }
    }
    double sum = 0;
    for (int k = 0; k < K; k++) {
      out[k] = Math.exp(raw[k] - max);
      sum += out[k];
    }
    for (int k = 0; k < K; k++) {
      out[k] /= sum;
      out[k] = (out[k] - (label == k ? 1 : 0)) * weight;
    }
  }

  /** {@code scale_weights}: applies every pending update, folds wscale into W, resets it. */
  private void rescale(int t, int epoch) {
    laggedUpdate(t + 1, true, epoch);
    wscale = 1;
  }

  /**
   * {@code lagged_update}: brings every feature up to step {@code t} from the running sums (the
   * averaged-gradient steps since the feature's last update, each followed by the soft threshold
   * under L1); with {@code reset}, also multiplies W by wscale and restarts the sums.
   */
  private void laggedUpdate(int t, boolean reset, int epoch) {
    for (int f = 0; f < p; f++) {
      int history = featureHistory[f];
      double cumSum = cumulativeSums[t - 1];
      double cumSumProx = prox ? cumulativeSumsProx[t - 1] : 0;
      if (history != 0) {
        cumSum -= cumulativeSums[history - 1];
        if (prox) {
          cumSumProx -= cumulativeSumsProx[history - 1];
        }
      }
      for (int k = 0; k < K; k++) {
        int a = f * K + k;
        if (!prox) {
          weights[a] -= cumSum * sumGradient[a];
        } else if (Math.abs(sumGradient[a] * cumSum) < cumSumProx) {
          weights[a] -= cumSum * sumGradient[a];
          weights[a] = softThreshold(weights[a], cumSumProx);
        } else {
          for (int lag = t - 1; lag >= history; lag--) {
            double gradStep = lag > 0 ? cumulativeSums[lag] - cumulativeSums[lag - 1]
                : cumulativeSums[lag];
            double proxStep = lag > 0 ? cumulativeSumsProx[lag] - cumulativeSumsProx[lag - 1]
                : cumulativeSumsProx[lag];
            weights[a] -= sumGradient[a] * gradStep;
            weights[a] = softThreshold(weights[a], proxStep);
          }
        }
        if (reset) {
          weights[a] *= wscale;
          if (!Double.isFinite(weights[a])) {
            throw overflow(epoch + 1);
          }
        }
      }
      featureHistory[f] = reset ? t % n : t;
    }
    if (reset) {
      cumulativeSums[t - 1] = 0;
      if (prox) {
        cumulativeSumsProx[t - 1] = 0;
      }
    }
  }

  private static double softThreshold(double x, double shrinkage) {
    return Math.max(x - shrinkage, 0) - Math.max(-x - shrinkage, 0);
  }

  private static ArithmeticException overflow(int epoch) {
    return new ArithmeticException("Floating-point under-/overflow occurred at epoch #" + epoch
        + ". Scaling input data with StandardScaler or MinMaxScaler might help.");
  }
}

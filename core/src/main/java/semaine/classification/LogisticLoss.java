package semaine.classification;

import java.util.List;
import semaine.optimize.Lbfgs;
import semaine.util.DenseKernels;
import semaine.util.Parallel;

/**
 * The objective scikit-learn 1.9's lbfgs and newton-cholesky solvers minimise for logistic
 * regression ({@code LinearModelLoss} with {@code HalfBinomialLoss} or
 * {@code HalfMultinomialLoss}):
 * <pre>
 *   L(W) = (1/S) Σ_i s_i loss_i + ½ λ ‖W‖²,   S = Σ_i s_i,   λ = 1 / (C S)
 * </pre>
 * binary: {@code loss_i = log(1 + exp(r_i)) − y_i r_i} with {@code y_i} in {0, 1}; multinomial:
 * {@code loss_i = log Σ_k exp(r_ik) − r_i,y_i}; {@code r = X wᵀ + b}. The intercepts are not
 * penalised. Its minimiser is the one of scikit-learn's documented {@code C Σ s_i loss_i + ½‖W‖²}.
 *
 * <p>Parameters are flat: K blocks (K = 1 when binary) of {@code stride = p + 1} values, the p
 * weights of class k then its intercept (stride p without intercept).
 */
final class LogisticLoss {

  private final double[][] X;        // (n, p)
  private final int[] y;             // (n,) class index in [0, K), or 0/1 when binary
  private final double[] weights;    // (n,) s_i
  private final double weightSum;    // S
  private final double lambda;       // λ = 1 / (C S), 0 without penalty
  private final int classes;         // K: 1 for the binary model, n_classes otherwise
  private final boolean fitIntercept;

  /** Rows per parallel task of {@link #valueAndGradient}, and per block kept in cache. */
  private static final int CHUNK = 4096;
  private static final int BLOCK = 64;

  LogisticLoss(double[][] X, int[] y, double[] weights, double C, int classes,
      boolean fitIntercept) {
    this.X = X;
    this.y = y;
    this.weights = weights;
    double s = 0;
    for (double w : weights) {
      s += w;
    }
    this.weightSum = s;
    this.lambda = Double.isInfinite(C) ? 0 : 1 / (C * s);
    this.classes = classes;
    this.fitIntercept = fitIntercept;
  }

  /** Values per class block: the weights, then the intercept when fitted. */
  int stride() {
    return X[0].length + (fitIntercept ? 1 : 0);
  }

  /** The number of parameters, K · stride. */
  int size() {
    return classes * stride();
  }

  /** r_ik for every sample: (n, K). */
  double[][] raw(double[] coef) {
    int p = X[0].length;
    int q = stride();
    double[][] raw = new double[X.length][classes];
    for (int i = 0; i < X.length; i++) {
      double[] x = X[i];
      for (int k = 0; k < classes; k++) {
        int o = k * q;
        double r = fitIntercept ? coef[o + p] : 0;
        for (int j = 0; j < p; j++) {
          r += x[j] * coef[o + j];
        }
        raw[i][k] = r;
      }
    }
    return raw;
  }

  /**
   * L(coef), and its gradient written to {@code gradient}, in one pass over the rows. Binary:
   * {@link BinomialKernel}, eight rows at a time. Multinomial: for a block of 64 rows (in cache)
   * the raw scores ({@link DenseKernels#rowDotsInOrder}), the losses and residuals, then the
   * residuals' sums into the gradient ({@link DenseKernels#addRowsInOrder}). Each sum runs over the samples in order within a chunk of {@value #CHUNK} rows; the chunks
   * (shared between the cores) are added in order at the end, so up to {@value #CHUNK} samples
   * every sum is a plain loop's, and the answer never depends on the number of cores.
   */
  double valueAndGradient(double[] coef, double[] gradient) {
    int n = X.length;
    int p = X[0].length;
    int q = stride();
    int m = size();
    int chunks = (n + CHUNK - 1) / CHUNK;
    double[][] partial = new double[chunks][m + 1];   // the gradient's sums, then the loss
    Parallel.forRange(chunks, 1, (from, to) -> {
      double[] raw = new double[classes * BLOCK];   // class k's scores, then residuals, at k·BLOCK
      double[] scores = new double[classes];
      double[] residual = new double[classes];      // s_i ∂loss_i/∂r_ik
      for (int c = from; c < to; c++) {
        double[] sums = partial[c];
        int end = Math.min(n, (c + 1) * CHUNK);
        if (classes == 1) {
          sums[m] = addBinomialRows(X, y, weights, coef, fitIntercept, c * CHUNK, end,
              sums, 0);
          continue;
        }
        double loss = 0;
        for (int start = c * CHUNK; start < end; start += BLOCK) {
          int stop = Math.min(end, start + BLOCK);
          for (int k = 0; k < classes; k++) {
            DenseKernels.rowDotsInOrder(X, start, stop, coef, k * q,
                fitIntercept ? coef[k * q + p] : 0, raw, k * BLOCK);
          }
          for (int i = start; i < stop; i++) {
            for (int k = 0; k < classes; k++) {
              scores[k] = raw[k * BLOCK + i - start];
            }
            double s = weights[i];
            loss += s * pointLoss(scores, y[i], residual);
            for (int k = 0; k < classes; k++) {
              raw[k * BLOCK + i - start] = s * residual[k];
            }
          }
          for (int k = 0; k < classes; k++) {
            int o = k * q;
            DenseKernels.addRowsInOrder(X, start, stop, raw, k * BLOCK, sums, o, 0, p);
            if (fitIntercept) {
              for (int t = 0; t < stop - start; t++) {
                sums[o + p] += raw[k * BLOCK + t];
              }
            }
          }
        }
        sums[m] = loss;
      }
    });
    double loss = 0;
    java.util.Arrays.fill(gradient, 0);
    for (double[] sums : partial) {
      for (int a = 0; a < m; a++) {
        gradient[a] += sums[a];
      }
      loss += sums[m];
    }
    double penalty = 0;
    for (int k = 0; k < classes; k++) {
      int o = k * q;
      for (int j = 0; j < p; j++) {
        double w = coef[o + j];
        penalty += w * w;
        gradient[o + j] = gradient[o + j] / weightSum + lambda * w;
      }
      if (fitIntercept) {
        gradient[o + p] /= weightSum;
      }
    }
    return loss / weightSum + 0.5 * lambda * penalty;
  }

  /**
   * Runs {@link Lbfgs} on the loss as scikit-learn calls SciPy, adding its ConvergenceWarning
   * when the status is not 0.
   */
  Lbfgs.Result lbfgs(double[] x0, int maxIter, double tol, List<String> warnings) {
    var result = new Lbfgs(this::valueAndGradient, maxIter, tol, 64 * Math.ulp(1.0), 50)
        .minimize(x0);
    if (result.status() != 0) {
      int n = Math.min(result.nIter(), maxIter);
      String message = "lbfgs failed to converge after " + n + " iteration(s) (status="
          + result.status() + "):\n" + result.message() + "\n";
      if (n == maxIter) {
        message += "\nIncrease the number of iterations to improve the convergence (max_iter="
            + maxIter + ").";
      }
      warnings.add(message + "\nYou might also want to scale the data as shown in:\n"
          + "    https://scikit-learn.org/stable/modules/preprocessing.html\n"
          + "Please also refer to the documentation for alternative solver options:\n"
          + "    https://scikit-learn.org/stable/modules/linear_model.html#logistic-regression");
    }
    return result;
  }

  /**
   * The Hessian of L, shape (size, size): {@code (1/S) Σ_i s_i x̃_i x̃_iᵀ ⊗ h_i + λ I} on the
   * weights, where x̃ is x with a 1 for the intercept and h_i is p(1 − p) (binary) or
   * {@code diag(p) − p pᵀ} (multinomial).
   */
  double[][] hessian(double[] coef) {
    double[][] raw = raw(coef);
    int p = X[0].length;
    int q = stride();
    int m = size();
    double[][] H = new double[m][m];
    double[] prob = new double[classes];
    double[] xt = new double[q];
    for (int i = 0; i < X.length; i++) {
      probabilities(raw[i], prob);
      System.arraycopy(X[i], 0, xt, 0, p);
      if (fitIntercept) {
        xt[p] = 1;
      }
      double s = weights[i] / weightSum;
      for (int k = 0; k < classes; k++) {
        for (int l = 0; l <= k; l++) {
          double h = classes == 1 ? prob[0] * (1 - prob[0])
              : (k == l ? prob[k] : 0) - prob[k] * prob[l];
          h *= s;
          if (h == 0) {
            continue;
          }
          for (int a = 0; a < q; a++) {
            double ha = h * xt[a];
            double[] row = H[k * q + a];
            int col = l * q;
            int last = k == l ? a : q - 1;   // fill the lower triangle only
            for (int b = 0; b <= last; b++) {
              row[col + b] += ha * xt[b];
            }
          }
        }
      }
    }
    for (int a = 0; a < m; a++) {
      for (int b = a + 1; b < m; b++) {
        H[a][b] = H[b][a];
      }
      if (!fitIntercept || a % q != p) {
        H[a][a] += lambda;
      }
    }
    return H;
  }

  /**
   * loss_i for one sample; writes ∂loss_i/∂r_ik (σ(r) − y, or softmax − one-hot) to residual.
   */
  private double pointLoss(double[] raw, int label, double[] residual) {
    if (classes == 1) {
      // expit and log1pExp from one exponential, e^{−|r|}: the values they compute alone
      double r = raw[0];
      double e = Math.exp(r >= 0 ? -r : r);
      residual[0] = (r >= 0 ? 1 / (1 + e) : e / (1 + e)) - label;
      return (r > 0 ? r + Math.log1p(e) : Math.log1p(e)) - label * r;
    }
    double lse = logSumExp(raw);
    for (int k = 0; k < classes; k++) {
      residual[k] = Math.exp(raw[k] - lse) - (k == label ? 1 : 0);
    }
    return lse - raw[label];
  }

  /** σ(r) (binary, K = 1) or softmax(r) into prob. */
  void probabilities(double[] raw, double[] prob) {
    if (classes == 1) {
      prob[0] = expit(raw[0]);
      return;
    }
    double lse = logSumExp(raw);
    for (int k = 0; k < classes; k++) {
      prob[k] = Math.exp(raw[k] - lse);
    }
  }

  /** The logistic function 1 / (1 + e^{−r}), without overflow. */
  static double expit(double r) {
    if (r >= 0) {
      return 1 / (1 + Math.exp(-r));
    }
    double e = Math.exp(r);
    return e / (1 + e);
  }

  /** log(1 + e^r) without overflow or loss of precision for large |r|. */
  static double log1pExp(double r) {
    return r > 0 ? r + Math.log1p(Math.exp(-r)) : Math.log1p(Math.exp(r));
  }

  /** log Σ_k e^{r_k}, shifted by the largest r_k. */
  static double logSumExp(double[] raw) {
    double max = Double.NEGATIVE_INFINITY;
    for (double r : raw) {
      max = Math.max(max, r);
    }
    double sum = 0;
    for (double r : raw) {
      sum += Math.exp(r - max);
    }
    return max + Math.log(sum);
  }

  /**
   * Adds rows [from, to)'s weighted residuals times x to {@code sums[0, p)}, the residuals to
   * {@code sums[p]} when {@code fitIntercept}, and returns the weighted loss of those rows, summed
   * in order from {@code loss}.
   *
   * ({@link BinomialKernel}; its Vector API twin when the module is loaded and X has four
   * features or more.)
   *
   * @param coef the p weights, then b when fitIntercept
   * @param y 0 or 1 per row
   * @param weights s_i per row
   */
  static double addBinomialRows(double[][] X, int[] y, double[] weights, double[] coef,
      boolean fitIntercept, int from, int to, double[] sums, double loss) {
    if (BinomialKernel.VECTOR && X[from].length >= 4) {
      return VectorBinomialKernel.addRows(X, y, weights, coef, fitIntercept, from, to, sums, loss);
    }
    return BinomialKernel.addRowsScalar(X, y, weights, coef, fitIntercept, from, to, sums, loss);
  }
}

package semaine.svm;

import semaine.random.RandomState;

/**
 * libsvm's class probabilities (probability=True): for each pair of classes, decision values from
 * an internal 5-fold cross-validation, Platt's sigmoid 1 / (1 + exp(A·f + B)) fitted to them by
 * Newton's method with a backtracking line search (Lin, Lin and Weng's improved {@code
 * sigmoid_train}), and at prediction the pairwise probabilities coupled into one distribution by
 * Wu, Lin and Weng's method 2.
 *
 * <p>The folds come from a Fisher-Yates shuffle driven by scikit-learn's generator (std::mt19937
 * seeded with {@code random_state.randint(2^31 − 1)}, bounded by Lemire's method). Every nested
 * training re-seeds that generator, so each pair's shuffle starts from the seed again, as in
 * scikit-learn.
 */
final class PlattScaling {

  private static final int FOLDS = 5;

  private PlattScaling() {}

  /** std::mt19937 with scikit-learn's {@code bounded_rand_int}. */
  static final class BoundedRandom {
    private final long seed;
    private final RandomState mt;

    BoundedRandom(long seed) {
      this.seed = seed;
      this.mt = new RandomState(seed);
    }

    void reseed() {
      mt.seed(seed);
    }

    /** A uniform int in [0, range), Lemire's multiply-shift with rejection. */
    int next(int range) {
      long r = range & 0xffffffffL;
      long m = mt.nextUint32() * r;
      long low = m & 0xffffffffL;
      if (low < r) {
        long t = (-r) & 0xffffffffL;
        if (t >= r) {
          t -= r;
          if (t >= r) {
            t %= r;
          }
        }
        while (low < t) {
          m = mt.nextUint32() * r;
          low = m & 0xffffffffL;
        }
      }
      return (int) (m >>> 32);
    }
  }

  /** The calibration step run for each pair of a classifier fitted with probability=True. */
  static OneVsOne.PairCalibration calibration(OneVsOne.BinarySolver solver,
      BaseLibSVM.Prepared prep, long seed, double cacheSizeMb) {
    BoundedRandom random = new BoundedRandom(seed);
    return (rows, columns, y, W, cp, cn) -> {
      double[] dec = crossValidatedDecisions(solver, prep, random, cacheSizeMb, rows, columns, y,
          W, cp, cn);
      return sigmoidTrain(dec, y);
    };
  }

  /** libsvm's {@code svm_binary_svc_probability}: out-of-fold decision values, +1 side positive. */
  private static double[] crossValidatedDecisions(OneVsOne.BinarySolver solver,
      BaseLibSVM.Prepared prep, BoundedRandom random, double cacheSizeMb, double[][] rows, int[] columns, byte[] y, double[] W, double cp,
      double cn) {
    int l = y.length;
    int[] perm = new int[l];
    for (int i = 0; i < l; i++) {
      perm[i] = i;
    }
    for (int i = 0; i < l; i++) {
      int j = i + random.next(l - i);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    double[] dec = new double[l];
    Kernel kernel = prep.kernel();
    for (int fold = 0; fold < FOLDS; fold++) {
      int begin = fold * l / FOLDS;
      int end = (fold + 1) * l / FOLDS;
      int size = l - (end - begin);
      double[][] subRows = new double[size][];
      int[] subColumns = new int[size];
      double[] subW = new double[size];
      int[] label = new int[size];
      int positives = 0;
      for (int j = 0, k = 0; j < l; j++) {
        if (j >= begin && j < end) {
          continue;
        }
        subRows[k] = rows[perm[j]];
        subColumns[k] = columns[perm[j]];
        subW[k] = W[perm[j]];
        // libsvm sorts the labels: −1 is class 0 of the nested problem
        label[k] = y[perm[j]] > 0 ? 1 : 0;
        positives += label[k];
        k++;
      }
      if (positives == 0 || positives == size) {
        double value = size == 0 ? 0 : positives == 0 ? -1 : 1;
        for (int j = begin; j < end; j++) {
          dec[perm[j]] = value;
        }
        continue;
      }
      var sub = new BaseLibSVM.Prepared(subRows, subColumns, subW, prep.gamma(), kernel,
          prep.options());
      var t = OneVsOne.train(sub, label, 2, new double[] {cn, cp}, solver, null,
          cacheSizeMb);
      random.reseed();
      for (int j = begin; j < end; j++) {
        double[] x = rows[perm[j]];
        double sum = 0;
        for (int s = 0; s < t.support().length; s++) {
          int sv = t.support()[s];
          sum += t.coef()[0][s] * kernel.predict(x, subRows[sv], subColumns[sv]);
        }
        sum -= t.rho()[0];
        dec[perm[j]] = -sum;   // times the nested model's first label, −1
      }
    }
    return dec;
  }

  /** Platt's A and B fitted to decision values and ±1 labels ({@code sigmoid_train}). */
  static double[] sigmoidTrain(double[] dec, byte[] labels) {
    int l = dec.length;
    double prior1 = 0;
    double prior0 = 0;
    for (byte label : labels) {
      if (label > 0) {
        prior1 += 1;
      } else {
        prior0 += 1;
      }
    }
    int maxIter = 100;
    double minStep = 1e-10;
    double sigma = 1e-12;
    double eps = 1e-5;
    double hiTarget = (prior1 + 1.0) / (prior1 + 2.0);
    double loTarget = 1 / (prior0 + 2.0);
    double[] t = new double[l];
    double a = 0.0;
    double b = Math.log((prior0 + 1.0) / (prior1 + 1.0));
    for (int i = 0; i < l; i++) {
      t[i] = labels[i] > 0 ? hiTarget : loTarget;
    }
    double fval = objective(dec, t, a, b);
    for (int iter = 0; iter < maxIter; iter++) {
      double h11 = sigma;
      double h22 = sigma;
      double h21 = 0.0;
      double g1 = 0.0;
      double g2 = 0.0;
      for (int i = 0; i < l; i++) {
        double fApB = dec[i] * a + b;
        double p;
        double q;
        if (fApB >= 0) {
          p = Math.exp(-fApB) / (1.0 + Math.exp(-fApB));
          q = 1.0 / (1.0 + Math.exp(-fApB));
        } else {
          p = 1.0 / (1.0 + Math.exp(fApB));
          q = Math.exp(fApB) / (1.0 + Math.exp(fApB));
        }
        double d2 = p * q;
        h11 += dec[i] * dec[i] * d2;
        h22 += d2;
        h21 += dec[i] * d2;
        double d1 = t[i] - p;
        g1 += dec[i] * d1;
        g2 += d1;
      }
      if (Math.abs(g1) < eps && Math.abs(g2) < eps) {
        break;
      }
      double det = h11 * h22 - h21 * h21;
      double dA = -(h22 * g1 - h21 * g2) / det;
      double dB = -(-h21 * g1 + h11 * g2) / det;
      double gd = g1 * dA + g2 * dB;
      double step = 1;
      while (step >= minStep) {
        double newA = a + step * dA;
        double newB = b + step * dB;
        double newf = objective(dec, t, newA, newB);
        if (newf < fval + 0.0001 * step * gd) {
          a = newA;
          b = newB;
          fval = newf;
          break;
        }
        step = step / 2.0;
      }
      if (step < minStep) {
        break;
      }
    }
    return new double[] {a, b};
  }

  /** The cross-entropy of the sigmoid against the targets, written to avoid overflow. */
  private static double objective(double[] dec, double[] t, double a, double b) {
    double f = 0.0;
    for (int i = 0; i < dec.length; i++) {
      double fApB = dec[i] * a + b;
      if (fApB >= 0) {
        f += t[i] * fApB + Math.log(1 + Math.exp(-fApB));
      } else {
        f += (t[i] - 1) * fApB + Math.log(1 + Math.exp(fApB));
      }
    }
    return f;
  }

  /** 1 / (1 + exp(A·f + B)), computed without cancellation ({@code sigmoid_predict}). */
  static double sigmoidPredict(double decision, double a, double b) {
    double fApB = decision * a + b;
    return fApB >= 0 ? Math.exp(-fApB) / (1.0 + Math.exp(-fApB)) : 1.0 / (1 + Math.exp(fApB));
  }

  /** The class probabilities of each row from its raw pairwise decision values. */
  static double[][] predictProba(double[] probA, double[] probB, double[][] raw, int k) {
    double minProb = 1e-7;
    double[][] out = new double[raw.length][];
    for (int r = 0; r < raw.length; r++) {
      double[][] pairwise = new double[k][k];
      int p = 0;
      for (int i = 0; i < k; i++) {
        for (int j = i + 1; j < k; j++) {
          double s = sigmoidPredict(raw[r][p], probA[p], probB[p]);
          pairwise[i][j] = SmoSolver.min(SmoSolver.max(s, minProb), 1 - minProb);
          pairwise[j][i] = 1 - pairwise[i][j];
          p++;
        }
      }
      out[r] = multiclassProbability(k, pairwise);
    }
    return out;
  }

  /** Wu, Lin and Weng's method 2: the p minimising Σ_t Σ_{j≠t} (r_jt·p_t − r_tj·p_j)². */
  static double[] multiclassProbability(int k, double[][] r) {
    double[] p = new double[k];
    double[][] Q = new double[k][k];
    double[] Qp = new double[k];
    double eps = 0.005 / k;
    for (int t = 0; t < k; t++) {
      p[t] = 1.0 / k;
      for (int j = 0; j < t; j++) {
        Q[t][t] += r[j][t] * r[j][t];
        Q[t][j] = Q[j][t];
      }
      for (int j = t + 1; j < k; j++) {
        Q[t][t] += r[j][t] * r[j][t];
        Q[t][j] = -r[j][t] * r[t][j];
      }
    }
    int maxIter = Math.max(100, k);
    for (int iter = 0; iter < maxIter; iter++) {
      double pQp = 0;
      for (int t = 0; t < k; t++) {
        Qp[t] = 0;
        for (int j = 0; j < k; j++) {
          Qp[t] += Q[t][j] * p[j];
        }
        pQp += p[t] * Qp[t];
      }
      double maxError = 0;
      for (int t = 0; t < k; t++) {
        maxError = Math.max(maxError, Math.abs(Qp[t] - pQp));
      }
      if (maxError < eps) {
        break;
      }
      for (int t = 0; t < k; t++) {
        double diff = (-Qp[t] + pQp) / Q[t][t];
        p[t] += diff;
        pQp = (pQp + diff * (diff * Q[t][t] + 2 * Qp[t])) / (1 + diff) / (1 + diff);
        for (int j = 0; j < k; j++) {
          Qp[j] = (Qp[j] + diff * Q[t][j]) / (1 + diff);
          p[j] /= (1 + diff);
        }
      }
    }
    return p;
  }
}

package semaine.svm;

import java.util.Map;
import semaine.base.BaseEstimator;
import semaine.base.EstimatorSpec;
import semaine.base.Param;
import semaine.base.Rule;
import semaine.util.Checks;
import semaine.util.Parallel;
import semaine.util.Sums;

/**
 * What the libsvm-based models share, as scikit-learn's {@code BaseLibSVM}: the kernel parameters,
 * the solver's options, the preparation of the training data (gamma, sample weights, a precomputed
 * Gram matrix) and the decision values of new samples, Σ coef·K(x, sv) − ρ.
 *
 * <p>Deliberate difference: {@code gamma = 0} is rejected (scikit-learn accepts it and gets a
 * constant kernel).
 */
public abstract class BaseLibSVM<E extends BaseLibSVM<E>> extends BaseEstimator<E> {

  static final Param<String> KERNEL = Param.of("kernel", "rbf",
      Rule.options("linear", "poly", "rbf", "sigmoid", "precomputed"));
  static final Param<Integer> DEGREE = Param.of("degree", 3, Rule.ints(0, null));
  static final Param<Object> GAMMA = Param.of("gamma", "scale", Rule.options("scale", "auto"),
      Rule.above(0.0));
  static final Param<Double> COEF0 = Param.of("coef0", 0.0, Rule.reals(null, false, null, false));
  static final Param<Double> TOL = Param.of("tol", 1e-3, Rule.above(0.0));
  static final Param<Double> C = Param.of("C", 1.0, Rule.above(0.0));
  static final Param<Double> NU = Param.of("nu", 0.5, Rule.reals(0.0, false, 1.0, true));
  static final Param<Double> EPSILON = Param.of("epsilon", 0.1, Rule.atLeast(0.0));
  static final Param<Boolean> SHRINKING = Param.of("shrinking", true, Rule.bool());
  static final Param<Boolean> PROBABILITY = Param.of("probability", false, Rule.bool());
  static final Param<Double> CACHE_SIZE = Param.of("cache_size", 200.0, Rule.above(0.0));
  static final Param<Object> CLASS_WEIGHT = Param.of("class_weight", null, Rule.none(),
      Rule.options("balanced"), Rule.instanceOf(Map.class, "a dict {label: weight}"));
  static final Param<Integer> MAX_ITER = Param.of("max_iter", -1, Rule.ints(-1, null));
  static final Param<String> DECISION_FUNCTION_SHAPE = Param.of("decision_function_shape",
      "ovr", Rule.options("ovr", "ovo"));
  static final Param<Boolean> BREAK_TIES = Param.of("break_ties", false, Rule.bool());
  static final Param<Object> RANDOM_STATE = Param.of("random_state", null, Rule.randomState());

  /** The training data as libsvm sees it, after the samples of weight ≤ 0 are dropped. */
  record Prepared(double[][] X, int[] kept, double[] W, double gamma, Kernel kernel,
      Formulation.Options options) {

    /** The Gram-matrix column of each kept sample (its row in the training X). */
    int[] columns() {
      return kept;
    }

    KernelCache cache(double[][] rows, int[] columns, double cacheSizeMb) {
      return new KernelCache(kernel, rows, columns, cacheSizeMb);
    }
  }

  protected BaseLibSVM(EstimatorSpec<E> spec) {
    super(spec);
  }

  /** {@code kernel}: "linear", "poly", "rbf" (default), "sigmoid" or "precomputed". */
  public E kernel(String kernel) {
    return set(KERNEL, kernel);
  }

  /** {@code degree} of the polynomial kernel (default 3). */
  public E degree(int degree) {
    return set(DEGREE, degree);
  }

  /** {@code gamma}: "scale" (default) = 1 / (n_features · X.var()), or "auto" = 1 / n_features. */
  public E gamma(String gamma) {
    return set(GAMMA, gamma);
  }

  /** {@code gamma}: the kernel coefficient of rbf, poly and sigmoid, > 0. */
  public E gamma(double gamma) {
    return set(GAMMA, gamma);
  }

  /** {@code coef0}: the constant term of the poly and sigmoid kernels (default 0). */
  public E coef0(double coef0) {
    return set(COEF0, coef0);
  }

  /** {@code tol}: the stopping tolerance on the maximal violation (default 1e-3). */
  public E tol(double tol) {
    return set(TOL, tol);
  }

  /** {@code shrinking}: whether to use the shrinking heuristic (default true). */
  public E shrinking(boolean shrinking) {
    return set(SHRINKING, shrinking);
  }

  /** {@code cache_size}: the kernel cache, in megabytes (default 200). */
  public E cacheSize(double megabytes) {
    return set(CACHE_SIZE, megabytes);
  }

  /** {@code max_iter}: a limit on the solver's iterations, −1 for none (default). */
  public E maxIter(int maxIter) {
    return set(MAX_ITER, maxIter);
  }

  /** The fitted state shared by the libsvm models. */
  final LibSvmFit libsvmFit() {
    return fitted();
  }

  /** The indices of the support vectors in the training samples ({@code support_}). */
  public int[] support() {
    return libsvmFit().support().clone();
  }

  /** The support vectors, shape (n_SV, n_features); empty for a precomputed kernel. */
  public double[][] supportVectors() {
    double[][] sv = libsvmFit().supportVectors();
    return sv == null ? new double[0][] : sv.clone();
  }

  /** Support vectors per class; one count for regression and one-class ({@code n_support_}). */
  public int[] nSupport() {
    return libsvmFit().nSupport().clone();
  }

  /** The dual coefficients, shape (n_classes − 1, n_SV), or (1, n_SV) ({@code dual_coef_}). */
  public double[][] dualCoef() {
    return libsvmFit().dualCoef().clone();
  }

  /** The intercept of each decision function, −ρ ({@code intercept_}). */
  public double[] intercept() {
    return libsvmFit().intercept().clone();
  }

  /** 0 when the solver converged, 1 when max_iter stopped it ({@code fit_status_}). */
  public int fitStatus() {
    return libsvmFit().fitStatus();
  }

  /** The gamma used, with 'scale' and 'auto' resolved ({@code _gamma}). */
  public double fittedGamma() {
    return libsvmFit().gamma();
  }

  /** The share of kernel rows the solver found in its cache during fit. */
  public double kernelCacheHitRate() {
    return libsvmFit().kernelCacheHitRate();
  }

  /**
   * Checks X (and the sample weights), resolves gamma and drops the samples whose weight is not
   * positive, as libsvm does before training.
   *
   * @param sampleWeight per-sample weights, or null for all ones
   */
  final Prepared prepare(double[][] X, double[] sampleWeight) {
    Checks.checkMatrix("X", X);
    int n = X.length;
    boolean precomputed = get(KERNEL).equals("precomputed");
    if (precomputed && X[0].length != n) {
      throw new IllegalArgumentException("Precomputed matrix must be a square matrix. Input is a "
          + n + "x" + X[0].length + " matrix.");
    }
    double[] weights = sampleWeight == null ? ones(n) : Checks.checkVector("sample_weight",
        sampleWeight);
    Checks.checkSameLength("X", n, "sample_weight", weights.length);
    int kept = 0;
    for (double w : weights) {
      kept += w > 0 ? 1 : 0;
    }
    if (kept == 0) {
      throw new IllegalArgumentException(
          "Invalid input - all samples have zero or negative weights.");
    }
    int[] index = new int[kept];
    double[][] rows = new double[kept][];
    double[] W = new double[kept];
    for (int i = 0, k = 0; i < n; i++) {
      if (weights[i] > 0) {
        index[k] = i;
        rows[k] = X[i];
        W[k++] = weights[i];
      }
    }
    double gamma = precomputed ? 0.0 : resolveGamma(X);
    Kernel kernel = new Kernel(Kernel.Type.of(get(KERNEL)), gamma, get(DEGREE), get(COEF0));
    var options = new Formulation.Options(get(TOL), get(SHRINKING), get(MAX_ITER));
    return new Prepared(rows, index, W, gamma, kernel, options);
  }

  private static double[] ones(int n) {
    double[] w = new double[n];
    java.util.Arrays.fill(w, 1.0);
    return w;
  }

  /** gamma as a number: 'scale' is 1 / (n_features · X.var()) (1 when the variance is 0). */
  private double resolveGamma(double[][] X) {
    Object gamma = get(GAMMA);
    int d = X[0].length;
    if (gamma instanceof Number number) {
      return number.doubleValue();
    }
    if (gamma.equals("auto")) {
      return 1.0 / d;
    }
    double variance = variance(X);
    return variance != 0 ? 1.0 / (d * variance) : 1.0;
  }

  /** NumPy's {@code X.var()} over all entries: pairwise sums of x, then of (x − mean)². */
  static double variance(double[][] X) {
    int d = X[0].length;
    double[] flat = new double[X.length * d];
    for (int i = 0; i < X.length; i++) {
      System.arraycopy(X[i], 0, flat, i * d, d);
    }
    double mean = Sums.pairwiseUnchunked(flat) / flat.length;
    for (int k = 0; k < flat.length; k++) {
      double centred = flat[k] - mean;
      flat[k] = centred * centred;
    }
    return Sums.pairwiseUnchunked(flat) / flat.length;
  }

  /** The kernel of a fitted model, with the gamma resolved at fit. */
  final Kernel kernel(LibSvmFit f) {
    return new Kernel(Kernel.Type.of(get(KERNEL)), f.gamma(), get(DEGREE), get(COEF0));
  }

  /** Checks new samples against the fitted shape (n_features, or n_train for precomputed). */
  final void checkPredictInput(LibSvmFit f, double[][] X) {
    Checks.checkMatrix("X", X);
    if (get(KERNEL).equals("precomputed")) {
      if (X[0].length != f.shapeFit()[0]) {
        throw new IllegalArgumentException("X.shape[1] = " + X[0].length + " should be equal to "
            + f.shapeFit()[0] + ", the number of samples at training time");
      }
    } else if (X[0].length != f.nFeaturesIn()) {
      throw new IllegalArgumentException("X has " + X[0].length + " features, but "
          + getClass().getSimpleName() + " is expecting " + f.nFeaturesIn()
          + " features as input");
    }
  }

  /**
   * libsvm's decision values for each row of X: one per pair of classes (i, j), in order, as
   * Σ over class i's SVs then class j's SVs of coef·K(x, sv), minus ρ; one value for regression
   * and one-class.
   */
  final double[][] rawDecision(LibSvmFit f, double[][] X) {
    return rawDecision(f, X, false);
  }

  /**
   * {@link #rawDecision}, or with {@code signsOnly} values whose signs (and zeros) are exactly
   * those of the decision values, all a vote needs: the rbf kernel values come from the vector
   * exponential (within a few units in the last place of Math.exp's), and a row whose value lies
   * within the rounding bound of zero is computed again exactly.
   */
  final double[][] rawDecision(LibSvmFit f, double[][] X, boolean signsOnly) {
    checkPredictInput(f, X);
    Kernel kernel = kernel(f);
    int nSv = f.support().length;
    int[] nSupport = f.nSupport();
    int k = nSupport.length;
    int[] start = new int[k];
    for (int c = 1; c < k; c++) {
      start[c] = start[c - 1] + nSupport[c - 1];
    }
    int nPairs = Math.max(1, k * (k - 1) / 2);
    double[][] out = new double[X.length][nPairs];
    boolean precomputed = kernel.type() == Kernel.Type.PRECOMPUTED;
    FeatureMajor sv = precomputed ? null : new FeatureMajor(f.supportVectors());
    Parallel.forRange(X.length, 16, (from, to) -> {
      double[][] kvalues = new double[QUERIES][nSv];
      boolean fast = signsOnly && kernel.type() == Kernel.Type.RBF && SvcQ.VECTOR;
      // the bound of each sum is only asked of the vector exponential's values
      double[] bound = fast ? new double[nPairs] : null;
      double[][] exact = fast ? new double[1][nSv] : null;
      for (int r = from; r < to; r++) {
        if ((r - from) % QUERIES == 0) {
          kernelValues(kernel, sv, f.support(), X, r, Math.min(to, r + QUERIES), kvalues, fast);
        }
        double[] kvalue = kvalues[(r - from) % QUERIES];
        pairSums(f, start, kvalue, out[r], bound);
        if (fast && !signsCertain(out[r], bound, nSv)) {
          kernelValues(kernel, sv, f.support(), X, r, r + 1, exact, false);
          pairSums(f, start, exact[0], out[r], null);
        }
      }
    });
    return out;
  }

  /**
   * Each pair's Σ coef·K − ρ for one query (one value for regression and one-class), and when
   * bound is given, Σ |coef·K| + |ρ| beside it.
   */
  private static void pairSums(LibSvmFit f, int[] start, double[] kvalue, double[] out,
      double[] bound) {
    int[] nSupport = f.nSupport();
    int k = nSupport.length;
    if (k < 2) {
      double sum = 0;
      double abs = 0;
      double[] coef = f.rawDualCoef()[0];
      for (int s = 0; s < kvalue.length; s++) {
        sum += coef[s] * kvalue[s];
        abs += Math.abs(coef[s] * kvalue[s]);
      }
      out[0] = sum + f.rawIntercept()[0];
      if (bound != null) {
        bound[0] = abs + Math.abs(f.rawIntercept()[0]);
      }
      return;
    }
    int p = 0;
    for (int i = 0; i < k; i++) {
      for (int j = i + 1; j < k; j++) {
        double sum = 0;
        double abs = 0;
        double[] coef1 = f.rawDualCoef()[j - 1];
        double[] coef2 = f.rawDualCoef()[i];
        if (bound == null) {
          // the same sums without their bounds
          for (int s = start[i]; s < start[i] + nSupport[i]; s++) {
            sum += coef1[s] * kvalue[s];
          }
          for (int s = start[j]; s < start[j] + nSupport[j]; s++) {
            sum += coef2[s] * kvalue[s];
          }
        } else {
          for (int s = start[i]; s < start[i] + nSupport[i]; s++) {
            sum += coef1[s] * kvalue[s];
            abs += Math.abs(coef1[s] * kvalue[s]);
          }
          for (int s = start[j]; s < start[j] + nSupport[j]; s++) {
            sum += coef2[s] * kvalue[s];
            abs += Math.abs(coef2[s] * kvalue[s]);
          }
        }
        out[p] = sum + f.rawIntercept()[p];
        if (bound != null) {
          bound[p] = abs + Math.abs(f.rawIntercept()[p]);
        }
        p++;
      }
    }
  }

  /**
   * Whether each value's sign is certain: kernel values off by a relative 2⁻⁴⁸ at most and two
   * sums of n terms each rounded move a value by less than (2⁻⁴⁸ + (2n + 4)·2⁻⁵³)·Σ|terms|; the
   * margin asked is four times that.
   */
  private static boolean signsCertain(double[] values, double[] bound, int n) {
    double relative = 4 * (0x1p-48 + (2.0 * n + 4) * 0x1p-53);
    for (int p = 0; p < values.length; p++) {
      if (!(Math.abs(values[p]) > relative * bound[p])) {
        return false;
      }
    }
    return true;
  }

  /**
   * Trains one problem over all kept samples (regression and one-class) and keeps the samples
   * with a non-zero coefficient as support vectors, in sample order.
   */
  final LibSvmFit fitSingle(double[][] X, Prepared prep,
      java.util.function.Function<KernelCache, Formulation.Dual> formulation) {
    KernelCache cache = prep.cache(prep.X(), prep.columns(), get(CACHE_SIZE));
    Formulation.Dual dual = formulation.apply(cache);
    int nSv = 0;
    for (double c : dual.coef()) {
      nSv += Math.abs(c) > 0 ? 1 : 0;
    }
    boolean precomputed = get(KERNEL).equals("precomputed");
    int[] support = new int[nSv];
    double[][] coef = new double[1][nSv];
    double[][] sv = new double[precomputed ? 0 : nSv][];
    for (int i = 0, s = 0; i < dual.coef().length; i++) {
      if (Math.abs(dual.coef()[i]) > 0) {
        support[s] = i;
        coef[0][s] = dual.coef()[i];
        if (!precomputed) {
          sv[s] = prep.X()[i].clone();
        }
        s++;
      }
    }
    double[] rho = {dual.rho()};
    checkFinite(coef, rho);
    double[] intercept = {intercept(dual.rho())};
    return new LibSvmFit(support, precomputed ? null : sv, new int[] {nSv}, coef, intercept, coef,
        intercept, null, null, dual.timedOut() ? 1 : 0, new int[] {dual.nIter()}, null, null,
        prep.gamma(), new int[] {X.length, X[0].length}, X[0].length, cache.hitRate());
  }

  /** Σ coef·K(x, sv) − ρ for each row of X (regression and one-class). */
  final double[] singleDecision(LibSvmFit f, double[][] X) {
    double[][] raw = rawDecision(f, X);
    double[] out = new double[X.length];
    for (int r = 0; r < X.length; r++) {
      out[r] = raw[r][0];
    }
    return out;
  }

  /** Queries whose kernel values are computed together (one pass over the support vectors). */
  private static final int QUERIES = 4;

  /**
   * K(x, sv) for every support vector and each query x of X[from, to) (at most {@link #QUERIES}),
   * as libsvm's {@code k_function} at prediction: kvalues[r − from][s].
   */
  private static void kernelValues(Kernel kernel, FeatureMajor sv, int[] support, double[][] X,
      int from, int to, double[][] kvalues, boolean vectorExp) {
    int nSv = support.length;
    if (sv != null && kernel.type() == Kernel.Type.RBF && SvcQ.VECTOR && to - from == QUERIES) {
      // four queries per pass over the support vectors
      int done = VectorKernelRows.squaredDistances4(sv.columns(), X[from], X[from + 1],
          X[from + 2], X[from + 3], 0, nSv, kvalues);
      for (int q = 0; q < QUERIES; q++) {
        double[] kvalue = kvalues[q];
        for (int s = done; s < nSv; s++) {
          kvalue[s] = sv.squaredDistance(X[from + q], s);
        }
        int s = vectorExp ? VectorKernelRows.expScaled(kvalue, nSv, -kernel.gamma()) : 0;
        for (; s < nSv; s++) {
          kvalue[s] = kernel.ofSquaredDistance(kvalue[s]);
        }
      }
      return;
    }
    for (int r = from; r < to; r++) {
      double[] x = X[r];
      double[] kvalue = kvalues[r - from];
      if (sv == null) {
        for (int s = 0; s < nSv; s++) {
          kvalue[s] = kernel.predict(x, null, support[s]);
        }
      } else if (kernel.type() == Kernel.Type.RBF) {
        sv.squaredDistances(x, 0, nSv, kvalue);
        for (int s = 0; s < nSv; s++) {
          kvalue[s] = kernel.ofSquaredDistance(kvalue[s]);
        }
      } else {
        sv.dots(x, 0, nSv, kvalue);
        for (int s = 0; s < nSv; s++) {
          kvalue[s] = kernel.ofDot(kvalue[s], 0, 0);
        }
      }
    }
  }

  /** {@code −ρ} as scikit-learn stores it, with −0 written as +0. */
  static double intercept(double rho) {
    return rho == 0 ? 0.0 : -rho;
  }

  /** coef_ for a linear kernel: rows of dual coefficients times the support vectors. */
  static double[][] primal(double[][] dualCoef, double[][] supportVectors) {
    int d = supportVectors.length == 0 ? 0 : supportVectors[0].length;
    double[][] coef = new double[dualCoef.length][d];
    for (int r = 0; r < dualCoef.length; r++) {
      for (int s = 0; s < supportVectors.length; s++) {
        for (int f = 0; f < d; f++) {
          coef[r][f] += dualCoef[r][s] * supportVectors[s][f];
        }
      }
    }
    return coef;
  }

  /** Raises scikit-learn's error when the solution is not finite. */
  static void checkFinite(double[][] coef, double[] rho) {
    for (double r : rho) {
      Checks.checkArgument(Double.isFinite(r), "The dual coefficients or intercepts are not "
          + "finite. The input data may contain large values and need to be preprocessed.");
    }
    for (double[] row : coef) {
      for (double c : row) {
        Checks.checkArgument(Double.isFinite(c), "The dual coefficients or intercepts are not "
            + "finite. The input data may contain large values and need to be preprocessed.");
      }
    }
  }
}

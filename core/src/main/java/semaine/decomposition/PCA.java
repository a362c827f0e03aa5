package semaine.decomposition;

import java.util.Arrays;
import semaine.base.Attribute;
import semaine.base.BaseEstimator;
import semaine.base.EstimatorSpec;
import semaine.base.Param;
import semaine.base.Rule;
import semaine.base.Transformer;
import semaine.util.Checks;
import semaine.util.Sums;

/**
 * Principal component analysis: the directions of largest variance of the centred data, from its
 * singular value decomposition {@code X - mean = U S Vᵀ}; {@code components_} are the first rows of
 * Vᵀ, {@code explained_variance_ = S² / (n_samples - 1)}, and {@code transform} projects centred
 * rows on them (divided by √explained_variance_ with {@code whiten}).
 *
 * <p>As scikit-learn 1.9's {@code PCA} on dense input. {@code svd_solver}:
 * <ul>
 *   <li>{@code "full"}: the exact SVD. The data are reduced by a Householder QR to their (p, p)
 *       triangular factor R (the same singular values and right vectors), which one-sided Jacobi
 *       decomposes; a wide matrix is decomposed through its transpose. Data with
 *       {@code n >= 10 p} whose centred covariance is well conditioned take its eigenvectors
 *       instead (one pass over the data; {@link Spectra#full}).</li>
 *   <li>{@code "covariance_eigh"}: the eigenvectors of the covariance matrix
 *       {@code (XᵀX - n μμᵀ) / (n - 1)}, negative eigenvalues clipped to 0.</li>
 *   <li>{@code "randomized"}: {@link RandomizedSvd}, from the same {@code random_state} draws as
 *       scikit-learn's {@code randomized_svd}; {@code noise_variance_} then comes from the total
 *       variance.</li>
 *   <li>{@code "auto"} (default): covariance_eigh when {@code p <= 1000} and {@code n >= 10 p};
 *       else full when {@code max(n, p) <= 500} or {@code n_components='mle'}; else randomized
 *       when {@code 1 <= n_components < 0.8 min(n, p)}; else full.</li>
 * </ul>
 * Signs follow {@code svd_flip(u_based_decision=False)}: in each component, the entry of largest
 * magnitude (the first on ties) is positive. {@code n_components} is an int, a fraction in (0, 1)
 * (the fewest components whose explained variance ratios add up to more than it), {@code "mle"}
 * (Minka's choice, {@link Minka}) or None (all). LAPACK's divide and conquer and Jacobi differ in
 * rounding only: the attributes agree with scikit-learn's to about 1e-12 relative where the
 * singular values are well separated.
 *
 * <p>Differences from scikit-learn 1.9: no {@code "arpack"} solver (and {@code tol}, which only
 * arpack reads, is kept for the signature); a direction of a zero singular value of wide data is
 * left at 0 instead of an arbitrary unit vector.
 *
 * <h2>Example</h2>
 * <pre>{@code
 * var pca = new PCA(2);                           // pca = PCA(n_components=2)
 * double[][] Z = pca.fitTransform(X);             // Z = pca.fit_transform(X)
 * double[] ratio = pca.explainedVarianceRatio();  // pca.explained_variance_ratio_
 * }</pre>
 */
public final class PCA extends BaseEstimator<PCA> implements Transformer {

  static final Param<Object> N_COMPONENTS = Param.of("n_components", null, Rule.none(),
      Rule.ints(0, null), Rule.reals(0.0, false, 1.0, false), Rule.options("mle"));
  static final Param<Boolean> COPY = Param.of("copy", true, Rule.bool());
  static final Param<Boolean> WHITEN = Param.of("whiten", false, Rule.bool());
  static final Param<String> SVD_SOLVER = Param.of("svd_solver", "auto",
      Rule.options("auto", "full", "covariance_eigh", "randomized"));
  static final Param<Double> TOL = Param.of("tol", 0.0, Rule.atLeast(0));
  static final Param<Object> ITERATED_POWER = Param.of("iterated_power", "auto",
      Rule.options("auto"), Rule.ints(0, null));
  static final Param<Integer> N_OVERSAMPLES = Param.of("n_oversamples", 10, Rule.ints(1, null));
  static final Param<String> POWER_ITERATION_NORMALIZER = Param.of("power_iteration_normalizer",
      "auto", Rule.options("auto", "QR", "LU", "none"));
  static final Param<Object> RANDOM_STATE = Param.of("random_state", null, Rule.randomState());
  private static final EstimatorSpec<PCA> SPEC = EstimatorSpec.of(
      "sklearn.decomposition.PCA", PCA::new, Fitted.class, N_COMPONENTS, COPY, WHITEN, SVD_SOLVER,
      TOL, ITERATED_POWER, N_OVERSAMPLES, POWER_ITERATION_NORMALIZER, RANDOM_STATE);

  /** What {@link #fit} learned, by scikit-learn's attribute names. */
  private record Fitted(double[][] components, double[] explainedVariance,
      double[] explainedVarianceRatio, double[] singularValues, double[] mean, int nComponents,
      double noiseVariance, int nSamples, int nFeaturesIn,
      @Attribute("_fit_svd_solver") String fitSvdSolver) {}

  /** Keeps every component (scikit-learn's default, {@code n_components=None}). */
  public PCA() {
    super(SPEC);
  }

  /** Keeps {@code nComponents} components. */
  public PCA(int nComponents) {
    this();
    nComponents(nComponents);
  }

  /** The number of components to keep ({@code n_components}). */
  public PCA nComponents(int nComponents) {
    return set(N_COMPONENTS, nComponents);
  }

  /**
   * The fraction of the variance to keep, in (0, 1), or {@code "mle"} as text
   * ({@code n_components=0.95}).
   */
  public PCA nComponents(Object nComponents) {
    return set(N_COMPONENTS, nComponents);
  }

  /** Whether to scale the projections to unit variance ({@code whiten}, default false). */
  public PCA whiten(boolean whiten) {
    return set(WHITEN, whiten);
  }

  /** "auto", "full", "covariance_eigh" or "randomized" ({@code svd_solver}). */
  public PCA svdSolver(String solver) {
    return set(SVD_SOLVER, solver);
  }

  /** Power iterations of the randomized solver, or "auto" ({@code iterated_power}). */
  public PCA iteratedPower(Object iterations) {
    return set(ITERATED_POWER, iterations);
  }

  /** Extra random directions of the randomized solver ({@code n_oversamples}, default 10). */
  public PCA nOversamples(int oversamples) {
    return set(N_OVERSAMPLES, oversamples);
  }

  /** "auto", "QR", "LU" or "none" ({@code power_iteration_normalizer}). */
  public PCA powerIterationNormalizer(String normalizer) {
    return set(POWER_ITERATION_NORMALIZER, normalizer);
  }

  /** The randomized solver's seed or shared {@code RandomState} ({@code random_state}). */
  public PCA randomState(Object randomState) {
    return set(RANDOM_STATE, randomState);
  }

  /**
   * Learns the mean and the principal components of X, shape (n_samples, n_features).
   *
   * @return this PCA
   * @throws IllegalArgumentException for fewer than 2 samples, or n_components above
   *     min(n_samples, n_features) or of a kind the solver does not take
   */
  @Override
  public PCA fit(double[][] X) {
    fitWithU(X);
    return this;
  }

  /** A fitted state and, from the randomized solver, the left singular vectors U (else null). */
  private record Fit(Fitted fitted, double[][] u) {}

  private Fit fitWithU(double[][] X) {
    validateParams();
    Checks.checkMatrix("X", X);
    int n = X.length;
    int p = X[0].length;
    Checks.checkArgument(n >= 2, "PCA needs at least 2 samples (the variances divide by"
        + " n_samples - 1): X has " + n);
    int min = Math.min(n, p);
    Object requested = get(N_COMPONENTS) == null ? (Object) min : get(N_COMPONENTS);
    String solver = solver(requested, n, p);
    double[] mean = Sums.columnSums(X);
    for (int j = 0; j < p; j++) {
      mean[j] /= n;
    }
    Fit fit = solver.equals("randomized") ? truncated(X, mean, requested)
        : new Fit(exact(X, mean, requested, solver), null);
    for (double v : fit.fitted.explainedVariance) {
      Checks.checkArgument(Double.isFinite(v), "PCA's explained variance is not finite (" + v + ")");
    }
    fitted(fit.fitted);
    return fit;
  }

  /**
   * Learns the components of X and returns its projections ({@code fit_transform}). With the
   * randomized solver these are scikit-learn's {@code U S} (or {@code U √(n-1)} whitened) of the
   * approximate SVD, which differ from {@code transform(X)} by the approximation's error; the
   * exact solvers give {@code transform(X)}.
   */
  @Override
  public double[][] fitTransform(double[][] X) {
    Fit fit = fitWithU(X);
    if (fit.u == null) {
      return transform(X);
    }
    Fitted f = fit.fitted;
    double[][] Z = new double[X.length][f.nComponents];
    for (int i = 0; i < X.length; i++) {
      for (int c = 0; c < f.nComponents; c++) {
        Z[i][c] = fit.u[i][c] * (get(WHITEN) ? Math.sqrt(f.nSamples - 1.0) : f.singularValues[c]);
      }
    }
    return Z;
  }

  /**
   * X projected on the components: {@code (X - mean) componentsᵀ}, computed as scikit-learn does
   * ({@code X componentsᵀ - mean componentsᵀ}), divided by √explained_variance_ (at least eps)
   * with {@code whiten}; shape (n_samples, n_components_).
   */
  @Override
  public double[][] transform(double[][] X) {
    Fitted f = checkInput(X, "X", f().nFeaturesIn);
    int k = f.nComponents;
    double[] meanProjection = new double[k];
    for (int c = 0; c < k; c++) {
      meanProjection[c] = dot(f.mean, f.components[c]);
    }
    double[][] Z = new double[X.length][k];
    for (int i = 0; i < X.length; i++) {
      for (int c = 0; c < k; c++) {
        double z = dot(X[i], f.components[c]) - meanProjection[c];
        Z[i][c] = get(WHITEN) ? z / Math.max(Math.sqrt(f.explainedVariance[c]), Math.ulp(1.0)) : z;
      }
    }
    return Z;
  }

  /**
   * Maps projections back to the data space: {@code Z components + mean}, with the components
   * scaled by √explained_variance_ when whitened ({@code inverse_transform}).
   */
  @Override
  public double[][] inverseTransform(double[][] Z) {
    Fitted f = checkInput(Z, "Z", f().nComponents);
    int p = f.nFeaturesIn;
    double[][] X = new double[Z.length][p];
    for (int i = 0; i < Z.length; i++) {
      for (int j = 0; j < p; j++) {
        double sum = 0;
        for (int c = 0; c < f.nComponents; c++) {
          double scale = get(WHITEN) ? Math.sqrt(f.explainedVariance[c]) : 1.0;
          sum += Z[i][c] * (scale * f.components[c][j]);
        }
        X[i][j] = sum + f.mean[j];
      }
    }
    return X;
  }

  /** The principal axes, shape (n_components_, n_features) ({@code components_}). */
  public double[][] components() {
    return Arrays.stream(f().components).map(double[]::clone).toArray(double[][]::new);
  }

  /** The variance along each component ({@code explained_variance_}). */
  public double[] explainedVariance() {
    return f().explainedVariance.clone();
  }

  /** Each component's share of the total variance ({@code explained_variance_ratio_}). */
  public double[] explainedVarianceRatio() {
    return f().explainedVarianceRatio.clone();
  }

  /** The singular values of the centred data kept ({@code singular_values_}). */
  public double[] singularValues() {
    return f().singularValues.clone();
  }

  /** The per-feature mean ({@code mean_}). */
  public double[] mean() {
    return f().mean.clone();
  }

  /** The number of components kept ({@code n_components_}). */
  public int nComponentsFitted() {
    return f().nComponents;
  }

  /** The probabilistic-PCA noise variance: the mean variance left out ({@code noise_variance_}). */
  public double noiseVariance() {
    return f().noiseVariance;
  }

  /** The solver used, after "auto" was resolved ({@code _fit_svd_solver}). */
  public String fitSvdSolver() {
    return f().fitSvdSolver;
  }

  /** scikit-learn's choice of solver for "auto". */
  private String solver(Object requested, int n, int p) {
    String solver = get(SVD_SOLVER);
    if (!solver.equals("auto")) {
      return solver;
    }
    if (p <= 1000 && n >= 10 * p) {
      return "covariance_eigh";
    }
    if (Math.max(n, p) <= 500 || "mle".equals(requested)) {
      return "full";
    }
    if (requested instanceof Integer k && 1 <= k && k < 0.8 * Math.min(n, p)) {
      return "randomized";
    }
    return "full";
  }

  /** The full and covariance_eigh solvers: the whole spectrum, then the components kept. */
  private Fitted exact(double[][] X, double[] mean, Object requested, String solver) {
    int n = X.length;
    int p = X[0].length;
    int min = Math.min(n, p);
    if ("mle".equals(requested)) {
      Checks.checkArgument(n >= p, "n_components (\"mle\") is only supported if n_samples >= "
          + "n_features: X has " + n + " samples and " + p + " features");
    } else if (requested instanceof Integer k && k > min) {
      throw new IllegalArgumentException("n_components (" + k + ") must be between 0 and"
          + " min(n_samples, n_features) = " + min + " with svd_solver=\"" + solver + "\"");
    }
    Spectra.Spectrum spectrum = solver.equals("full") ? Spectra.full(X, mean)
        : Spectra.covarianceEigh(X, mean);
    double[] variance = spectrum.variance();
    double total = Sums.pairwise(variance);
    double[] ratio = new double[variance.length];
    for (int i = 0; i < ratio.length; i++) {
      ratio[i] = variance[i] / total;
    }
    int k;
    if ("mle".equals(requested)) {
      k = Minka.inferDimension(variance, n);
    } else if (requested instanceof Double fraction) {
      // np.searchsorted(cumsum(ratio), fraction, side="right") + 1
      double cumulative = 0;
      k = 1;
      for (int i = 0; i < ratio.length; i++) {
        cumulative += ratio[i];
        if (cumulative <= fraction) {
          k = i + 2;
        }
      }
      k = Math.min(k, ratio.length);
    } else {
      k = (Integer) requested;
    }
    double noise = k < min ? Sums.pairwise(variance, k, variance.length) / (variance.length - k)
        : 0.0;
    return new Fitted(Arrays.copyOf(spectrum.vt(), k), Arrays.copyOf(variance, k),
        Arrays.copyOf(ratio, k), Arrays.copyOf(spectrum.singularValues(), k), mean, k, noise, n,
        p, solver);
  }

  /** The randomized solver: k components and the total variance of the centred data. */
  private Fit truncated(double[][] X, double[] mean, Object requested) {
    int n = X.length;
    int p = X[0].length;
    int min = Math.min(n, p);
    if (!(requested instanceof Integer k) || k < 1 || k > min) {
      throw new IllegalArgumentException("n_components (" + Rule.show(requested) + ") must be an"
          + " int between 1 and min(n_samples, n_features) = " + min
          + " with svd_solver=\"randomized\"");
    }
    double squares = 0;
    for (double[] row : X) {
      for (int j = 0; j < p; j++) {
        double v = row[j] - mean[j];
        squares += v * v;
      }
    }
    double totalVariance = squares / (n - 1);
    Object power = get(ITERATED_POWER);
    int nIter = power instanceof Integer i ? i : k < 0.1 * min ? 7 : 4;
    String normalizer = get(POWER_ITERATION_NORMALIZER);
    if (normalizer.equals("auto")) {
      normalizer = nIter <= 2 ? "none" : "LU";
    }
    RandomizedSvd.Result svd = RandomizedSvd.of(X, mean, k, get(N_OVERSAMPLES), nIter,
        normalizer, checkRandomState(get(RANDOM_STATE)));
    double[][] vt = svd.vt();
    double[][] u = svd.u();
    Spectra.flipSigns(vt, u);
    double[] s = svd.s();
    double[] variance = new double[k];
    double[] ratio = new double[k];
    for (int c = 0; c < k; c++) {
      variance[c] = s[c] * s[c] / (n - 1);
      ratio[c] = variance[c] / totalVariance;
    }
    double noise = k < min ? (totalVariance - Sums.pairwise(variance)) / (min - k) : 0.0;
    return new Fit(new Fitted(vt, variance, ratio, s, mean, k, noise, n, p, "randomized"), u);
  }

  private Fitted f() {
    return fitted();
  }

  private Fitted checkInput(double[][] X, String name, int width) {
    Fitted f = fitted();
    Checks.checkMatrix(name, X);
    if (X[0].length != width) {
      throw new IllegalArgumentException(name + " has " + X[0].length + " columns but this PCA"
          + " expects " + width);
    }
    return f;
  }

  private static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int j = 0; j < a.length; j++) {
      sum += a[j] * b[j];
    }
    return sum;
  }
}

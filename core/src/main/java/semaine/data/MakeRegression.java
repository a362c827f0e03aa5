package semaine.data;

import java.util.function.Supplier;
import semaine.random.RandomState;
import semaine.util.Checks;

/**
 * A random linear regression problem: scikit-learn 1.9's {@code make_regression} with
 * {@code effective_rank=None} (well-conditioned Gaussian inputs) and {@code coef=True}.
 *
 * <pre>{@code
 * RegressionSamples r = new MakeRegression().nSamples(20).nFeatures(5).nInformative(3)
 *     .noise(1.0).bias(2.5).randomState(0).generate();
 * double[][] X = r.X(); double[] y = r.y(); double[] coef = r.coef();
 * }</pre>
 *
 * <p>Draws, in order: X = {@code standard_normal((n_samples, n_features))}; the first
 * n_informative rows of the ground truth = {@code 100 * uniform(size=(n_informative, n_targets))}
 * (the other rows are 0); y = X · ground_truth + bias; if noise > 0, y += {@code normal(scale=noise,
 * size=(n_samples, n_targets))}; if shuffle, the rows of X and y are permuted
 * ({@code sklearn.utils.shuffle}) and then the features (columns of X, rows of the ground truth) by a
 * second permutation.
 *
 * <p>Exactness: X and the coefficients are bit-identical to scikit-learn's; y comes from a dot
 * product that NumPy hands to BLAS, whose summation order is not specified, so y agrees to about
 * 1e-14 relative. Defaults are scikit-learn's (100 samples, 100 features, 10 informative, 1 target,
 * bias 0, noise 0, shuffled); without {@code randomState} the stream is seeded from system entropy.
 */
public final class MakeRegression {

  private int nSamples = 100;
  private int nFeatures = 100;
  private int nInformative = 10;
  private int nTargets = 1;
  private double bias = 0.0;
  private double noise = 0.0;
  private boolean shuffle = true;
  private Supplier<RandomState> random = RandomState::new;

  /** {@code make_regression()} with scikit-learn's defaults. */
  public MakeRegression() {}

  /** {@code make_regression(n_samples=n)}, n ≥ 1. */
  public MakeRegression nSamples(int n) {
    this.nSamples = Checks.checkPositive("nSamples", n);
    return this;
  }

  /** {@code n_features} ≥ 1 (default 100). */
  public MakeRegression nFeatures(int d) {
    this.nFeatures = Checks.checkPositive("nFeatures", d);
    return this;
  }

  /** {@code n_informative} ≥ 0: features with a non-zero coefficient, capped at n_features (default 10). */
  public MakeRegression nInformative(int k) {
    this.nInformative = Checks.checkNonNegative("nInformative", k);
    return this;
  }

  /** {@code n_targets} ≥ 1 (default 1). */
  public MakeRegression nTargets(int t) {
    this.nTargets = Checks.checkPositive("nTargets", t);
    return this;
  }

  /** {@code bias}: the intercept added to every target (default 0). */
  public MakeRegression bias(double bias) {
    this.bias = Checks.checkFinite("bias", bias);
    return this;
  }

  /** {@code noise} ≥ 0: the standard deviation of Gaussian noise added to y (default 0: none). */
  public MakeRegression noise(double noise) {
    this.noise = Sampling.checkNoise(noise);
    return this;
  }

  /** {@code shuffle}: permute samples and features (default true). */
  public MakeRegression shuffle(boolean shuffle) {
    this.shuffle = shuffle;
    return this;
  }

  /** {@code random_state=seed}: a fresh {@code RandomState(seed)} for each {@link #generate()}. */
  public MakeRegression randomState(long seed) {
    this.random = Sampling.seeded(seed);
    return this;
  }

  /** {@code random_state=rs}: draws from (and advances) the given shared stream. */
  public MakeRegression randomState(RandomState rs) {
    this.random = Sampling.shared(rs);
    return this;
  }

  /** Draws the problem. */
  public RegressionSamples generate() {
    RandomState rs = random.get();
    int informative = Math.min(nFeatures, nInformative);
    double[][] X = rs.randn(nSamples, nFeatures);                 // (n, d)
    double[][] truth = new double[nFeatures][nTargets];           // (d, t)
    double[][] drawn = rs.uniform(0.0, 1.0, informative, nTargets);
    for (int j = 0; j < informative; j++) {
      for (int t = 0; t < nTargets; t++) {
        truth[j][t] = 100 * drawn[j][t];
      }
    }
    double[][] Y = new double[nSamples][nTargets];                // (n, t)
    for (int i = 0; i < nSamples; i++) {
      for (int t = 0; t < nTargets; t++) {
        Y[i][t] = dot(X[i], truth, t) + bias;
      }
    }
    if (noise > 0.0) {
      for (double[] row : Y) {
        for (int t = 0; t < nTargets; t++) {
          row[t] += rs.normal(0.0, noise);
        }
      }
    }
    if (shuffle) {
      int[] order = Sampling.shuffledIndices(rs, nSamples);
      X = Sampling.rows(X, order);
      Y = Sampling.rows(Y, order);
      int[] features = Sampling.shuffledIndices(rs, nFeatures);
      for (int i = 0; i < nSamples; i++) {
        double[] row = X[i];
        double[] permuted = new double[nFeatures];
        for (int j = 0; j < nFeatures; j++) {
          permuted[j] = row[features[j]];
        }
        X[i] = permuted;
      }
      truth = Sampling.rows(truth, features);
    }
    return new RegressionSamples(X, Y, truth);
  }

  /**
   * Σ_j x[j]·truth[j][t] as a chain of fused multiply-adds, the order OpenBLAS's dgemm kernels use
   * on this kind of machine (it usually matches NumPy's {@code np.dot} exactly).
   */
  private static double dot(double[] x, double[][] truth, int t) {
    double acc = x[0] * truth[0][t];
    for (int j = 1; j < x.length; j++) {
      acc = Math.fma(x[j], truth[j][t], acc);
    }
    return acc;
  }
}

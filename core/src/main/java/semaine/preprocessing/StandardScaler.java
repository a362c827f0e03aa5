package semaine.preprocessing;

import semaine.base.Attribute;
import semaine.base.BaseEstimator;
import semaine.base.EstimatorSpec;
import semaine.base.Nullable;
import semaine.base.Param;
import semaine.base.Rule;
import semaine.base.Transformer;
import semaine.util.Checks;
import semaine.util.Sums;

/**
 * Standardises features: {@code z = (x - mean) / scale}, column by column, with the mean and the
 * population standard deviation (ddof = 0) learned by {@link #fit}.
 *
 * <p>Matches scikit-learn 1.9's {@code StandardScaler} on dense input without sample weights:
 * {@code mean_} and {@code var_} are computed as {@code _incremental_mean_and_var} computes them
 * on a first call (sequential column sums, then the corrected two-pass variance
 * {@code (Σ(x - m)² - (Σ(x - m))² / n) / n}), and a column whose variance is within rounding of zero
 * ({@code var <= n·eps·var + (n·mean·eps)²}, scikit-learn's {@code _is_constant_feature}) gets
 * scale 1.0, so constant columns become 0 instead of NaN.
 *
 * <h2>Example</h2>
 * <pre>{@code
 * StandardScaler scaler = new StandardScaler();     // scaler = StandardScaler()
 * double[][] Z = scaler.fitTransform(X);           // Z = scaler.fit_transform(X)
 * double[] mu = scaler.mean();                     // scaler.mean_
 * }</pre>
 */
public final class StandardScaler extends BaseEstimator<StandardScaler> implements Transformer {

  private static final double EPS = Math.ulp(1.0);

  static final Param<Boolean> WITH_MEAN = Param.of("with_mean", true, Rule.bool());
  static final Param<Boolean> WITH_STD = Param.of("with_std", true, Rule.bool());
  private static final EstimatorSpec<StandardScaler> SPEC = EstimatorSpec.of(
      "sklearn.preprocessing.StandardScaler", StandardScaler::new, Fitted.class, WITH_MEAN,
      WITH_STD);

  /**
   * What {@link #fit} learned; {@code mean}, {@code var}, {@code scale} are null when not computed,
   * and {@code centre} records withMean at fit time.
   */
  private record Fitted(@Nullable double[] mean, @Nullable double[] var,
      @Nullable double[] scale, int nFeaturesIn,
      int nSamplesSeen, @Attribute("_centre") boolean centre) {}

  /** A scaler that centres and scales (scikit-learn's defaults). */
  public StandardScaler() {
    super(SPEC);
  }

  /** Whether to subtract the mean ({@code with_mean}, default true). */
  public StandardScaler withMean(boolean withMean) {
    return set(WITH_MEAN, withMean);
  }

  /** Whether to divide by the standard deviation ({@code with_std}, default true). */
  public StandardScaler withStd(boolean withStd) {
    return set(WITH_STD, withStd);
  }

  /**
   * Learns the mean and variance of each column of X, shape (n_samples, n_features).
   *
   * @return this scaler
   */
  @Override
  public StandardScaler fit(double[][] X) {
    validateParams();
    boolean withMean = get(WITH_MEAN);
    boolean withStd = get(WITH_STD);
    Checks.checkMatrix("X", X);
    int n = X.length;
    int d = X[0].length;
    if (!withMean && !withStd) {
      fitted(new Fitted(null, null, null, d, n, false));
      return this;
    }
    double[] sum = Sums.columnSums(X);
    double[] mean = new double[d];
    for (int j = 0; j < d; j++) {
      mean[j] = sum[j] / n;
    }
    if (!withStd) {
      fitted(new Fitted(mean, null, null, d, n, true));
      return this;
    }
    // corrected two-pass algorithm (Chan, Golub and LeVeque), in _incremental_mean_and_var's order
    double[] correction = new double[d];
    double[] squares = new double[d];
    for (double[] row : X) {
      for (int j = 0; j < d; j++) {
        double centred = row[j] - mean[j];
        correction[j] += centred;
        squares[j] += centred * centred;
      }
    }
    double[] var = new double[d];
    double[] scale = new double[d];
    for (int j = 0; j < d; j++) {
      var[j] = (squares[j] - correction[j] * correction[j] / n) / n;
      // _is_constant_feature: the variance is within the algorithm's rounding error of zero
      double bound = n * EPS * var[j] + (n * mean[j] * EPS) * (n * mean[j] * EPS);
      scale[j] = var[j] <= bound ? 1.0 : Math.sqrt(var[j]);
    }
    fitted(new Fitted(mean, var, scale, d, n, withMean));
    return this;
  }

  /** Returns {@code (X - mean) / scale} as a new array (without the parts switched off). */
  @Override
  public double[][] transform(double[][] X) {
    Fitted f = checkInput(X);
    double[][] Z = new double[X.length][];
    for (int i = 0; i < X.length; i++) {
      double[] z = X[i].clone();
      for (int j = 0; j < z.length; j++) {
        if (f.centre) {
          z[j] -= f.mean[j];
        }
        if (f.scale != null) {
          z[j] /= f.scale[j];
        }
      }
      Z[i] = z;
    }
    return Z;
  }

  /** Undoes {@link #transform}: returns {@code Z * scale + mean} as a new array. */
  @Override
  public double[][] inverseTransform(double[][] Z) {
    Fitted f = checkInput(Z);
    double[][] X = new double[Z.length][];
    for (int i = 0; i < Z.length; i++) {
      double[] x = Z[i].clone();
      for (int j = 0; j < x.length; j++) {
        if (f.scale != null) {
          x[j] *= f.scale[j];
        }
        if (f.centre) {
          x[j] += f.mean[j];
        }
      }
      X[i] = x;
    }
    return X;
  }

  /**
   * The per-column mean ({@code mean_}), shape (n_features,).
   *
   * @throws IllegalStateException before fit, or when both withMean and withStd are false
   */
  public double[] mean() {
    return defined(this.<Fitted>fitted().mean, "mean", "withMean and withStd are both false").clone();
  }

  /**
   * The per-column population variance ({@code var_}), shape (n_features,).
   *
   * @throws IllegalStateException before fit, or when withStd is false
   */
  public double[] var() {
    return defined(this.<Fitted>fitted().var, "var", "withStd is false").clone();
  }

  /**
   * The per-column divisor ({@code scale_}): sqrt(var), or 1.0 for a constant column.
   *
   * @throws IllegalStateException before fit, or when withStd is false
   */
  public double[] scale() {
    return defined(this.<Fitted>fitted().scale, "scale", "withStd is false").clone();
  }

  private Fitted checkInput(double[][] X) {
    Fitted f = fitted();
    Checks.checkMatrix("X", X);
    if (X[0].length != f.nFeaturesIn) {
      throw new IllegalArgumentException("X has " + X[0].length
          + " features but StandardScaler was fitted with " + f.nFeaturesIn);
    }
    return f;
  }

  private static double[] defined(double[] values, String name, String why) {
    if (values == null) {
      throw new IllegalStateException(name + "() is not computed when " + why);
    }
    return values;
  }
}

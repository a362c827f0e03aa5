package semaine.preprocessing;

import java.util.Arrays;
import java.util.List;
import semaine.base.BaseEstimator;
import semaine.base.EstimatorSpec;
import semaine.base.Nullable;
import semaine.base.Param;
import semaine.base.Rule;
import semaine.base.Transformer;
import semaine.util.Checks;

/**
 * Centres each feature on its median and divides it by its interquartile range (or another
 * {@code quantile_range}), statistics that outliers barely move: {@code x' = (x - median) / IQR}.
 *
 * <p>As scikit-learn 1.9's {@code RobustScaler} on dense data: the median as {@code np.median}
 * (the mean of the two middle values for an even count), the quantiles as
 * {@code np.percentile(method="linear")}, and a range below 10 eps counted as 1. Differences:
 * {@code unit_variance} is not offered, and NaN is refused as input.
 */
public final class RobustScaler extends BaseEstimator<RobustScaler> implements Transformer {

  static final Param<Boolean> WITH_CENTERING = Param.of("with_centering", true, Rule.bool());
  static final Param<Boolean> WITH_SCALING = Param.of("with_scaling", true, Rule.bool());
  static final Param<List<Double>> QUANTILE_RANGE = Param.of("quantile_range",
      List.of(25.0, 75.0), Rule.realPair());
  static final Param<Boolean> COPY = Param.of("copy", true, Rule.bool());
  private static final EstimatorSpec<RobustScaler> SPEC = EstimatorSpec.of(
      "sklearn.preprocessing.RobustScaler", RobustScaler::new, Fitted.class, WITH_CENTERING,
      WITH_SCALING, QUANTILE_RANGE, COPY);

  private record Fitted(@Nullable double[] center, @Nullable double[] scale, int nFeaturesIn) {}

  /** A scaler by the median and the interquartile range. */
  public RobustScaler() {
    super(SPEC);
  }

  /** Whether to subtract the median ({@code with_centering}, default true). */
  public RobustScaler withCentering(boolean withCentering) {
    return set(WITH_CENTERING, withCentering);
  }

  /** Whether to divide by the quantile range ({@code with_scaling}, default true). */
  public RobustScaler withScaling(boolean withScaling) {
    return set(WITH_SCALING, withScaling);
  }

  /** The percentiles whose difference scales ({@code quantile_range}, default (25, 75)). */
  public RobustScaler quantileRange(double qMin, double qMax) {
    return set(QUANTILE_RANGE, List.of(qMin, qMax));
  }

  /** Learns each column's median and quantile range. */
  @Override
  public RobustScaler fit(double[][] X) {
    validateParams();
    double[] q = Scales.checkRange("quantile_range", MinMaxScaler.pair(get(QUANTILE_RANGE)), 0,
        100);
    Checks.checkMatrix("X", X);
    int d = X[0].length;
    double[] center = get(WITH_CENTERING) ? new double[d] : null;
    double[] range = get(WITH_SCALING) ? new double[d] : null;
    double[] column = new double[X.length];
    for (int j = 0; j < d; j++) {
      for (int i = 0; i < X.length; i++) {
        column[i] = X[i][j];
      }
      Arrays.sort(column);
      if (center != null) {
        center[j] = median(column);
      }
      if (range != null) {
        range[j] = percentile(column, q[1]) - percentile(column, q[0]);
      }
    }
    fitted(new Fitted(center, range == null ? null : Scales.handleZeros(range), d));
    return this;
  }

  /** {@code (x - center) / scale}, without the parts switched off. */
  @Override
  public double[][] transform(double[][] X) {
    Fitted f = fitted();
    return Scales.shiftThenDivide(Scales.checkInput(X, f.nFeaturesIn, "RobustScaler"), f.center,
        f.scale);
  }

  /** {@code z scale + center}. */
  @Override
  public double[][] inverseTransform(double[][] Z) {
    Fitted f = fitted();
    return Scales.multiplyThenShift(Scales.checkInput(Z, f.nFeaturesIn, "RobustScaler"), f.scale,
        f.center);
  }

  /** Each column's median ({@code center_}), or null without centring. */
  public double[] center() {
    double[] c = this.<Fitted>fitted().center;
    return c == null ? null : c.clone();
  }

  /** Each column's quantile range ({@code scale_}), or null without scaling. */
  public double[] scale() {
    double[] s = this.<Fitted>fitted().scale;
    return s == null ? null : s.clone();
  }

  /** {@code np.median} of sorted values: the middle one, or the mean of the two middle ones. */
  static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /**
   * {@code np.percentile(sorted, percent, method="linear")}: the virtual index
   * {@code (n - 1) q / 100} interpolated between its neighbours as NumPy's {@code _lerp} does
   * ({@code a + (b - a) t}, or {@code b - (b - a)(1 - t)} from t = 0.5 on).
   */
  static double percentile(double[] sorted, double percent) {
    int n = sorted.length;
    double index = (n - 1) * (percent / 100);
    int below = (int) Math.floor(index);
    double t = index - below;
    double a = sorted[Math.min(below, n - 1)];
    double b = sorted[Math.min(below + 1, n - 1)];
    double diff = b - a;
    return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
  }
}

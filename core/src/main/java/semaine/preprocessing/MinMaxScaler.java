package semaine.preprocessing;

import java.util.List;
import semaine.base.BaseEstimator;
import semaine.base.EstimatorSpec;
import semaine.base.Param;
import semaine.base.Rule;
import semaine.base.Transformer;
import semaine.util.Checks;

/**
 * Scales each feature to a range: {@code x' = x scale + min} with
 * {@code scale = (high - low) / (data_max - data_min)} and {@code min = low - data_min scale}, so
 * the training data span {@code feature_range = (low, high)} exactly.
 *
 * <p>As scikit-learn 1.9's {@code MinMaxScaler} on dense data: a constant column (range below 10
 * eps) gets scale {@code high - low} (its range counted as 1); {@code clip} clips the transformed
 * values to the range. Differences: NaN is refused as input (scikit-learn ignores it in fit).
 *
 * <h2>Example</h2>
 * <pre>{@code
 * double[][] Z = new MinMaxScaler().fitTransform(X);   // MinMaxScaler().fit_transform(X)
 * }</pre>
 */
public final class MinMaxScaler extends BaseEstimator<MinMaxScaler> implements Transformer {

  static final Param<List<Double>> FEATURE_RANGE = Param.of("feature_range", List.of(0.0, 1.0),
      Rule.realPair());
  static final Param<Boolean> COPY = Param.of("copy", true, Rule.bool());
  static final Param<Boolean> CLIP = Param.of("clip", false, Rule.bool());
  private static final EstimatorSpec<MinMaxScaler> SPEC = EstimatorSpec.of(
      "sklearn.preprocessing.MinMaxScaler", MinMaxScaler::new, Fitted.class, FEATURE_RANGE, COPY,
      CLIP);

  private record Fitted(double[] min, double[] scale, double[] dataMin, double[] dataMax,
      double[] dataRange, int nSamplesSeen, int nFeaturesIn) {}

  /** A scaler to [0, 1]. */
  public MinMaxScaler() {
    super(SPEC);
  }

  /** The target range ({@code feature_range}, default (0, 1)). */
  public MinMaxScaler featureRange(double low, double high) {
    return set(FEATURE_RANGE, List.of(low, high));
  }

  /** Whether transform clips to the range ({@code clip}, default false). */
  public MinMaxScaler clip(boolean clip) {
    return set(CLIP, clip);
  }

  /** Learns each column's minimum and maximum. */
  @Override
  public MinMaxScaler fit(double[][] X) {
    validateParams();
    double[] range = pair(get(FEATURE_RANGE));
    if (!(range[0] < range[1])) {
      throw new IllegalArgumentException("feature_range (" + get(FEATURE_RANGE)
          + ") must be a pair (low, high) with low < high");
    }
    Checks.checkMatrix("X", X);
    int d = X[0].length;
    double[] lo = X[0].clone();
    double[] hi = X[0].clone();
    for (double[] row : X) {
      for (int j = 0; j < d; j++) {
        lo[j] = Math.min(lo[j], row[j]);
        hi[j] = Math.max(hi[j], row[j]);
      }
    }
    double[] dataRange = new double[d];
    for (int j = 0; j < d; j++) {
      dataRange[j] = hi[j] - lo[j];
    }
    double[] handled = Scales.handleZeros(dataRange);
    double[] scale = new double[d];
    double[] min = new double[d];
    for (int j = 0; j < d; j++) {
      scale[j] = (range[1] - range[0]) / handled[j];
      min[j] = range[0] - lo[j] * scale[j];
    }
    fitted(new Fitted(min, scale, lo, hi, dataRange, X.length, d));
    return this;
  }

  /** {@code x scale + min}, clipped to the range with {@code clip}. */
  @Override
  public double[][] transform(double[][] X) {
    Fitted f = fitted();
    Scales.checkInput(X, f.nFeaturesIn, "MinMaxScaler");
    double[][] Z = Scales.multiplyThenShift(X, f.scale, f.min);
    if (get(CLIP)) {
      double[] range = pair(get(FEATURE_RANGE));
      for (double[] z : Z) {
        for (int j = 0; j < z.length; j++) {
          z[j] = Math.min(Math.max(z[j], range[0]), range[1]);
        }
      }
    }
    return Z;
  }

  /** {@code (z - min) / scale}. */
  @Override
  public double[][] inverseTransform(double[][] Z) {
    Fitted f = fitted();
    return Scales.shiftThenDivide(Scales.checkInput(Z, f.nFeaturesIn, "MinMaxScaler"), f.min,
        f.scale);
  }

  /** Each column's scale ({@code scale_}). */
  public double[] scale() {
    return this.<Fitted>fitted().scale.clone();
  }

  /** Each column's offset ({@code min_}). */
  public double[] min() {
    return this.<Fitted>fitted().min.clone();
  }

  /** Each column's minimum seen in fit ({@code data_min_}). */
  public double[] dataMin() {
    return this.<Fitted>fitted().dataMin.clone();
  }

  /** Each column's maximum seen in fit ({@code data_max_}). */
  public double[] dataMax() {
    return this.<Fitted>fitted().dataMax.clone();
  }

  static double[] pair(List<Double> pair) {
    return new double[] {pair.get(0), pair.get(1)};
  }
}

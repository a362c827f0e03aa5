package semaine.preprocessing;

import semaine.base.BaseEstimator;
import semaine.base.EstimatorSpec;
import semaine.base.Param;
import semaine.base.Rule;
import semaine.base.Transformer;
import semaine.util.Checks;

/**
 * Divides each feature by its largest absolute value in the training data, so values fall in
 * [-1, 1] and zeros stay zeros; as scikit-learn 1.9's {@code MaxAbsScaler} on dense data (a column
 * of zeros keeps scale 1).
 */
public final class MaxAbsScaler extends BaseEstimator<MaxAbsScaler> implements Transformer {

  static final Param<Boolean> COPY = Param.of("copy", true, Rule.bool());
  private static final EstimatorSpec<MaxAbsScaler> SPEC = EstimatorSpec.of(
      "sklearn.preprocessing.MaxAbsScaler", MaxAbsScaler::new, Fitted.class, COPY);

  private record Fitted(double[] scale, double[] maxAbs, int nSamplesSeen, int nFeaturesIn) {}

  /** A scaler by the maximum absolute value. */
  public MaxAbsScaler() {
    super(SPEC);
  }

  /** Learns each column's maximum absolute value. */
  @Override
  public MaxAbsScaler fit(double[][] X) {
    validateParams();
    Checks.checkMatrix("X", X);
    int d = X[0].length;
    double[] maxAbs = new double[d];
    for (double[] row : X) {
      for (int j = 0; j < d; j++) {
        maxAbs[j] = Math.max(maxAbs[j], Math.abs(row[j]));
      }
    }
    fitted(new Fitted(Scales.handleZeros(maxAbs), maxAbs, X.length, d));
    return this;
  }

  /** {@code x / scale}. */
  @Override
  public double[][] transform(double[][] X) {
    Fitted f = fitted();
    return Scales.shiftThenDivide(Scales.checkInput(X, f.nFeaturesIn, "MaxAbsScaler"), null,
        f.scale);
  }

  /** {@code z scale}. */
  @Override
  public double[][] inverseTransform(double[][] Z) {
    Fitted f = fitted();
    return Scales.multiplyThenShift(Scales.checkInput(Z, f.nFeaturesIn, "MaxAbsScaler"), f.scale,
        null);
  }

  /** Each column's divisor ({@code scale_}). */
  public double[] scale() {
    return this.<Fitted>fitted().scale.clone();
  }

  /** Each column's largest absolute value ({@code max_abs_}). */
  public double[] maxAbs() {
    return this.<Fitted>fitted().maxAbs.clone();
  }
}

package semaine.anomaly;

import semaine.base.Param;
import semaine.base.Rule;
import semaine.util.Percentile;

/**
 * The {@code contamination} parameter of scikit-learn's outlier detectors: "auto" (each model's
 * fixed threshold) or the expected fraction of outliers, in (0, 0.5], which puts the threshold at
 * that percentile of the training scores.
 *
 * @param fraction the fraction, or NaN for "auto"
 */
record Contamination(double fraction) {

  /** The parameter: "auto" (the default) or a fraction in (0, 0.5]. */
  static final Param<Object> PARAM = Param.of("contamination", "auto", Rule.options("auto"),
      Rule.reals(0.0, false, 0.5, true));

  static final Contamination AUTO = new Contamination(Double.NaN);

  Contamination {
    if (!Double.isNaN(fraction) && !(fraction > 0 && fraction <= 0.5)) {
      throw new IllegalArgumentException(PARAM.name() + " (" + fraction + ") must be "
          + PARAM.describe());
    }
  }

  /** The contamination of a (checked) parameter value. */
  static Contamination of(Object value) {
    return value instanceof Double fraction ? new Contamination(fraction) : AUTO;
  }

  boolean isAuto() {
    return Double.isNaN(fraction);
  }

  /**
   * {@code autoOffset} for "auto", else {@code np.percentile(scores, 100 * contamination)}: the
   * lowest {@code contamination} share of the scores falls below it.
   */
  double offset(double[] scores, double autoOffset) {
    return isAuto() ? autoOffset : Percentile.linear(scores, 100.0 * fraction);
  }

  @Override
  public String toString() {
    return isAuto() ? "auto" : String.valueOf(fraction);
  }
}

package semaine.anomaly;

import semaine.util.Percentile;

/**
 * The {@code contamination} parameter of scikit-learn's outlier detectors: "auto" (each model's
 * fixed threshold) or the expected fraction of outliers, in (0, 0.5], which puts the threshold at
 * that percentile of the training scores.
 *
 * @param fraction the fraction, or NaN for "auto"
 */
record Contamination(double fraction) {

  static final Contamination AUTO = new Contamination(Double.NaN);

  Contamination {
    if (!Double.isNaN(fraction) && !(fraction > 0 && fraction <= 0.5)) {
      throw invalid(String.valueOf(fraction));
    }
  }

  /** A fraction in (0, 0.5]; NaN and infinities are rejected like any other value outside. */
  static Contamination of(double fraction) {
    if (!(fraction > 0 && fraction <= 0.5)) {
      throw invalid(String.valueOf(fraction));
    }
    return new Contamination(fraction);
  }

  /** "auto" or a number in (0, 0.5], as the CLI passes it. */
  static Contamination parse(String text) {
    if (text == null) {
      throw invalid("null");
    }
    if (text.equals("auto")) {
      return AUTO;
    }
    double fraction;
    try {
      fraction = Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      throw invalid(text);
    }
    if (!(fraction > 0 && fraction <= 0.5)) {
      throw invalid(text);
    }
    return new Contamination(fraction);
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

  private static IllegalArgumentException invalid(String value) {
    return new IllegalArgumentException(
        "contamination (" + value + ") must be in (0, 0.5] or \"auto\"");
  }
}

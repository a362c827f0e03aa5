package semaine.regression;

import semaine.util.Checks;
import semaine.util.DenseKernels;

/**
 * A centre for forming the products of centred data in one pass over the rows. With a shift s
 * close to the means m and {@code S = Σ (x − s)} over the n rows, the centred products are
 * {@code Σ (x − m)(x − m)ᵀ = Σ (x − s)(x − s)ᵀ − S Sᵀ / n} and the means {@code m = s + S / n}:
 * the sums ride along with the products, and no pass of their own is needed for the means. s is
 * the mean of the first {@value #ROWS} rows (the first row plus the mean of the others'
 * differences from it, so that a constant column's shift is its value exactly), which puts the
 * correction at about 1/{@value #ROWS} of the products and costs nothing in accuracy. When the
 * first rows are far from the rest (sorted data, an outlier at the top), the correction is large
 * and the subtraction loses bits: {@link #tooFar} tells when the products must be formed again,
 * centred on the means found.
 */
final class ProvisionalCentre {

  /** The rows whose mean is the shift. */
  static final int ROWS = 64;
  /**
   * How much larger than the centred sum of squares a shifted one may be: past this, the
   * subtraction would lose more than {@code log2} of it in bits (8 of 53).
   */
  private static final double MAX_RATIO = 256;

  private ProvisionalCentre() {}

  /**
   * The shift of each feature of X, then of y (p + 1 values); zeros when the data are not
   * centred (no intercept).
   */
  static double[] of(double[][] X, double[] y, boolean fitIntercept) {
    int p = X[0].length;
    double[] shift = new double[p + 1];
    if (!fitIntercept) {
      return shift;
    }
    int rows = Math.min(ROWS, X.length);
    double[] first = X[0];
    for (int i = 1; i < rows; i++) {
      double[] x = X[i];
      for (int j = 0; j < p; j++) {
        shift[j] += x[j] - first[j];
      }
      shift[p] += y[i] - y[0];
    }
    for (int j = 0; j < p; j++) {
      shift[j] = first[j] + shift[j] / rows;
    }
    shift[p] = y[0] + shift[p] / rows;
    return shift;
  }

  /** The means, {@code s + S / n} (zeros without intercept), for the intercept. */
  static double[] means(double[] shift, double[] sums, int n, boolean fitIntercept) {
    double[] means = new double[shift.length];
    if (fitIntercept) {
      for (int j = 0; j < means.length; j++) {
        means[j] = shift[j] + sums[j] / n;
      }
    }
    return means;
  }

  /**
   * Checks the sums of the shifted rows: a NaN or an infinity in X makes one non-finite
   * ({@link Checks#checkMatrix} then names it; y is checked before); so do finite values whose
   * sum overflows.
   */
  static void checkSums(double[][] X, double[] sums) {
    if (!DenseKernels.allFinite(sums)) {
      Checks.checkMatrix("X", X);
      throw tooLarge();
    }
  }

  /** The error of products that overflow. */
  static IllegalArgumentException tooLarge() {
    return new IllegalArgumentException("X's values are too large: the products XᵀX overflow a"
        + " double (more than 1.8e308); scale X, e.g. with StandardScaler");
  }

  /**
   * Whether a column's centred sum of squares ({@code shifted − S²/n}) lost too many bits to the
   * subtraction: its shift was too far from its mean.
   */
  static boolean tooFar(double shifted, double centred) {
    return shifted > MAX_RATIO * centred;
  }
}

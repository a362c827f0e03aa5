package semaine.preprocessing;

import semaine.util.Checks;

/** What the scalers share: scikit-learn's zero-scale rule, the input check, the column maps. */
final class Scales {

  private static final double EPS = Math.ulp(1.0);

  private Scales() {}

  /**
   * scikit-learn's {@code _handle_zeros_in_scale}: a scale below 10 eps (a constant column) becomes
   * 1, so that the column is left as it is instead of divided by zero; a new array.
   */
  static double[] handleZeros(double[] scale) {
    double[] out = scale.clone();
    for (int j = 0; j < out.length; j++) {
      if (out[j] < 10 * EPS) {
        out[j] = 1.0;
      }
    }
    return out;
  }

  /** Checks X (finite, rectangular) and its width against the fitted one. */
  static double[][] checkInput(double[][] X, int nFeatures, String model) {
    Checks.checkMatrix("X", X);
    if (X[0].length != nFeatures) {
      throw new IllegalArgumentException("X has " + X[0].length + " features but " + model
          + " was fitted with " + nFeatures);
    }
    return X;
  }

  /** {@code (x - offset) / scale} per column, either part skipped when null; a new array. */
  static double[][] shiftThenDivide(double[][] X, double[] offset, double[] scale) {
    double[][] Z = new double[X.length][];
    for (int i = 0; i < X.length; i++) {
      double[] z = X[i].clone();
      for (int j = 0; j < z.length; j++) {
        if (offset != null) {
          z[j] -= offset[j];
        }
        if (scale != null) {
          z[j] /= scale[j];
        }
      }
      Z[i] = z;
    }
    return Z;
  }

  /** {@code x * scale + offset} per column, either part skipped when null; a new array. */
  static double[][] multiplyThenShift(double[][] Z, double[] scale, double[] offset) {
    double[][] X = new double[Z.length][];
    for (int i = 0; i < Z.length; i++) {
      double[] x = Z[i].clone();
      for (int j = 0; j < x.length; j++) {
        if (scale != null) {
          x[j] *= scale[j];
        }
        if (offset != null) {
          x[j] += offset[j];
        }
      }
      X[i] = x;
    }
    return X;
  }

  /** Checks a (low, high) pair parameter such as {@code feature_range} at fit. */
  static double[] checkRange(String name, double[] range, double min, double max) {
    if (range.length != 2 || !(range[0] >= min) || !(range[0] <= range[1]) || !(range[1] <= max)) {
      throw new IllegalArgumentException(name + " (" + java.util.Arrays.toString(range)
          + ") must be a pair (low, high) with " + min + " <= low <= high <= " + max);
    }
    return range;
  }
}

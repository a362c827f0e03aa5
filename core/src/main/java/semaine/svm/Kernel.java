package semaine.svm;

/**
 * The kernel function K(x, z) of a support vector machine, computed as libsvm computes it (the
 * copy vendored by scikit-learn 1.9), so that the solver sees the same numbers:
 *
 * <ul>
 *   <li>linear: {@code x·z};
 *   <li>poly: {@code (γ·x·z + coef0)^degree}, the power by square-and-multiply ({@code powi});
 *   <li>rbf: {@code exp(−γ‖x − z‖²)}; during training written {@code exp(−γ(‖x‖² + ‖z‖² − 2x·z))}
 *       with the squared norms computed once, at prediction from the difference vector;
 *   <li>sigmoid: {@code tanh(γ·x·z + coef0)};
 *   <li>precomputed: the caller's Gram matrix, {@code K[i][j]} read from row i, column j.
 * </ul>
 *
 * <p>Dot products are sequential sums of products (scikit-learn calls BLAS {@code ddot}, whose
 * blocked sum can differ in the last bit; the solver stores its matrix in float, which hides it).
 */
final class Kernel {

  /** The kernel names scikit-learn accepts, in libsvm's numbering. */
  enum Type {
    LINEAR, POLY, RBF, SIGMOID, PRECOMPUTED;

    static Type of(String name) {
      return valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }
  }

  private final Type type;
  private final double gamma;
  private final int degree;
  private final double coef0;

  Kernel(Type type, double gamma, int degree, double coef0) {
    this.type = type;
    this.gamma = gamma;
    this.degree = degree;
    this.coef0 = coef0;
  }

  Type type() {
    return type;
  }

  double gamma() {
    return gamma;
  }

  /**
   * {@code (float) Math.exp(arg)} given {@code approx}, a value of exp(arg) within a few units in
   * the last place of Math.exp's (the vector exponential): both round to the same float unless
   * approx lies near the middle between two floats (or outside the normal floats), where Math.exp
   * decides.
   */
  static float expToFloat(double approx, double arg) {
    long dropped = Double.doubleToRawLongBits(approx) & ((1L << 29) - 1);
    if (Math.abs(dropped - (1L << 28)) <= 64 || !(approx >= 0x1.0p-126)
        || approx > Float.MAX_VALUE) {
      return (float) Math.exp(arg);
    }
    return (float) approx;
  }

  /** {@code Σ x[f]·z[f]}, in feature order. */
  static double dot(double[] x, double[] z) {
    double sum = 0;
    for (int f = 0; f < x.length; f++) {
      sum += x[f] * z[f];
    }
    return sum;
  }

  /** {@code base^times} by square-and-multiply, libsvm's {@code powi}. */
  static double powi(double base, int times) {
    double tmp = base;
    double ret = 1.0;
    for (int t = times; t > 0; t /= 2) {
      if (t % 2 == 1) {
        ret *= tmp;
      }
      tmp = tmp * tmp;
    }
    return ret;
  }

  /**
   * K between two training rows, as the solver's matrix is filled.
   *
   * @param xi the first row (for precomputed, a row of the Gram matrix)
   * @param xiSquare ‖xi‖² (rbf only)
   * @param xj the second row
   * @param xjSquare ‖xj‖² (rbf only)
   * @param j the second row's column in the Gram matrix (precomputed only)
   */
  double training(double[] xi, double xiSquare, double[] xj, double xjSquare, int j) {
    return type == Type.PRECOMPUTED ? xi[j] : ofDot(dot(xi, xj), xiSquare, xjSquare);
  }

  /** K from the dot product x·z (and, for rbf, the squared norms), as libsvm's training kernels. */
  double ofDot(double dot, double xSquare, double zSquare) {
    return switch (type) {
      case LINEAR -> dot;
      case POLY -> powi(gamma * dot + coef0, degree);
      case RBF -> Math.exp(-gamma * (xSquare + zSquare - 2 * dot));
      case SIGMOID -> Math.tanh(gamma * dot + coef0);
      case PRECOMPUTED -> throw new IllegalStateException("a precomputed kernel has no dot form");
    };
  }

  /** exp(−γ·d²) from the squared distance d², as libsvm's rbf at prediction. */
  double ofSquaredDistance(double squaredDistance) {
    return Math.exp(-gamma * squaredDistance);
  }

  /**
   * K between a new sample and a support vector, as libsvm's {@code k_function} computes it at
   * prediction.
   *
   * @param x the new sample (for precomputed, its row of kernel values against the training set)
   * @param sv the support vector (unused for precomputed)
   * @param column the support vector's training index (precomputed only)
   */
  double predict(double[] x, double[] sv, int column) {
    if (type == Type.RBF) {
      double sum = 0;
      for (int f = 0; f < x.length; f++) {
        double d = x[f] - sv[f];
        sum += d * d;
      }
      return ofSquaredDistance(sum);
    }
    return training(x, 0, sv, 0, column);
  }
}

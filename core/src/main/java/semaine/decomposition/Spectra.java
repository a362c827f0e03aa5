package semaine.decomposition;

import semaine.regression.JacobiSvd;
import semaine.regression.TallQr;

/** The exact spectra PCA's full and covariance_eigh solvers compute, and svd_flip's signs. */
final class Spectra {

  /**
   * The spectrum of the centred data, components signed by svd_flip.
   *
   * @param singularValues S, decreasing, shape (min(n, p),)
   * @param variance S² / (n - 1), shape (min(n, p),)
   * @param vt the right singular vectors as rows, shape (min(n, p), p)
   */
  record Spectrum(double[] singularValues, double[] variance, double[][] vt) {}

  /** The smallest share of the largest eigenvalue with which "full" keeps the covariance. */
  static final double GRAM_RATIO = 1e-5;

  private Spectra() {}

  /**
   * scipy's {@code svd(X - mean, full_matrices=False)}. For data with many more rows than columns
   * ({@code n >= 10 p}, {@code p <= 1000}, where scikit-learn's own "auto" takes the covariance),
   * the eigenvectors of the centred covariance matrix {@code (X - mean)ᵀ (X - mean) / (n - 1)}
   * ({@link Products#centredGram}: one pass over X, on the cores), when it is well conditioned:
   * its smallest eigenvalue at least {@value #GRAM_RATIO} of its largest (cond(X - mean) below
   * about 316), so that squaring the condition number costs no more than about 1e-11 relative on
   * any variance. Otherwise, and for other shapes: for a tall X, the triangular factor R of a
   * Householder QR ({@link TallQr}, which centres while it reads) has the same singular values
   * and right vectors and is decomposed by one-sided Jacobi; a wide X is decomposed through its
   * transpose, whose left vectors are X's right ones.
   */
  static Spectrum full(double[][] X, double[] mean) {
    int n = X.length;
    int p = mean.length;
    if (p <= 1000 && n >= 10L * p) {
      double[] c = Products.centredGram(X, mean);
      for (int e = 0; e < c.length; e++) {
        c[e] /= n - 1;
      }
      Spectrum byGram = eigen(c, n, p);
      double[] variance = byGram.variance();
      if (variance[p - 1] >= GRAM_RATIO * variance[0]) {
        return byGram;
      }
    }
    return factored(X, mean);
  }

  /** {@link #full} by the SVD of X's triangular factor (tall X) or of its transpose (wide X). */
  static Spectrum factored(double[][] X, double[] mean) {
    int n = X.length;
    int p = mean.length;
    JacobiSvd svd;
    double[][] vt;
    if (n >= p) {
      double[] r = TallQr.triangularFactor(X, mean);                          // (p, p) row-major
      svd = JacobiSvd.of(RandomizedSvd.transposed(r, p, p), p);              // R, column-major
      vt = RandomizedSvd.columns(svd.v(), p, p);
    } else {
      svd = JacobiSvd.of(centred(X, mean), p, n);   // (X - mean)ᵀ, column-major (p, n)
      vt = RandomizedSvd.columns(svd.u(), p, n);
    }
    double[] s = svd.s();
    double[] variance = new double[s.length];
    for (int i = 0; i < s.length; i++) {
      variance[i] = s[i] * s[i] / (n - 1);
    }
    flipSigns(vt);
    return new Spectrum(s, variance, vt);
  }

  /**
   * scikit-learn's covariance_eigh: the spectrum ({@link #eigen}) of
   * {@code C = (XᵀX - n μμᵀ) / (n - 1)}, formed as scikit-learn forms it.
   */
  static Spectrum covarianceEigh(double[][] X, double[] mean) {
    int n = X.length;
    int p = mean.length;
    double[] c = new double[p * p];
    for (double[] row : X) {
      for (int i = 0; i < p; i++) {
        double xi = row[i];
        for (int j = 0; j < p; j++) {
          c[i * p + j] += xi * row[j];
        }
      }
    }
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < p; j++) {
        c[i * p + j] = (c[i * p + j] - n * mean[i] * mean[j]) / (n - 1);
      }
    }
    return eigen(c, n, p);
  }

  /**
   * The spectrum of a covariance matrix c, (p, p): its eigenvectors in decreasing order of
   * eigenvalue, negative eigenvalues (rounding) clipped to 0, and {@code S = √(λ (n - 1))}. c is
   * symmetric positive semi-definite, so its SVD by one-sided Jacobi is its eigendecomposition;
   * the sign of each eigenvalue is read from its Rayleigh quotient.
   */
  private static Spectrum eigen(double[] c, int n, int p) {
    JacobiSvd svd = JacobiSvd.of(c, p);   // symmetric: row- and column-major alike
    double[][] vt = RandomizedSvd.columns(svd.v(), p, p);
    double[] variance = svd.s().clone();
    double[] s = new double[p];
    for (int k = 0; k < p; k++) {
      if (rayleigh(c, vt[k]) < 0) {
        variance[k] = 0.0;
      }
      s[k] = Math.sqrt(variance[k] * (n - 1));
    }
    flipSigns(vt);
    return new Spectrum(s, variance, vt);
  }

  /** X - mean, row-major, shape (n, p). */
  static double[] centred(double[][] X, double[] mean) {
    int p = mean.length;
    double[] out = new double[X.length * p];
    for (int i = 0; i < X.length; i++) {
      for (int j = 0; j < p; j++) {
        out[i * p + j] = X[i][j] - mean[j];
      }
    }
    return out;
  }

  /**
   * scikit-learn's {@code svd_flip(u_based_decision=False)}: each row is multiplied by the sign
   * of its entry of largest magnitude (the first of equal ones), in place.
   */
  static void flipSigns(double[][] vt) {
    flipSigns(vt, null);
  }

  /** {@link #flipSigns(double[][])}, flipping the matching columns of u (rows are samples) too. */
  static void flipSigns(double[][] vt, double[][] u) {
    for (int k = 0; k < vt.length; k++) {
      double[] row = vt[k];
      int arg = 0;
      for (int j = 1; j < row.length; j++) {
        if (Math.abs(row[j]) > Math.abs(row[arg])) {
          arg = j;
        }
      }
      if (row[arg] < 0) {
        for (int j = 0; j < row.length; j++) {
          row[j] = -row[j];
        }
        for (int i = 0; u != null && i < u.length; i++) {
          u[i][k] = -u[i][k];
        }
      }
    }
  }

  private static double rayleigh(double[] c, double[] v) {
    int p = v.length;
    double sum = 0;
    for (int i = 0; i < p; i++) {
      double ci = 0;
      for (int j = 0; j < p; j++) {
        ci += c[i * p + j] * v[j];
      }
      sum += v[i] * ci;
    }
    return sum;
  }
}

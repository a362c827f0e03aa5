package semaine.clustering;

import semaine.util.Checks;

/**
 * The pairwise distances of n samples in SciPy's condensed form: the upper triangle of the
 * distance matrix row by row, entry (i, j), i < j, at {@code n·i − i(i+1)/2 + j − i − 1}, length
 * n(n − 1)/2. Computed as {@code scipy.spatial.distance.pdist} computes them, so the bits agree:
 * each distance sums its features in order, Euclidean as {@code sqrt(Σ |a_f − b_f|²)}, cityblock
 * as {@code Σ |a_f − b_f|}, Chebyshev as the largest gap, cosine as {@code 1 − a·b / (‖a‖·‖b‖)}
 * with the ratio clipped to [−1, 1].
 */
final class CondensedDistances {

  private CondensedDistances() {}

  /** The position of pair (i, j), i ≠ j, in a condensed matrix over n samples. */
  static long index(int n, int i, int j) {
    if (i > j) {
      int t = i;
      i = j;
      j = t;
    }
    return (long) n * i - (long) i * (i + 1) / 2 + j - i - 1;
  }

  /**
   * {@code pdist(X, metric)} for metric "euclidean", "cityblock", "chebyshev" or "cosine".
   *
   * @throws IllegalArgumentException if the result is too large or a distance is not finite
   *     (cosine of an all-zero row)
   */
  static double[] pdist(double[][] X, String metric) {
    int n = X.length;
    double[] y = new double[checkedSize(n)];
    double[] norms = metric.equals("cosine") ? rowNorms(X) : null;
    int k = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        y[k++] = switch (metric) {
          case "euclidean" -> euclidean(X[j], X[i]);
          case "cityblock" -> cityblock(X[j], X[i]);
          case "chebyshev" -> chebyshev(X[j], X[i]);
          case "cosine" -> cosine(X[i], X[j], norms[i], norms[j]);
          default -> throw new IllegalArgumentException("metric (\"" + metric + "\") must be one"
              + " of \"euclidean\", \"cityblock\", \"chebyshev\" or \"cosine\"");
        };
        if (!Double.isFinite(y[k - 1])) {
          throw new IllegalArgumentException("the " + metric + " distance between samples " + i
              + " and " + j + " is " + y[k - 1] + ": the distances must be finite (an all-zero"
              + " sample has no cosine distance)");
        }
      }
    }
    return y;
  }

  /** The upper triangle of a square matrix D, row by row ({@code D[triu_indices(n, 1)]}). */
  static double[] upperTriangle(double[][] D) {
    int n = D.length;
    double[] y = new double[checkedSize(n)];
    int k = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        y[k++] = D[i][j];
      }
    }
    return y;
  }

  private static int checkedSize(int n) {
    long size = (long) n * (n - 1) / 2;
    Checks.checkArgument(size <= Integer.MAX_VALUE - 8, "n_samples (" + n + ") is too large: the "
        + size + " pairwise distances do not fit in one array");
    return (int) size;
  }

  private static double euclidean(double[] a, double[] b) {
    double s = 0.0;
    for (int f = 0; f < a.length; f++) {
      double gap = Math.abs(a[f] - b[f]);
      s += gap * gap;
    }
    return Math.sqrt(s);
  }

  private static double cityblock(double[] a, double[] b) {
    double s = 0.0;
    for (int f = 0; f < a.length; f++) {
      s += Math.abs(a[f] - b[f]);
    }
    return s;
  }

  private static double chebyshev(double[] a, double[] b) {
    double s = 0.0;
    for (int f = 0; f < a.length; f++) {
      s = Math.max(s, Math.abs(a[f] - b[f]));
    }
    return s;
  }

  private static double cosine(double[] a, double[] b, double normA, double normB) {
    double dot = 0.0;
    for (int f = 0; f < a.length; f++) {
      dot += a[f] * b[f];
    }
    double cosine = dot / (normA * normB);
    if (Math.abs(cosine) > 1) {
      cosine = Math.copySign(1.0, cosine);  // rounding can push |cos| past 1
    }
    return 1.0 - cosine;
  }

  private static double[] rowNorms(double[][] X) {
    double[] norms = new double[X.length];
    for (int i = 0; i < X.length; i++) {
      double s = 0.0;
      for (double v : X[i]) {
        s += v * v;
      }
      norms[i] = Math.sqrt(s);
    }
    return norms;
  }
}

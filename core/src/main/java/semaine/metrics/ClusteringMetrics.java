package semaine.metrics;

import java.util.Arrays;
import java.util.stream.IntStream;
import semaine.util.Checks;
import semaine.util.Sums;

/**
 * How well samples sit in their clusters: the silhouette, as scikit-learn 1.9's
 * {@code silhouette_samples} and {@code silhouette_score} with the Euclidean metric.
 *
 * <p>For sample i in cluster A: a(i) = the mean distance to the other members of A,
 * b(i) = min over other clusters B of the mean distance to the members of B, and
 * s(i) = (b − a) / max(a, b); s(i) = 0 when A has one member. The score is the mean of s.
 * Distances are computed with direct differences (scikit-learn uses ‖x‖² + ‖y‖² − 2x·y), so
 * results agree to about 1e-15 relative, not bit for bit. O(n² d) time, parallel over samples.
 */
public final class ClusteringMetrics {

  private ClusteringMetrics() {}

  /** The mean silhouette coefficient of all samples: {@code silhouette_score(X, labels)}. */
  public static double silhouetteScore(double[][] X, int[] labels) {
    return Sums.pairwise(silhouetteSamples(X, labels)) / X.length;
  }

  /**
   * The silhouette coefficient of each sample, shape (n_samples,): {@code silhouette_samples}.
   *
   * @throws IllegalArgumentException unless 2 <= number of distinct labels <= n_samples − 1
   */
  public static double[] silhouetteSamples(double[][] X, int[] labels) {
    Checks.checkMatrix("X", X);
    Checks.checkPaired("X", X, "labels", labels);
    int n = X.length;
    int[] distinct = Arrays.stream(labels).distinct().sorted().toArray();
    if (distinct.length < 2 || distinct.length > n - 1) {
      throw new IllegalArgumentException("labels has " + distinct.length
          + " distinct values: the silhouette needs 2 to n_samples - 1 (" + (n - 1) + ") clusters");
    }
    int[] cluster = new int[n];
    int[] sizes = new int[distinct.length];
    for (int i = 0; i < n; i++) {
      cluster[i] = Arrays.binarySearch(distinct, labels[i]);
      sizes[cluster[i]]++;
    }
    double[] out = new double[n];
    IntStream.range(0, n).parallel().forEach(i -> out[i] = silhouette(X, cluster, sizes, i));
    return out;
  }

  private static double silhouette(double[][] X, int[] cluster, int[] sizes, int i) {
    double[] sums = new double[sizes.length]; // distance sums per cluster, in sample order
    double[] xi = X[i];
    for (int j = 0; j < X.length; j++) {
      if (j == i) {
        continue; // scikit-learn zeroes the diagonal; adding 0.0 changes nothing
      }
      double sq = 0.0;
      double[] xj = X[j];
      for (int f = 0; f < xi.length; f++) {
        double diff = xi[f] - xj[f];
        sq += diff * diff;
      }
      sums[cluster[j]] += Math.sqrt(sq);
    }
    int own = cluster[i];
    if (sizes[own] == 1) {
      return 0.0; // scikit-learn's nan_to_num of 0 / 0
    }
    double intra = sums[own] / (sizes[own] - 1);
    double inter = Double.POSITIVE_INFINITY;
    for (int c = 0; c < sizes.length; c++) {
      if (c != own) {
        inter = Math.min(inter, sums[c] / sizes[c]);
      }
    }
    double denominator = Math.max(intra, inter);
    return denominator == 0 ? 0.0 : (inter - intra) / denominator;
  }
}

package semaine.clustering;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Lloyd's k-means iterations on float32 samples, as scikit-learn 1.9's {@code lloyd_iter_chunked_dense}
 * instantiated for {@code float} with unit weights and one OpenMP thread: every quantity of an
 * iteration is a float, as in its Cython.
 *
 * <p>The E-step's {@code ‖c_j‖² − 2 x·c_j} comes from an sgemm (each dot product one float FMA
 * chain over the features here); the M-step adds the samples of each cluster into float sums in
 * sample order and the counts into float weights, relocates empty clusters, and scales each sum
 * by {@code (float) (1.0 / weight)} (a double reciprocal stored in a float, as the Cython's
 * {@code alpha}); the centres' shifts, their squared total and the inertia are float sums
 * ({@code _euclidean_dense_dense} unrolled by four, the inertia added sample after sample).
 */
final class Lloyd32 {

  private final float[][] x; // samples, centred, shape (n, d)
  private final int n;
  private final int d;

  Lloyd32(float[][] x, int n, int d) {
    this.x = x;
    this.n = n;
    this.d = d;
  }

  /** Runs from {@code initial} (row-major (k, d), not modified) as {@link Lloyd#run}, in float. */
  Run run(float[] initial, int k, int maxIter, float tol) {
    float[] centers = initial.clone();
    float[] next = new float[k * d];
    float[] weights = new float[k];
    float[] shift = new float[k];
    int[] labels = new int[n];
    int[] labelsOld = new int[n];
    Arrays.fill(labelsOld, -1);
    boolean strict = false;
    int iteration = 0;
    for (; iteration < maxIter; iteration++) {
      assign(centers, k, labels);
      update(centers, k, labels, next, weights, shift);
      float[] swap = centers;
      centers = next;
      next = swap;
      if (Arrays.equals(labels, labelsOld)) {
        strict = true;
        break;
      }
      float[] shiftSq = new float[k];
      for (int j = 0; j < k; j++) {
        shiftSq[j] = shift[j] * shift[j];
      }
      if (Float32Sums.pairwise(shiftSq, 0, k) <= tol) {
        break;
      }
      int[] previous = labelsOld;
      labelsOld = labels;
      labels = previous;
    }
    if (!strict) {
      assign(centers, k, labels);
    }
    return new Run(labels, centers, inertia(centers, labels), Math.min(iteration + 1, maxIter));
  }

  /** E-step: labels[i] = argmin_j (‖c_j‖² − 2 x_i·c_j) in float, the first centre on ties. */
  void assign(float[] centers, int k, int[] labels) {
    float[] cSq = new float[k];
    for (int j = 0; j < k; j++) {
      cSq[j] = normSquared(centers, j * d, d);
    }
    Chunks.forEach(n, chunk -> {
      for (int i = Chunks.start(chunk), end = Chunks.end(chunk, n); i < end; i++) {
        float[] row = x[i];
        float best = 0f;
        int label = 0;
        for (int j = 0; j < k; j++) {
          int c = j * d;
          float dot = row[0] * centers[c];
          for (int f = 1; f < d; f++) {
            dot = Math.fma(row[f], centers[c + f], dot);
          }
          float dist = cSq[j] - 2f * dot;
          if (j == 0 || dist < best) {
            best = dist;
            label = j;
          }
        }
        labels[i] = label;
      }
    });
  }

  /** inertia = Σ_i ‖x_i − c_label(i)‖², a float sum in sample order ({@code _inertia_dense}). */
  float inertia(float[] centers, int[] labels) {
    float total = 0f;
    for (int i = 0; i < n; i++) {
      total += squaredDistance(x[i], 0, centers, labels[i] * d, d);
    }
    return total;
  }

  private void update(
      float[] old, int k, int[] labels, float[] sums, float[] weights, float[] shift) {
    Arrays.fill(sums, 0f);
    Arrays.fill(weights, 0f);
    for (int i = 0; i < n; i++) {
      int offset = labels[i] * d;
      weights[labels[i]] += 1f;
      for (int f = 0; f < d; f++) {
        sums[offset + f] += x[i][f];
      }
    }
    relocateEmptyClusters(old, k, labels, sums, weights);
    int heaviest = 0; // np.argmax: the first of the largest
    for (int j = 1; j < k; j++) {
      if (weights[j] > weights[heaviest]) {
        heaviest = j;
      }
    }
    for (int j = 0; j < k; j++) {
      if (weights[j] > 0) {
        float alpha = (float) (1.0 / weights[j]);
        for (int f = 0; f < d; f++) {
          sums[j * d + f] *= alpha;
        }
      } else {
        System.arraycopy(sums, heaviest * d, sums, j * d, d);
      }
    }
    for (int j = 0; j < k; j++) {
      shift[j] = (float) Math.sqrt(squaredDistance(sums, j * d, old, j * d, d));
    }
  }

  /**
   * {@code _relocate_empty_clusters_dense} in float: each empty cluster takes one of the samples
   * farthest from their centre (float32 squared distances, NumPy's row sums), farthest first,
   * equal distances in index order.
   */
  private void relocateEmptyClusters(
      float[] old, int k, int[] labels, float[] sums, float[] weights) {
    List<Integer> empty = new ArrayList<>();
    for (int j = 0; j < k; j++) {
      if (weights[j] == 0) {
        empty.add(j);
      }
    }
    if (empty.isEmpty()) {
      return;
    }
    double[] distances = new double[n]; // float32 distances, held exactly as doubles
    float[] squares = new float[d];
    float max = 0f;
    for (int i = 0; i < n; i++) {
      for (int f = 0; f < d; f++) {
        float diff = x[i][f] - old[labels[i] * d + f];
        squares[f] = diff * diff;
      }
      float distance = Float32Sums.pairwise(squares, 0, d);
      distances[i] = distance;
      max = Math.max(max, distance);
    }
    if (max == 0) {
      return;
    }
    int[] farthest = Lloyd.farthest(distances, empty.size());
    for (int e = 0; e < empty.size(); e++) {
      int target = empty.get(e);
      int far = farthest[e];
      int source = labels[far];
      for (int f = 0; f < d; f++) {
        sums[source * d + f] -= x[far][f];
        sums[target * d + f] = x[far][f];
      }
      weights[target] = 1f;
      weights[source] -= 1f;
    }
  }

  /** ‖a − b‖² as {@code _euclidean_dense_dense} in float: four terms at a time, then the rest. */
  static float squaredDistance(float[] a, int aOffset, float[] b, int bOffset, int d) {
    float result = 0f;
    int f = 0;
    for (; f + 4 <= d; f += 4) {
      float t0 = a[aOffset + f] - b[bOffset + f];
      float t1 = a[aOffset + f + 1] - b[bOffset + f + 1];
      float t2 = a[aOffset + f + 2] - b[bOffset + f + 2];
      float t3 = a[aOffset + f + 3] - b[bOffset + f + 3];
      result += t0 * t0 + t1 * t1 + t2 * t2 + t3 * t3;
    }
    for (; f < d; f++) {
      float t = a[aOffset + f] - b[bOffset + f];
      result += t * t;
    }
    return result;
  }

  /**
   * ‖c‖² in float as NumPy's float32 {@code einsum('ij,ij->i')} forms it
   * ({@code row_norms(centers, squared=True)}): four lanes (entry f in lane f mod 4), each block of
   * 16 entries added to a lane last entry first, the rest four at a time (missing entries 0), then
   * (l0 + l1) + (l2 + l3).
   */
  static float normSquared(float[] c, int offset, int d) {
    float[] lane = new float[4];
    int f = 0;
    for (; d - f >= 16; f += 16) {
      for (int l = 0; l < 4; l++) {
        float acc = lane[l];
        for (int block = 3; block >= 0; block--) {
          float v = c[offset + f + 4 * block + l];
          acc = v * v + acc;
        }
        lane[l] = acc;
      }
    }
    for (; f < d; f += 4) {
      for (int l = 0; l < 4 && f + l < d; l++) {
        float v = c[offset + f + l];
        lane[l] = v * v + lane[l];
      }
    }
    return (lane[0] + lane[1]) + (lane[2] + lane[3]);
  }

  /** One run: labels (n,), centres (k, d) row-major and centred, inertia, iterations. */
  record Run(int[] labels, float[] centers, float inertia, int nIter) {}
}

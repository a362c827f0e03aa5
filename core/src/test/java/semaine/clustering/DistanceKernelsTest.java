package semaine.clustering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import semaine.random.RandomState;

/** The vector kernels give their scalar twins' results, bit for bit, tails included. */
class DistanceKernelsTest {

  @Test
  void vectorPathIsAvailableInTests() {
    assertTrue(DistanceKernels.VECTOR, "surefire runs with --add-modules jdk.incubator.vector");
  }

  @Test
  void vectorAndScalarPathsGiveTheSameLabels() {
    RandomState rs = new RandomState(3);
    for (int d : new int[] {1, 2, 3, 16}) {
      for (int k : new int[] {1, 2, 7, 16}) {
        int n = 1037; // not a multiple of any lane count
        double[] x = rs.randn(n * d);
        double[] xT = new double[n * d];
        for (int i = 0; i < n; i++) {
          for (int f = 0; f < d; f++) {
            xT[f * n + i] = x[i * d + f];
          }
        }
        double[] centers = rs.randn(k * d);
        // a centre repeated: exact ties must go to the first one on both paths
        System.arraycopy(centers, 0, centers, (k - 1) * d, d);
        double[] centersT = new double[d * k];
        for (int j = 0; j < k; j++) {
          for (int f = 0; f < d; f++) {
            centersT[f * k + j] = centers[j * d + f];
          }
        }
        double[] cSq = ClusterDistances.rowNormsSquared(centers, k, d);
        int[] vector = new int[n];
        int[] scalar = new int[n];
        DistanceKernels.assign(x, xT, n, d, centersT, cSq, k, 5, n, vector);
        DistanceKernels.assignScalar(x, d, centersT, cSq, k, 5, n, scalar);
        assertArrayEquals(scalar, vector, "d=" + d + " k=" + k);

        double[] xSq = ClusterDistances.rowNormsSquared(x, n, d);
        double[] closest = rs.rand(n);
        for (boolean gemv : new boolean[] {true, false}) {
          double[] v = new double[n];
          double[] s = new double[n];
          DistanceKernels.candidate(x, xT, n, d, xSq, k % n, gemv, gemv ? null : closest, 3, n, v);
          DistanceKernels.candidateScalar(x, d, xSq, k % n, gemv, gemv ? null : closest, 3, n, s);
          assertArrayEquals(s, v, "candidate distances d=" + d + " gemv=" + gemv);
        }
        int[] picks = {k % n, 0, 517, k % n}; // a repeated candidate too
        double[][] fused = new double[picks.length][n];
        DistanceKernels.candidates(x, xT, n, d, xSq, picks, closest, 3, n, fused);
        for (int t = 0; t < picks.length; t++) {
          double[] s = new double[n];
          DistanceKernels.candidateScalar(x, d, xSq, picks[t], false, closest, 3, n, s);
          assertArrayEquals(s, fused[t], "fused candidate " + t + " d=" + d);
        }
      }
    }
  }
}

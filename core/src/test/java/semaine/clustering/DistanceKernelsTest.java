package semaine.clustering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
    for (int d : new int[] {1, 2, 3, 16, 20}) {
      for (int k : new int[] {1, 2, 7, 9, 16}) {
        int n = 1037; // not a multiple of any lane count
        double[] x = rs.randn(n * d);
        double[] xp = DistanceKernels.panels(x, n, d);
        double[] centers = rs.randn(k * d);
        // a centre repeated: exact ties must go to the first one on both paths
        System.arraycopy(centers, 0, centers, (k - 1) * d, d);
        double[] centersT = transposed(centers, k, d);
        double[] cSq = ClusterDistances.rowNormsSquared(centers, k, d);
        int[] vector = new int[n];
        int[] scalar = new int[n];
        DistanceKernels.assign(x, xp, d, centersT, cSq, k, 5, n, vector);
        DistanceKernels.assignScalar(x, d, centersT, cSq, k, 5, n, scalar);
        assertArrayEquals(scalar, vector, "d=" + d + " k=" + k);

        double[] xSq = ClusterDistances.rowNormsSquared(x, n, d);
        double[] closest = rs.rand(n);
        for (boolean gemv : new boolean[] {true, false}) {
          double[] v = new double[n];
          double[] s = new double[n];
          DistanceKernels.candidate(x, xp, d, xSq, k % n, gemv, gemv ? null : closest, 3, n, v);
          DistanceKernels.candidateScalar(x, d, xSq, k % n, gemv, gemv ? null : closest, 3, n, s);
          assertArrayEquals(s, v, "candidate distances d=" + d + " gemv=" + gemv);
        }
        // a repeated candidate too, and six: a group of four candidates and a group of two
        int[] picks = {k % n, 0, 517, k % n, 3, 1001};
        double[][] fused = new double[picks.length][n];
        DistanceKernels.candidates(x, xp, d, xSq, picks, closest, 3, n, fused);
        for (int t = 0; t < picks.length; t++) {
          double[] s = new double[n];
          DistanceKernels.candidateScalar(x, d, xSq, picks[t], false, closest, 3, n, s);
          assertArrayEquals(s, fused[t], "fused candidate " + t + " d=" + d);
        }
      }
    }
  }

  @Test
  void blockedScalarKernelIsTheStrictScanOneSampleAtATime() {
    RandomState rs = new RandomState(5);
    for (int d : new int[] {1, 2, 3, 5, 16, 21}) {
      for (int k : new int[] {1, 2, 7, 16}) {
        int n = 1037; // several blocks and a partial one
        for (boolean integers : new boolean[] {false, true}) {
          // small integers make exact ties between different centres common
          double[] x = integers ? small(rs.randint(0, 4, n * d)) : rs.randn(n * d);
          double[] centers = integers ? small(rs.randint(0, 4, k * d)) : rs.randn(k * d);
          System.arraycopy(centers, 0, centers, (k - 1) * d, d);
          double[] centersT = transposed(centers, k, d);
          double[] cSq = ClusterDistances.rowNormsSquared(centers, k, d);
          int[] blocked = new int[n];
          DistanceKernels.assignScalar(x, d, centersT, cSq, k, 5, n, blocked);
          int[] scan = new int[n];
          for (int i = 5; i < n; i++) {
            // a rounded first product, one FMA per feature, then a strict < over the centres
            double best = 0;
            for (int j = 0; j < k; j++) {
              double acc = x[i * d] * centers[j * d];
              for (int f = 1; f < d; f++) {
                acc = Math.fma(x[i * d + f], centers[j * d + f], acc);
              }
              double dist = cSq[j] - 2.0 * acc;
              if (j == 0 || dist < best) {
                best = dist;
                scan[i] = j;
              }
            }
          }
          assertArrayEquals(scan, blocked, "d=" + d + " k=" + k + " integers=" + integers);
          int[] oneByOne = new int[n];
          DistanceKernels.assignScan(x, d, centersT, cSq, k, 5, n, oneByOne);
          assertArrayEquals(scan, oneByOne, "scan d=" + d + " k=" + k + " integers=" + integers);
        }
      }
    }
  }

  @Test
  void panelsHoldEveryWholeVectorOfSamplesFeatureByFeature() {
    int lanes = VectorDistanceKernels.lanes();
    for (int d : new int[] {1, 3, 20}) {
      int n = 5 * lanes + 3; // a partial vector at the end, left out
      double[] x = new double[n * d];
      for (int i = 0; i < x.length; i++) {
        x[i] = i;
      }
      double[] xp = DistanceKernels.panels(x, n, d);
      assertEquals(5 * lanes * d, xp.length, "d=" + d);
      for (int i = 0; i < 5 * lanes; i++) {
        for (int f = 0; f < d; f++) {
          assertEquals(x[i * d + f], xp[(i / lanes) * lanes * d + f * lanes + i % lanes],
              "sample " + i + " feature " + f + " d=" + d);
        }
      }
    }
  }

  @Test
  void addRowsSumsEachClusterInSampleOrder() {
    RandomState rs = new RandomState(11);
    int n = 1037;
    for (int d : new int[] {1, 5, 8, 9, 20}) {
      for (int k : new int[] {1, 3, 8, 11, 16}) {
        double[] x = rs.randn(n * d);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
          labels[i] = (int) (rs.randomSample() * k) / 2 * 2; // odd clusters stay empty
        }
        double[] expected = new double[k * d];
        double[] expectedCounts = new double[k];
        for (int i = 0; i < n; i++) {
          expectedCounts[labels[i]] += 1.0;
          for (int f = 0; f < d; f++) {
            expected[labels[i] * d + f] += x[i * d + f];
          }
        }
        double[] sums = new double[k * d];
        double[] counts = new double[k];
        double[] scalar = new double[k * d];
        for (int i0 = 0; i0 < n; i0 += 300) { // in uneven chunks
          DistanceKernels.addRows(x, d, labels, i0, Math.min(n, i0 + 300), sums, counts);
          DistanceKernels.addRowsScalar(x, d, labels, i0, Math.min(n, i0 + 300), scalar);
        }
        assertArrayEquals(expected, sums, 0.0, "d=" + d + " k=" + k);
        assertArrayEquals(expected, scalar, 0.0, "scalar twin d=" + d + " k=" + k);
        assertArrayEquals(expectedCounts, counts, 0.0, "d=" + d + " k=" + k);
      }
    }
  }

  private static double[] small(long[] values) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i] - 2;
    }
    return out;
  }

  @Test
  void searchCumulativeIsSearchsortedOnTheCumulativeSum() {
    RandomState rs = new RandomState(11);
    for (int n : new int[] {1, 2, 5, 300}) {
      double[] closest = rs.rand(n);
      closest[n / 2] = 0.0; // a flat step of the running sum
      double[] cumulative = new double[n];
      double running = 0.0;
      for (int i = 0; i < n; i++) {
        running += closest[i];
        cumulative[i] = running;
      }
      double potential = running;
      for (int rep = 0; rep < 50; rep++) {
        double[] draws = rs.rand(5);
        draws[4] = draws[1]; // a repeated draw
        if (rep == 0) {
          draws[0] = 0.0;
          draws[2] = 1.0; // u·potential at the last sum
          draws[3] = Math.nextUp(1.0); // past it: clipped to the last sample
        }
        int[] found = KMeansPlusPlus.searchCumulative(closest, n, draws, potential);
        for (int t = 0; t < draws.length; t++) {
          int expected = Math.min(KMeansPlusPlus.searchLeft(cumulative, draws[t] * potential), n - 1);
          assertEquals(expected, found[t], "n=" + n + " draw " + draws[t]);
        }
      }
    }
  }

  /** The (cols, rows) transpose of a (rows, cols) row-major matrix. */
  private static double[] transposed(double[] a, int rows, int cols) {
    double[] t = new double[rows * cols];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        t[c * rows + r] = a[r * cols + c];
      }
    }
    return t;
  }
}

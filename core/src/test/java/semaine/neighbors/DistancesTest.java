package semaine.neighbors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import semaine.random.RandomState;

/** The vector kernels give the same bits as their scalar twins, tails included. */
class DistancesTest {

  @Test
  void vectorPathIsOnInTheTestJvm() {
    assertTrue(Distances.VECTOR, "tests run with --add-modules jdk.incubator.vector");
    assertTrue(Distances.lanes() >= 2);
  }

  @Test
  void blockKernelsEqualTheirScalarTwinsOnOddLengths() {
    RandomState rs = new RandomState(3);
    int lanes = Distances.lanes();
    for (int d : new int[] {1, 2, 3, 7, 8, 13}) {
      for (int n : new int[] {1, lanes - 1, lanes + 1, 3 * lanes + 2, 37, 9 * lanes + 5}) {
        int nq = 5;
        double[] Q = flat(rs.randn(nq, d));
        double[] Y = flat(rs.randn(n, d));
        double[] Yt = new double[d * n];
        for (int j = 0; j < n; j++) {
          for (int f = 0; f < d; f++) {
            Yt[f * n + j] = Y[j * d + f];
          }
        }
        double[] yNorms = Distances.squaredNorms(Y, n, d);
        double[] qNorms = Distances.squaredNorms(Q, nq, d);
        int jFrom = n > 2 ? 1 : 0;
        int width = n - jFrom;
        double[] vector = new double[nq * width];
        double[] scalar = new double[nq * width];
        Distances.dotTrickBlock(Q, qNorms, 0, nq, d, Yt, jFrom, n, yNorms, jFrom, n, vector);
        Distances.dotTrickBlockScalar(Q, qNorms, 0, nq, d, Yt, jFrom, n, yNorms, jFrom, n, jFrom,
            scalar);
        assertArrayEquals(scalar, vector, "dot trick d=" + d + " n=" + n);
        for (int j = jFrom; j < n; j++) {
          assertEquals(Distances.dotTrick(Q, 2 * d, qNorms[2], d, Y, j * d, 1, yNorms[j]),
              vector[2 * width + j - jFrom], "row-major pair");
        }
        Distances.manhattanBlock(Q, 0, nq, d, Yt, jFrom, n, jFrom, n, vector);
        Distances.manhattanBlockScalar(Q, 0, nq, d, Yt, jFrom, n, jFrom, n, jFrom, scalar);
        assertArrayEquals(scalar, vector, "manhattan d=" + d + " n=" + n);
        for (int p : new int[] {1, 2}) {
          double[] leaf = new double[n];
          double[] leafScalar = new double[n];
          double min = Distances.reducedToLeaf(Q, d, d, p, Yt, 0, n, leaf);
          Distances.reducedToLeafScalar(Q, d, d, p, Yt, 0, n, 0, leafScalar);
          assertArrayEquals(leafScalar, leaf, "leaf p=" + p + " d=" + d + " n=" + n);
          assertEquals(Arrays.stream(leafScalar).min().getAsDouble(), min, "leaf minimum");
          for (int j = 0; j < n; j++) {
            assertEquals(Distances.reduced(Q, d, Y, j * d, d, p), leaf[j]);
          }
        }
      }
    }
  }

  @Test
  void firstBelowFindsTheFirstValueUnderTheBound() {
    double[] values = new RandomState(4).rand(3 * Distances.lanes() + 3);
    for (int from = 0; from <= values.length; from++) {
      for (double bound : new double[] {0.0, 0.1, 0.5, values[values.length - 1], 2.0}) {
        int expected = from;
        while (expected < values.length && !(values[expected] < bound)) {
          expected++;
        }
        assertEquals(expected, Distances.firstBelow(values, from, values.length, bound));
      }
    }
  }

  @Test
  void heapKeepsTheIncumbentAmongEqualDistancesAndSortMatchesOrdering() {
    double[] values = new double[3];
    int[] indices = new int[3];
    Arrays.fill(values, Double.POSITIVE_INFINITY);
    for (int j = 0; j < 5; j++) {
      NeighborHeap.push(values, indices, 0, 3, 1.0, j);
    }
    int[] kept = indices.clone();
    Arrays.sort(kept);
    assertArrayEquals(new int[] {0, 1, 2}, kept);
    double[] v = new RandomState(5).rand(200);
    int[] ix = new int[200];
    for (int i = 0; i < 200; i++) {
      ix[i] = i;
    }
    double[] original = v.clone();
    SimultaneousSort.sort(v, ix, 0, 200);
    for (int i = 0; i < 200; i++) {
      assertEquals(original[ix[i]], v[i]);
      if (i > 0) {
        assertTrue(v[i - 1] <= v[i]);
      }
    }
  }

  private static double[] flat(double[][] X) {
    double[] out = new double[X.length * X[0].length];
    for (int i = 0; i < X.length; i++) {
      System.arraycopy(X[i], 0, out, i * X[0].length, X[0].length);
    }
    return out;
  }
}

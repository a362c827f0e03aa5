package semaine.neighbors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import semaine.random.RandomState;

/** {@link GridIndex} gives the k-d tree's k-nearest answers, bit for bit, ties included. */
class GridIndexTest {

  /** Every query's k nearest from the grid and from the tree: the same distances and indices. */
  private static void assertSameAsTree(double[] X, int n, double[] Q, int nq, int leafSize,
      String what) {
    GridIndex grid = new GridIndex(X, n, leafSize);
    KDTree tree = new KDTree(X, n, 2, 2, leafSize);
    for (int k : new int[] {1, 2, 5, Math.min(n, 21), n}) {
      if (k > n) {
        continue;
      }
      Neighbors expected = tree.kneighbors(Q, nq, k, Strategy.AUTO);
      Neighbors actual = grid.kneighbors(Q, nq, k, Strategy.AUTO);
      for (int q = 0; q < nq; q++) {
        assertArrayEquals(expected.indices()[q], actual.indices()[q],
            what + " k=" + k + " query " + q);
        assertArrayEquals(expected.distances()[q], actual.distances()[q], 0.0,
            what + " k=" + k + " query " + q);
      }
      if (k < n) {
        Neighbors expectedTrain = tree.kneighborsOfTraining(k, false);
        Neighbors actualTrain = grid.kneighborsOfTraining(k, false);
        for (int i = 0; i < n; i++) {
          assertArrayEquals(expectedTrain.indices()[i], actualTrain.indices()[i],
              what + " training k=" + k + " point " + i);
          assertArrayEquals(expectedTrain.distances()[i], actualTrain.distances()[i], 0.0,
              what + " training k=" + k + " point " + i);
        }
      }
    }
  }

  /** Ten queries just outside the points' box, on every side and corner. */
  private static double[] edgeQueries(double[] X, int n, RandomState rs) {
    double minX = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      minX = Math.min(minX, X[2 * i]);
      maxX = Math.max(maxX, X[2 * i]);
      minY = Math.min(minY, X[2 * i + 1]);
      maxY = Math.max(maxY, X[2 * i + 1]);
    }
    double w = Math.max(maxX - minX, 1e-3) * 0.01;
    double h = Math.max(maxY - minY, 1e-3) * 0.01;
    double[] u = rs.rand(10);
    return new double[] {minX - w, minY + u[0] * (maxY - minY), maxX + w,
        minY + u[1] * (maxY - minY), minX + u[2] * (maxX - minX), minY - h,
        minX + u[3] * (maxX - minX), maxY + h, minX - w, minY - h, maxX + w, maxY + h,
        minX - w, maxY + h, maxX + w, minY - h, minX - 3 * w, minY + u[4] * (maxY - minY),
        maxX + 2 * w, minY + u[5] * (maxY - minY)};
  }

  private static double[] scaled(double[] values, double scale, double shift) {
    double[] out = values.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] = out[i] * scale + shift;
    }
    return out;
  }

  @Test
  void continuousPointsGetTheTreesNeighbours() {
    RandomState rs = new RandomState(1);
    for (int n : new int[] {1, 2, 3, 7, 40, 1000, 5000}) {
      double[] X = rs.randn(2 * n);
      // queries inside the cloud, just outside its box (where the rings still answer), far
      // outside it (the tree answers), and on the training points themselves
      double[] Q = new double[2 * 60];
      System.arraycopy(scaled(rs.randn(80), 1.0, 0.0), 0, Q, 0, 80);
      System.arraycopy(scaled(rs.rand(40), 100.0, -50.0), 0, Q, 80, 40);
      System.arraycopy(X, 0, Q, 0, Math.min(2 * n, 20));
      double[] edge = edgeQueries(X, n, rs);
      System.arraycopy(edge, 0, Q, 20, edge.length);
      for (int leafSize : new int[] {1, 30}) {
        assertSameAsTree(X, n, Q, 60, leafSize, "randn n=" + n + " leaf " + leafSize);
      }
      // far from the origin, where a cell's sides round
      assertSameAsTree(scaled(X, 1e-3, 1e6), n, scaled(Q, 1e-3, 1e6), 60, 30,
          "shifted n=" + n);
    }
  }

  @Test
  void tiesAndDuplicatesAreAnsweredByTheTree() {
    RandomState rs = new RandomState(2);
    int n = 600;
    // an integer lattice: many equal distances; and duplicated points
    double[] X = new double[2 * n];
    long[] cells = rs.randint(0, 12, 2 * n);
    for (int i = 0; i < 2 * n; i++) {
      X[i] = cells[i];
    }
    System.arraycopy(X, 0, X, 2 * (n - 50), 100);
    double[] Q = new double[2 * 80];
    long[] q = rs.randint(-2, 14, 2 * 80);
    for (int i = 0; i < Q.length; i++) {
      Q[i] = q[i] / 2.0;
    }
    assertSameAsTree(X, n, Q, 80, 5, "lattice");
  }

  @Test
  void crowdedOrFlatPointsGoToTheTree() {
    RandomState rs = new RandomState(3);
    int n = 2000;
    double[] line = new double[2 * n];  // all on y = 1: no area
    double[] clump = rs.randn(2 * n);   // most of them in one tiny spot, a few far away
    double[] spread = rs.rand(2 * n);
    for (int i = 0; i < n; i++) {
      line[2 * i] = i * 0.5;
      line[2 * i + 1] = 1.0;
      if (i >= 10) {
        clump[2 * i] *= 1e-6;
        clump[2 * i + 1] *= 1e-6;
      }
    }
    assertSame(GridIndex.Grid.NONE, GridIndex.Grid.of(line, n));
    assertSame(GridIndex.Grid.NONE, GridIndex.Grid.of(clump, n));
    assertNotSame(GridIndex.Grid.NONE, GridIndex.Grid.of(spread, n));
    double[] Q = rs.randn(2 * 30);
    assertSameAsTree(line, n, Q, 30, 30, "line");
    assertSameAsTree(clump, n, Q, 30, 30, "clump");
  }

  @Test
  void everyPointLandsInOneCellOfAboutFour() {
    RandomState rs = new RandomState(4);
    int n = 10_000;
    double[] X = rs.rand(2 * n);
    GridIndex.Grid grid = GridIndex.Grid.of(X, n);
    assertEquals(n, grid.start[grid.gx * grid.gy]);
    boolean[] seen = new boolean[n];
    for (int at = 0; at < n; at++) {
      seen[grid.order[at]] = true;
      assertEquals(X[2 * grid.order[at]], grid.xs[at]);
      assertEquals(X[2 * grid.order[at] + 1], grid.ys[at]);
    }
    for (boolean s : seen) {
      assertEquals(true, s);
    }
    double perCell = (double) n / (grid.gx * grid.gy);
    assertEquals(4.0, perCell, 1.0, "points per cell");
  }
}

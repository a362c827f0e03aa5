package semaine.neighbors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import semaine.random.RandomState;
import semaine.testsupport.ReferenceAssert;
import semaine.testsupport.ReferenceVectors;

/** {@link KDTree} against scikit-learn's {@code KDTree} (reference/kdtree.py). */
class KDTreeTest {

  private static final List<Map<String, Object>> CASES = ReferenceVectors.cases("kdtree.json");

  private static Map<String, double[][][]> data() {
    Map<String, double[][][]> data = new HashMap<>();
    for (Map<String, Object> c : CASES) {
      if (c.get("name").equals("data")) {
        data.put((String) c.get("data"), new double[][][] {
            ReferenceVectors.matrix(c.get("X")), ReferenceVectors.matrix(c.get("Q"))});
      }
    }
    return data;
  }

  private static int integer(Object value) {
    return ((Long) value).intValue();
  }

  private static double[] flat(double[][] X) {
    int d = X[0].length;
    double[] flat = new double[X.length * d];
    for (int i = 0; i < X.length; i++) {
      System.arraycopy(X[i], 0, flat, i * d, d);
    }
    return flat;
  }

  @Test
  void constructionGivesScikitLearnsIndexArrayNodesAndBounds() {
    Map<String, double[][][]> data = data();
    int checked = 0;
    for (Map<String, Object> c : CASES) {
      if (!c.get("name").equals("tree")) {
        continue;
      }
      double[][] X = data.get((String) c.get("data"))[0];
      int leafSize = integer(c.get("leaf_size"));
      String what = c.get("data") + " leaf_size=" + leafSize;
      KDTree tree = new KDTree(flat(X), X.length, X[0].length, 2, leafSize);
      ReferenceAssert.assertExact(c.get("idx_array"), tree.order, what + " idx_array");
      ReferenceAssert.assertExact(c.get("idx_start"), tree.start, what + " idx_start");
      ReferenceAssert.assertExact(c.get("idx_end"), tree.end, what + " idx_end");
      int[] leaf = new int[tree.nodes];
      for (int i = 0; i < tree.nodes; i++) {
        leaf[i] = tree.leaf[i] ? 1 : 0;
      }
      ReferenceAssert.assertExact(c.get("is_leaf"), leaf, what + " is_leaf");
      ReferenceAssert.assertExact(c.get("lower"), unflat(tree.lower, X[0].length), what + " lower");
      ReferenceAssert.assertExact(c.get("upper"), unflat(tree.upper, X[0].length), what + " upper");
      checked++;
    }
    assertEquals(35, checked);
  }

  @Test
  void kneighborsGivesScikitLearnsIndicesAndDistancesForEveryLeafSize() {
    Map<String, double[][][]> data = data();
    int rows = 0;
    for (Map<String, Object> c : CASES) {
      if (!c.get("name").equals("query")) {
        continue;
      }
      double[][] X = data.get((String) c.get("data"))[0];
      double[][] Q = data.get((String) c.get("data"))[1];
      int k = integer(c.get("k"));
      int p = integer(c.get("p"));
      Map<?, ?> indices = (Map<?, ?>) c.get("indices");
      Map<?, ?> trainIndices = (Map<?, ?>) c.get("train_indices");
      for (Object leafSize : indices.keySet()) {
        String what = c.get("data") + " k=" + k + " p=" + p + " leaf_size=" + leafSize;
        var nn = new NearestNeighbors(k).algorithm("kd_tree").p(p)
            .leafSize(Integer.parseInt((String) leafSize)).fit(X);
        Neighbors found = nn.kneighbors(Q);
        ReferenceAssert.assertExact(c.get("distances"), found.distances(), what + " distances");
        assertRows(indices.get(leafSize), found.indices(), what + " indices");
        rows += Q.length;
        if (trainIndices.containsKey(leafSize)) {
          Neighbors train = nn.kneighbors();
          ReferenceAssert.assertExact(c.get("train_distances"), train.distances(),
              what + " train distances");
          assertRows(trainIndices.get(leafSize), train.indices(), what + " train indices");
          rows += X.length;
        }
      }
    }
    assertEquals(90464, rows);
  }

  @Test
  void nthElementPutsTheNthSmallestInPlaceWithSmallerBeforeAndLargerAfter() {
    // many equal values: the order breaks ties by index, so the index at nth and the two sides are
    // those of a full sort by (value, index); the exact arrangement is checked against
    // scikit-learn's idx_array above
    RandomState rs = new RandomState(3);
    for (int n : new int[] {1, 2, 3, 4, 5, 17, 100, 1000}) {
      long[] values = rs.randint(0, 4, n);
      double[] flat = new double[n];
      for (int i = 0; i < n; i++) {
        flat[i] = values[i];
      }
      for (int nth = 0; nth < n; nth += Math.max(1, n / 7)) {
        int[] order = identity(n);
        NthElement.select(order, 0, nth, n, flat, 1, 0);
        Integer[] sorted = new Integer[n];
        for (int i = 0; i < n; i++) {
          sorted[i] = i;
        }
        Arrays.sort(sorted, (a, b) -> flat[a] != flat[b]
            ? Double.compare(flat[a], flat[b]) : Integer.compare(a, b));
        assertEquals(sorted[nth], order[nth], "n=" + n + " nth=" + nth);
        for (int i = 0; i < n; i++) {
          boolean before = rank(sorted, order[i]) < nth;
          assertTrue(i < nth ? before : !before || i == nth, "n=" + n + " position " + i);
        }
      }
    }
  }

  @Test
  void nthElementByBlocksLeavesTheIndicesWhereThePlainScanLeavesThem() {
    // the partition's block phase must make the plain scan's swaps, so that the whole arrangement
    // (which decides the tree's leaves) is the same: ranges long enough for many blocks, values
    // with many ties and all distinct, every feature of a wider matrix, nth across the range
    RandomState rs = new RandomState(11);
    int checked = 0;
    for (int n : new int[] {2 * NthElement.BLOCK - 1, 2 * NthElement.BLOCK, 300, 1000, 5003}) {
      for (int ties : new int[] {2, 7, 0}) {
        int d = 3;
        double[] flat = new double[n * d];
        for (int i = 0; i < flat.length; i++) {
          double u = rs.randomSample();
          flat[i] = ties == 0 ? u : Math.floor(u * ties);
        }
        for (int f = 0; f < d; f++) {
          for (int nth : new int[] {0, n / 3, n / 2, n - 1}) {
            int first = f;  // a range that does not start at 0
            int[] blocks = shuffled(n, rs);
            int[] plain = blocks.clone();
            NthElement.select(blocks, first, Math.max(first, nth), n, flat, d, f);
            NthElement.selectByScan(plain, first, Math.max(first, nth), n, flat, d, f);
            assertArrayEquals(plain, blocks,
                "n=" + n + " ties=" + ties + " f=" + f + " nth=" + nth);
            checked++;
          }
        }
      }
    }
    assertEquals(5 * 3 * 3 * 4, checked);
  }

  private static int[] shuffled(int n, RandomState rs) {
    int[] order = identity(n);
    for (int i = n - 1; i > 0; i--) {
      int j = (int) rs.randint(0, i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }

  @Test
  void levelsFollowScikitLearnsFormula() {
    // n_levels = 1 + floor(log2(max(1, (n − 1) / leaf_size)))
    assertEquals(1, KDTree.levels(1, 30));
    assertEquals(1, KDTree.levels(60, 30));
    assertEquals(2, KDTree.levels(61, 30));
    assertEquals(3, KDTree.levels(5, 1));
    assertEquals(2, KDTree.levels(4, 1));
  }

  private static void assertRows(Object expected, int[][] actual, String what) {
    List<?> rows = (List<?>) expected;
    assertEquals(rows.size(), actual.length, what);
    for (int q = 0; q < actual.length; q++) {
      assertArrayEquals(ReferenceVectors.ints(rows.get(q)), actual[q], what + " row " + q);
    }
  }

  private static double[][] unflat(double[] flat, int d) {
    double[][] rows = new double[flat.length / d][d];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(flat, i * d, rows[i], 0, d);
    }
    return rows;
  }

  private static int[] identity(int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    return a;
  }

  private static int rank(Integer[] sorted, int index) {
    for (int i = 0; i < sorted.length; i++) {
      if (sorted[i] == index) {
        return i;
      }
    }
    return -1;
  }
}

package semaine.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import semaine.random.RandomState;

/**
 * A squared-error tree whose small subtrees are split from presorted orders
 * ({@link PresortedSubtree}) is the tree grown by sorting every node, to the last bit: with ties
 * in some features (those are sorted again with the introsort's steps), sample weights (zeros
 * among them), {@code min_samples_leaf}, {@code max_features} below the feature count, and
 * best-first growth within one subtree, and the loops of large nodes split between two cores.
 */
class PresortedSubtreeTest {

  private static final int N = 40_000;
  private static final int D = 6;

  @Test
  void theTreeIsTheSameAsGrownBySortingEveryNode() {
    RandomState rs = new RandomState(5);
    float[][] columns = new float[D][N];
    double[] y = new double[N];
    double[] weights = new double[N];
    for (int i = 0; i < N; i++) {
      for (int f = 0; f < D; f++) {
        double v = rs.randn();
        // features 4 and 5: few distinct values, ties in every node; 3: rounded, ties in some
        columns[f][i] = (float) (f == 4 ? Math.floor(v * 3) : f == 5 ? Math.floor(v * 300)
            : f == 3 ? Math.rint(v * 2000) / 2000 : v);
      }
      y[i] = 2 * columns[0][i] + Math.sin(columns[1][i]) + 0.3 * columns[4][i] + 0.1 * rs.randn();
      weights[i] = rs.randint(0, 4);
    }
    int leaves = 0;
    for (int maxFeatures : new int[] {D, 3}) {
      for (int minSamplesLeaf : new int[] {1, 4}) {
        for (double[] sw : new double[][] {null, weights}) {
          String what = "max_features " + maxFeatures + ", min_samples_leaf " + minSamplesLeaf
              + (sw == null ? "" : ", weighted");
          Tree expected = grow(columns, y, sw, maxFeatures, minSamplesLeaf, -1, 0, false, false);
          for (int limit : new int[] {64, PresortedSubtree.SUBTREE}) {
            for (boolean whole : new boolean[] {false, true}) {
              Tree presorted = grow(columns, y, sw, maxFeatures, minSamplesLeaf, -1, limit,
                  whole, whole);
              TreeAssert.assertSameTree(expected, presorted, what + ", subtrees from " + limit
                  + (whole ? " of the whole tree presorted" : ""));
            }
          }
          Tree whole = grow(columns, y, sw, maxFeatures, minSamplesLeaf, -1, 0, true, true);
          TreeAssert.assertSameTree(expected, whole, what + ", the whole tree presorted");
          leaves += expected.nLeaves();
        }
      }
    }
    assertTrue(leaves > 30_000, "large trees: " + leaves + " leaves");
  }

  @Test
  void bestFirstGrowthInOneSubtreeIsTheSame() {
    RandomState rs = new RandomState(6);
    int n = 3000;
    float[][] columns = new float[D][n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      for (int f = 0; f < D; f++) {
        columns[f][i] = (float) (f >= 4 ? Math.floor(rs.randn() * 4) : rs.randn());
      }
      y[i] = columns[0][i] - columns[4][i] * columns[2][i] + 0.2 * rs.randn();
    }
    for (int maxLeafNodes : new int[] {7, 300}) {
      Tree expected = grow(columns, y, null, D, 1, maxLeafNodes, 0, false, false);
      Tree presorted = grow(columns, y, null, D, 1, maxLeafNodes, n, false, false);
      TreeAssert.assertSameTree(expected, presorted, "max_leaf_nodes " + maxLeafNodes);
      assertEquals(maxLeafNodes, presorted.nLeaves());
      Tree whole = grow(columns, y, null, D, 1, maxLeafNodes, 0, true, false);
      TreeAssert.assertSameTree(expected, whole, "max_leaf_nodes " + maxLeafNodes + ", whole");
    }
  }

  /**
   * A squared-error tree on the best splitter, subtrees presorted from {@code limit} samples
   * (0: none), from the whole tree presorted when {@code whole}, large nodes on two cores when
   * {@code parallel}.
   */
  private static Tree grow(float[][] columns, double[] y, double[] sw, int maxFeatures,
      int minSamplesLeaf, int maxLeafNodes, int limit, boolean whole, boolean parallel) {
    Splitter splitter = new Splitter(columns, y.length, new SquaredError(y, sw), maxFeatures,
        minSamplesLeaf, 0.0, false, 987654321L, null, parallel, limit, whole);
    return new TreeBuilder(splitter, new TreeBuilder.Limits(Integer.MAX_VALUE,
        2 * minSamplesLeaf, minSamplesLeaf, 0.0, maxLeafNodes, 0.0), 1).build();
  }
}

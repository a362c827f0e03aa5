package semaine.tree;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import semaine.random.RandomState;

/**
 * A regression tree grown with its large nodes on two cores ({@link TreeGrower#withParallelSort},
 * a single tree's growth; once the splits of waiting nodes found ahead on another core) is the
 * tree grown one node at a time, to the last bit: with ties in some features, sample weights,
 * {@code min_samples_leaf} and {@code max_features} below the feature count (the draws decide).
 */
class SplitLookaheadTest {

  @Test
  void theTreeIsTheSameAsGrownOneNodeAtATime() {
    RandomState rs = new RandomState(11);
    int n = 30_000;
    int d = 6;
    float[][] columns = new float[d][n];
    double[] y = new double[n];
    double[] weights = new double[n];
    for (int i = 0; i < n; i++) {
      for (int f = 0; f < d; f++) {
        double v = rs.randn();
        // features 4 and 5: few distinct values, ties in every node
        columns[f][i] = (float) (f == 4 ? Math.floor(v * 3) : f == 5 ? Math.floor(v * 300) : v);
      }
      y[i] = 2 * columns[0][i] + Math.sin(columns[1][i]) + 0.3 * columns[4][i] + 0.1 * rs.randn();
      weights[i] = 1 + rs.randint(0, 3);
    }
    int leaves = 0;
    for (int maxFeatures : new int[] {d, 3}) {
      for (int minSamplesLeaf : new int[] {1, 5}) {
        for (double[] sw : new double[][] {null, weights}) {
          TreeGrower grower = new TreeGrower(Integer.MAX_VALUE, 2 * minSamplesLeaf,
              minSamplesLeaf, 0.0, maxFeatures, -1, 0.0, false, 0.0);
          long seed = 12345 + maxFeatures;
          Tree expected = grower.growRegressor(columns, y, sw, seed);
          Tree ahead = grower.withParallelSort().growRegressor(columns, y, sw, seed);
          String what = "max_features " + maxFeatures + ", min_samples_leaf " + minSamplesLeaf
              + (sw == null ? "" : ", weighted");
          TreeAssert.assertSameTree(expected, ahead, what);
          leaves += ahead.nLeaves();
        }
      }
    }
    assertTrue(leaves > 50_000, "large trees: " + leaves + " leaves");
  }
}

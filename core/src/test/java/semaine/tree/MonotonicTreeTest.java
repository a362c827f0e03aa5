package semaine.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import semaine.data.Datasets;
import semaine.testsupport.ReferenceVectors;

/**
 * {@code monotonic_cst} against scikit-learn 1.9.1 ({@code reference/trees_monotonic.py}):
 * regression trees (squared error, Poisson, absolute error; best and random splitter; depth- and
 * best-first) on diabetes and a synthetic set, binary classification trees on a synthetic set and
 * on breast cancer (class weights too), node for node with their clipped values; then the
 * constraint itself, and scikit-learn's errors.
 */
class MonotonicTreeTest {

  private static final List<Map<String, Object>> CASES =
      ReferenceVectors.cases("trees_monotonic.json");

  @Test
  void constrainedTreesEqualScikitLearnsNodeForNode() {
    int nodes = TreeReference.assertSameTrees(CASES);
    System.out.printf("monotonic_cst trees vs scikit-learn: %d cases, %d nodes, all equal%n",
        CASES.size(), nodes);
  }

  @Test
  void predictionsFollowTheConstraintsAlongEachConstrainedFeature() {
    double[][] X = Datasets.loadDiabetes().X();
    double[] y = Datasets.loadDiabetes().y();
    var tree = new DecisionTreeRegressor().monotonicCst(0, 0, 1, 1, 0, 0, -1, 0, 0, 0)
        .randomState(0).fit(X, y);
    for (double[] row : X) {
      for (int f : new int[] {2, 3, 6}) {
        double[][] sweep = new double[21][];
        for (int k = 0; k < sweep.length; k++) {
          sweep[k] = row.clone();
          sweep[k][f] = -0.2 + 0.02 * k;
        }
        double[] p = tree.predict(sweep);
        for (int k = 1; k < p.length; k++) {
          double step = f == 6 ? p[k - 1] - p[k] : p[k] - p[k - 1];
          assertTrue(step >= 0, "feature " + f + " breaks its constraint at " + sweep[k][f]);
        }
      }
    }
  }

  @Test
  void badConstraintsGetScikitLearnsErrors() {
    double[][] X = {{0, 1}, {1, 0}, {2, 1}, {3, 0}};
    var reg = new DecisionTreeRegressor().monotonicCst(1);
    var e = assertThrows(IllegalArgumentException.class,
        () -> reg.fit(X, new double[] {0, 1, 2, 3}));
    assertEquals("monotonic_cst has shape 1 but the input data X has 2 features.",
        e.getMessage());
    reg.monotonicCst(1, 2);
    e = assertThrows(IllegalArgumentException.class, () -> reg.fit(X, new double[] {0, 1, 2, 3}));
    assertEquals("monotonic_cst must be None or an array-like of -1, 0 or 1, but got [1, 2]",
        e.getMessage());
    var clf = new DecisionTreeClassifier().monotonicCst(1, 0);
    e = assertThrows(IllegalArgumentException.class, () -> clf.fit(X, new int[] {0, 1, 2, 1}));
    assertEquals("Monotonicity constraints are not supported with multiclass classification",
        e.getMessage());
    clf.setParam("monotonic_cst", "[1, 0]");
    clf.fit(X, new int[] {0, 1, 1, 1});
    assertEquals(3, clf.tree().nodeCount());
  }

  @Test
  void aConstrainedTreeSavesAndLoadsWithItsConstraints(@org.junit.jupiter.api.io.TempDir
      java.nio.file.Path dir) {
    double[][] X = Datasets.loadDiabetes().X();
    double[] y = Datasets.loadDiabetes().y();
    var tree = new DecisionTreeRegressor().monotonicCst(0, 0, 1, 1, 0, 0, -1, 0, 0, 0)
        .maxDepth(5).randomState(0).fit(X, y);
    java.nio.file.Path file = dir.resolve("tree.semaine");
    semaine.base.Models.save(tree, file);
    var loaded = semaine.base.Models.load(file, DecisionTreeRegressor.class);
    org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {0, 0, 1, 1, 0, 0, -1, 0, 0, 0},
        (int[]) loaded.getParam("monotonic_cst"));
    org.junit.jupiter.api.Assertions.assertArrayEquals(tree.predict(X), loaded.predict(X));
  }
}

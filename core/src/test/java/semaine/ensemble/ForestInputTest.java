package semaine.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import semaine.data.Datasets;
import semaine.random.RandomState;

/** Bad input to the forests is named; the trees do not depend on the number of threads. */
class ForestInputTest {

  private static final double[][] X = Datasets.loadIris().X();
  private static final int[] Y = Datasets.loadIris().labels();

  private static String fitError(ForestClassifier<?> model) {
    return assertThrows(IllegalArgumentException.class, () -> model.fit(X, Y)).getMessage();
  }

  @Test
  void parametersOutOfRangeAreNamed() {
    assertEquals("max_depth (0) must be None or an int in [1, inf)",
        fitError(new RandomForestClassifier().maxDepth(0)));
    assertEquals("n_estimators (0) must be an int in [1, inf)",
        fitError(new ExtraTreesClassifier().nEstimators(0)));
    assertTrue(fitError(new RandomForestClassifier().maxFeatures("all"))
        .startsWith("max_features (\"all\") must be None or an int in [1, inf)"));
    assertEquals("min_samples_leaf (0) must be an int in [1, inf) or a float in (0, 1)",
        fitError(new RandomForestClassifier().minSamplesLeaf(0)));
    assertTrue(fitError(new ExtraTreesClassifier().maxSamples(50))
        .startsWith("max_samples (50) cannot be set if bootstrap=False"));
    assertEquals("oob_score (True) is only available if bootstrap=True",
        fitError(new ExtraTreesClassifier().oobScore(true)));
  }

  @Test
  void nanAndTheWrongFeatureCountAreRefused() {
    double[][] bad = Arrays.stream(X).map(double[]::clone).toArray(double[][]::new);
    bad[0][1] = Double.NaN;
    String message = assertThrows(IllegalArgumentException.class,
        () -> new RandomForestRegressor().fit(bad, new double[X.length])).getMessage();
    assertTrue(message.startsWith("Input X contains NaN (row 0, column 1)"), message);
    var forest = new RandomForestClassifier().nEstimators(3).randomState(0).fit(X, Y);
    assertEquals("X has 2 features, but RandomForestClassifier is expecting 4 features as input.",
        assertThrows(IllegalArgumentException.class,
            () -> forest.predict(new double[][] {{1, 2}})).getMessage());
  }

  @Test
  void theForestDoesNotDependOnTheThreads() {
    double[][] big = new RandomState(0).randn(2000, 6);
    double[] target = new double[big.length];
    for (int i = 0; i < big.length; i++) {
      target[i] = big[i][0] * big[i][1] + Math.sin(big[i][2]);
    }
    var one = new RandomForestRegressor().nEstimators(12).maxFeatures(0.5).nJobs(1)
        .randomState(3).fit(big, target);
    var all = new RandomForestRegressor().nEstimators(12).maxFeatures(0.5).nJobs(-1)
        .randomState(3).fit(big, target);
    assertArrayEquals(one.predict(big), all.predict(big));
    assertArrayEquals(one.featureImportances(), all.featureImportances());
  }
}

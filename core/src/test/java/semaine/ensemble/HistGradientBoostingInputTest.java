package semaine.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import semaine.data.Datasets;

/**
 * Bad input to histogram gradient boosting is named; NaN is a missing value, routed to the side
 * each split learned; the parts (binning, early stopping) do what scikit-learn's do.
 */
class HistGradientBoostingInputTest {

  private static final double[][] X = Datasets.loadIris().X();
  private static final int[] Y = Datasets.loadIris().labels();

  private static String fitError(HistGradientBoostingClassifier model) {
    return assertThrows(IllegalArgumentException.class, () -> model.fit(X, Y)).getMessage();
  }

  @Test
  void parametersOutOfRangeAreNamed() {
    assertEquals("max_iter (0) must be an int in [1, inf)",
        fitError(new HistGradientBoostingClassifier().maxIter(0)));
    assertEquals("max_bins (256) must be an int in [2, 255]",
        fitError(new HistGradientBoostingClassifier().maxBins(256)));
    assertEquals("min_samples_leaf (0) must be an int in [1, inf)",
        fitError(new HistGradientBoostingClassifier().minSamplesLeaf(0)));
    assertTrue(fitError(new HistGradientBoostingClassifier().learningRate(0))
        .startsWith("learning_rate (0.0) must be"));
    assertTrue(fitError(new HistGradientBoostingClassifier().maxLeafNodes(1))
        .startsWith("max_leaf_nodes (1) must be None or an int in [2, inf)"));
    assertTrue(fitError(new HistGradientBoostingClassifier().earlyStopping("yes"))
        .startsWith("early_stopping (\"yes\") must be"));
    assertTrue(fitError(new HistGradientBoostingClassifier().validationFraction(1.5))
        .startsWith("validation_fraction (1.5) must be"));
    var classifier = new HistGradientBoostingClassifier();
    classifier.setParam("max_features", 0.0);
    assertTrue(fitError(classifier).startsWith("max_features (0.0) must be"));
    var loss = new HistGradientBoostingRegressor();
    assertThrows(IllegalArgumentException.class, () -> loss.setParam("loss", "poisson")
        .fit(X, new double[X.length]));
  }

  @Test
  void infinityTheWrongFeatureCountAndOneClassAreRefused() {
    double[][] bad = Arrays.stream(X).map(double[]::clone).toArray(double[][]::new);
    bad[3][2] = Double.POSITIVE_INFINITY;
    String message = assertThrows(IllegalArgumentException.class,
        () -> new HistGradientBoostingRegressor().fit(bad, new double[X.length])).getMessage();
    assertTrue(message.startsWith("Input X contains infinity (Infinity at row 3, column 2)"),
        message);
    var model = new HistGradientBoostingClassifier().maxIter(3).fit(X, Y);
    message = assertThrows(IllegalArgumentException.class,
        () -> model.predict(new double[][] {{1, 2}})).getMessage();
    assertTrue(message.startsWith("X has 2 features at row 0, but HistGradientBoostingClassifier"
        + " is expecting 4 features as input"), message);
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> new HistGradientBoostingClassifier().fit(X, new int[X.length])).getMessage()
        .startsWith("y has a single class (0)"));
    int[] lonely = Y.clone();
    lonely[0] = 7;
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> new HistGradientBoostingClassifier().earlyStopping(true).fit(X, lonely))
        .getMessage().startsWith("The least populated class in y (7) has only 1 member"));
  }

  @Test
  void nanIsAcceptedAndFollowsTheLearnedSide() {
    // without NaN in training, NaN goes to the child with more training samples
    var clean = new HistGradientBoostingClassifier().maxIter(5).fit(X, Y);
    for (TreePredictor tree : clean.predictors()) {
      for (int node = 0; node < tree.nNodes(); node++) {
        if (tree.isLeaf()[node] == 0) {
          boolean moreLeft = tree.count()[tree.left()[node]] > tree.count()[tree.right()[node]];
          assertEquals(moreLeft ? 1 : 0, tree.missingGoToLeft()[node], "node " + node);
        }
      }
    }
    double[][] withNan = Arrays.stream(X).map(double[]::clone).toArray(double[][]::new);
    for (int i = 0; i < withNan.length; i += 4) {
      withNan[i][2] = Double.NaN;
    }
    var model = new HistGradientBoostingClassifier().maxIter(5).fit(withNan, Y);
    double[][] proba = model.predictProba(withNan);
    for (double[] p : proba) {
      assertEquals(1.0, Arrays.stream(p).sum(), 1e-12);
    }
    // NaN has its own bin: the last one, past the 255 of the non-missing values
    byte[][] bins = BinMapper.transform(withNan, model.binThresholds(), 255);
    assertEquals(255, bins[2][0] & 0xFF);
    assertTrue((bins[2][1] & 0xFF) < 255);
  }

  @Test
  void quantileThresholdsAreNumpysAveragedInvertedCdf() {
    double[] sorted = {1, 2, 3, 4};
    // n·q − 1 = 1 exactly: the mean of the 2nd and 3rd values; else the next value up
    assertEquals(2.5, BinMapper.averagedInvertedCdf(sorted, 0.5));
    assertEquals(3.0, BinMapper.averagedInvertedCdf(sorted, 0.6));
    assertEquals(1.0, BinMapper.averagedInvertedCdf(sorted, 0.1));
    assertArrayEquals(new double[] {1.5, 2.5, 3.5}, BinMapper.thresholds(sorted.clone(), 255));
    assertArrayEquals(new double[0], BinMapper.thresholds(new double[] {5, 5, 5}, 255));
  }
}

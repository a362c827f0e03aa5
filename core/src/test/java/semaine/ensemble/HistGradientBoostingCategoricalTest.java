package semaine.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import semaine.base.Models;
import semaine.random.RandomState;
import semaine.testsupport.ReferenceAssert;
import semaine.testsupport.ReferenceVectors;

/**
 * Categorical features and monotonic constraints against scikit-learn 1.9.1
 * ({@code reference/hgb_categorical.py}): bin thresholds, n_iter_, scores, every node and bitset
 * of the kept iterations, raw predictions on the training rows and on test rows with unknown
 * categories, within 1e-9.
 */
class HistGradientBoostingCategoricalTest {

  private static final Map<String, Object> REFERENCE =
      ReferenceVectors.load("hgb_categorical.json");
  private static final double TOL = 1e-9;

  /** The reference's data: rows 0-2,999 train, 3,000-3,499 test; y in {@code yOut}. */
  static double[][] data(double[] yOut) {
    int n = 3500;
    RandomState rs = new RandomState(42);
    double[][] X = rs.randn(n, 8);
    long[] catA = rs.randint(0, 12, n);
    long[] catB = rs.randint(0, 40, n);
    double[] u = rs.rand(n);
    for (int i = 0; i < n; i++) {
      catB[i] = u[i] < 0.5 ? catB[i] % 6 : catB[i];
    }
    double[] effectsA = rs.randn(12);
    double[] effectsB = rs.randn(40);
    double[] noise = rs.randn(n);
    double[] missing = rs.rand(n * 2);
    for (int i = 0; i < n; i++) {
      double[] x = X[i];
      yOut[i] = x[0] + 0.5 * (x[1] * x[1]) - x[3] + 2.0 * effectsA[(int) catA[i]]
          + effectsB[(int) catB[i]] + 0.3 * noise[i];
      x[2] = 3 * catA[i] - 7.0;
      x[6] = catB[i];
      if (missing[2 * i] < 0.05) {
        x[2] = Double.NaN;
      }
      if (missing[2 * i + 1] < 0.05) {
        x[6] = Double.NaN;
      }
    }
    for (int i = 3000; i < 3050; i++) {
      X[i][2] = 100.0;
      X[i + 50][6] = -1.0;
    }
    return X;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> cases() {
    return (List<Map<String, Object>>) REFERENCE.get("cases");
  }

  @SuppressWarnings("unchecked")
  static BaseHistGradientBoosting<?> fit(Map<String, Object> c, double[][] X, double[] y) {
    BaseHistGradientBoosting<?> model = c.get("model").equals("HistGradientBoostingRegressor")
        ? new HistGradientBoostingRegressor() : new HistGradientBoostingClassifier();
    ((Map<String, Object>) c.get("params")).forEach(model::setParam);
    if (model instanceof HistGradientBoostingClassifier classifier) {
      double median = median(y);
      double[] sorted = y.clone();
      java.util.Arrays.sort(sorted);
      int[] labels = new int[y.length];
      for (int i = 0; i < y.length; i++) {
        labels[i] = c.get("target").equals("binary") ? (y[i] > median ? 1 : 0)
            : (y[i] >= quantile(sorted, 1.0 / 3) ? 1 : 0) + (y[i] >= quantile(sorted, 2.0 / 3) ? 1 : 0);
      }
      return classifier.fit(X, labels);
    }
    return ((HistGradientBoostingRegressor) model).fit(X, y);
  }

  private static double median(double[] y) {
    double[] sorted = y.clone();
    java.util.Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** NumPy's default (linear) quantile of sorted values, its virtual index computed as NumPy's. */
  private static double quantile(double[] sorted, double q) {
    double virtual = sorted.length * q + (1 + q * (1 - 1 - 1)) - 1;
    int below = (int) Math.floor(virtual);
    double gamma = virtual - below;
    double a = sorted[below];
    double b = sorted[Math.min(below + 1, sorted.length - 1)];
    // numpy's _lerp: a + (b - a) * t, or b - (b - a) * (1 - t) when t >= 0.5
    return gamma >= 0.5 ? b - (b - a) * (1 - gamma) : a + (b - a) * gamma;
  }

  private static double[][] rows(double[][] X, int from, int to) {
    return java.util.Arrays.copyOfRange(X, from, to);
  }

  @Test
  void everyCaseEqualsScikitLearns() {
    double[] yAll = new double[3500];
    double[][] all = data(yAll);
    double[][] X = rows(all, 0, 3000);
    double[] y = java.util.Arrays.copyOf(yAll, 3000);
    double[][] test = rows(all, 3000, 3500);
    int nodes = 0;
    int categoricalSplits = 0;
    for (Map<String, Object> c : cases()) {
      String what = c.get("model") + " " + c.get("target") + " " + c.get("params");
      BaseHistGradientBoosting<?> model = fit(c, X, y);
      List<?> thresholds = (List<?>) c.get("bin_thresholds");
      double[][] bins = model.binThresholds();
      for (int f = 0; f < bins.length; f++) {
        ReferenceAssert.assertClose(thresholds.get(f), bins[f], TOL, what + " thresholds " + f);
      }
      Object isCategorical = c.get("is_categorical");
      if (isCategorical == null) {
        assertNull(model.isCategorical(), what);
      } else {
        assertArrayEquals(ReferenceVectors.ints(isCategorical), model.isCategorical(), what);
      }
      assertEquals(((Number) c.get("n_iter")).intValue(), model.nIter(), what + " n_iter_");
      ReferenceAssert.assertClose(c.get("train_score"), model.trainScore(), TOL, what);
      ReferenceAssert.assertClose(c.get("validation_score"), model.validationScore(), TOL, what);
      TreePredictor[] predictors = model.predictors();
      int nTrees = predictors.length / model.nIter();
      List<?> iterations = (List<?>) c.get("iterations");
      List<?> expected = (List<?>) c.get("predictors");
      for (int t = 0; t < iterations.size(); t++) {
        int iteration = ((Number) iterations.get(t)).intValue();
        for (int k = 0; k < nTrees; k++) {
          TreePredictor tree = predictors[iteration * nTrees + k];
          Map<?, ?> nodesExpected = (Map<?, ?>) ((List<?>) expected.get(t)).get(k);
          String where = what + " iteration " + iteration + " tree " + k;
          HistGradientBoostingTest.assertSameNodes(nodesExpected, tree, where);
          categoricalSplits += assertSameBitsets(nodesExpected, tree, where);
          nodes += tree.nNodes();
        }
      }
      assertRaw(c.get("raw_predict"), model.rawPredict(X), what + " raw predict");
      assertRaw(c.get("raw_predict_test"), model.rawPredict(test), what + " raw predict (test)");
    }
    assertTrue(categoricalSplits > 300, "categorical splits compared: " + categoricalSplits);
    System.out.printf("HistGradientBoosting categorical/monotonic vs scikit-learn: %d cases,"
        + " %d nodes, %d categorical splits, all equal%n", cases().size(), nodes,
        categoricalSplits);
  }

  /** is_categorical, bitset_idx and both bitsets; returns the number of categorical splits. */
  private static int assertSameBitsets(Map<?, ?> expected, TreePredictor tree, String what) {
    int[] isCategorical = ReferenceVectors.ints(expected.get("is_categorical"));
    int splits = java.util.Arrays.stream(isCategorical).sum();
    if (tree.isCategorical() == null) {
      assertEquals(0, splits, what + " is_categorical");
      return 0;
    }
    assertArrayEquals(isCategorical, tree.isCategorical(), what + " is_categorical");
    assertArrayEquals(ReferenceVectors.ints(expected.get("bitset_idx")), tree.bitsetIdx(),
        what + " bitset_idx");
    for (String field : new String[] {"binned_left_cat_bitsets", "raw_left_cat_bitsets"}) {
      List<?> rows = (List<?>) expected.get(field);
      int[][] actual = field.startsWith("binned") ? tree.binnedLeftCatBitsets()
          : tree.rawLeftCatBitsets();
      assertEquals(rows.size(), actual.length, what + " " + field);
      for (int r = 0; r < actual.length; r++) {
        List<?> words = (List<?>) rows.get(r);
        for (int w = 0; w < 8; w++) {
          assertEquals(((Number) words.get(w)).longValue(), actual[r][w] & 0xFFFFFFFFL,
              what + " " + field + "[" + r + "][" + w + "]");
        }
      }
    }
    return splits;
  }

  private static void assertRaw(Object expected, double[][] raw, String what) {
    double[][] byRow = new double[raw[0].length][raw.length];
    for (int k = 0; k < raw.length; k++) {
      for (int i = 0; i < raw[0].length; i++) {
        byRow[i][k] = raw[k][i];
      }
    }
    ReferenceAssert.assertClose(expected, byRow, TOL, what);
  }

  @Test
  void aCategoricalModelSavesAndLoadsWithTheSameAnswers(@TempDir Path dir) {
    double[] yAll = new double[3500];
    double[][] all = data(yAll);
    double[][] X = rows(all, 0, 3000);
    double[][] test = rows(all, 3000, 3500);
    int[] labels = new int[3000];
    for (int i = 0; i < 3000; i++) {
      labels[i] = yAll[i] > 1 ? 1 : 0;
    }
    var model = new HistGradientBoostingClassifier().categoricalFeatures(2, 6).maxIter(15)
        .fit(X, labels);
    Path file = dir.resolve("hgb.semaine");
    Models.save(model, file);
    var loaded = Models.load(file, HistGradientBoostingClassifier.class);
    assertArrayEquals(new int[] {2, 6}, (int[]) loaded.getParam("categorical_features"));
    assertArrayEquals(model.predictProba(test), loaded.predictProba(test));
    assertArrayEquals(model.isCategorical(), loaded.isCategorical());
    var masked = new HistGradientBoostingRegressor()
        .categoricalFeatures(false, false, true, false, false, false, true, false).maxIter(5)
        .fit(X, java.util.Arrays.copyOf(yAll, 3000));
    Models.save(masked, file);
    var back = Models.load(file, HistGradientBoostingRegressor.class);
    assertEquals(List.of(false, false, true, false, false, false, true, false),
        back.getParam("categorical_features"));
    assertArrayEquals(masked.predict(test), back.predict(test));
  }

  @Test
  void monotonicConstraintsHoldOnAGrid() {
    double[] yAll = new double[3500];
    double[][] X = rows(data(yAll), 0, 3000);
    var model = new HistGradientBoostingRegressor().monotonicCst(1, 0, 0, -1, 0, 0, 0, 0)
        .maxIter(30).fit(X, java.util.Arrays.copyOf(yAll, 3000));
    for (int row = 0; row < 20; row++) {
      double[] x = X[row].clone();
      double previous0 = Double.NEGATIVE_INFINITY;
      double previous3 = Double.POSITIVE_INFINITY;
      for (double v = -3; v <= 3; v += 0.25) {
        double[] a = x.clone();
        a[0] = v;
        double[] b = x.clone();
        b[3] = v;
        double pa = model.predict(new double[][] {a})[0];
        double pb = model.predict(new double[][] {b})[0];
        assertTrue(pa >= previous0, "increasing in feature 0 at " + v);
        assertTrue(pb <= previous3, "decreasing in feature 3 at " + v);
        previous0 = pa;
        previous3 = pb;
      }
    }
  }
}

package semaine.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import semaine.data.Datasets;
import semaine.random.RandomState;

/** Bad input to the trees gets a message naming the argument, the value and the rule. */
class DecisionTreeInputTest {

  private static final double[][] X = Datasets.loadIris().X();
  private static final int[] Y = Datasets.loadIris().labels();

  private static String fitError(DecisionTreeClassifier model) {
    return assertThrows(IllegalArgumentException.class, () -> model.fit(X, Y)).getMessage();
  }

  @Test
  void parametersOutOfRangeAreNamed() {
    assertEquals("max_depth (0) must be None or an int in [1, inf)",
        fitError(new DecisionTreeClassifier().maxDepth(0)));
    assertEquals("min_samples_leaf (0) must be an int in [1, inf) or a float in (0, 1)",
        fitError(new DecisionTreeClassifier().minSamplesLeaf(0)));
    assertEquals("min_samples_split (1) must be an int in [2, inf) or a float in (0, 1]",
        fitError(new DecisionTreeClassifier().minSamplesSplit(1)));
    assertEquals("max_features (0) must be None or an int in [1, inf) or a float in (0, 1] or"
        + " one of \"sqrt\", \"log2\"", fitError(new DecisionTreeClassifier().maxFeatures(0)));
    assertTrue(fitError(new DecisionTreeClassifier().maxFeatures(1.5))
        .startsWith("max_features (1.5) must be"));
    assertTrue(fitError(new DecisionTreeClassifier().maxFeatures("sqrtt"))
        .startsWith("max_features (\"sqrtt\") must be"));
    assertTrue(fitError(new DecisionTreeClassifier().criterion("mse"))
        .startsWith("criterion (\"mse\") must be one of \"gini\", \"entropy\", \"log_loss\""));
    // an int is a count, a float a fraction: 1 is not 100 %
    assertEquals(1.0, new DecisionTreeClassifier().setParam("min_samples_split", "1.0")
        .getParam("min_samples_split"));
  }

  @Test
  void nanAndInfinityInXAreRefused() {
    double[][] bad = Arrays.stream(X).map(double[]::clone).toArray(double[][]::new);
    bad[3][2] = Double.NaN;
    String message = assertThrows(IllegalArgumentException.class,
        () -> new DecisionTreeClassifier().fit(bad, Y)).getMessage();
    assertTrue(message.startsWith("Input X contains NaN (row 3, column 2)"), message);
    bad[3][2] = 1e39;   // beyond float32
    message = assertThrows(IllegalArgumentException.class,
        () -> new DecisionTreeRegressor().fit(bad, new double[X.length])).getMessage();
    assertTrue(message.startsWith("Input X contains infinity or a value too large for"
        + " dtype('float32')"), message);
  }

  @Test
  void classWeightNamingAnAbsentClassIsRefusedAsScikitLearnDoes() {
    String message = fitError(new DecisionTreeClassifier().classWeight(Map.of(0, 1.0, 5, 2.0)));
    assertTrue(message.contains("the classes, [1, 2], are not in class_weight"), message);
    // every class weighted: the extra class is ignored, as in scikit-learn
    new DecisionTreeClassifier().classWeight(Map.of(0, 1.0, 1, 2.0, 2, 3.0, 5, 1.0)).fit(X, Y);
    assertTrue(fitError(new DecisionTreeClassifier().classWeight("heavy"))
        .startsWith("class_weight (\"heavy\") must be None or \"balanced\" or a dict"));
  }

  @Test
  void predictionOnAnotherNumberOfFeaturesIsRefused() {
    var model = new DecisionTreeClassifier().randomState(0).fit(X, Y);
    String message = assertThrows(IllegalArgumentException.class,
        () -> model.predict(new double[][] {{1, 2, 3}})).getMessage();
    assertEquals("X has 3 features, but DecisionTreeClassifier is expecting 4 features as"
        + " input.", message);
    assertThrows(IllegalStateException.class, () -> new DecisionTreeRegressor().predict(X));
  }

  @Test
  void sampleWeightsMustMatchAndNotAllBeZero() {
    String message = assertThrows(IllegalArgumentException.class,
        () -> new DecisionTreeClassifier().fit(X, Y, new double[3])).getMessage();
    assertTrue(message.contains("sample_weight has 3 values"), message);
    message = assertThrows(IllegalArgumentException.class,
        () -> new DecisionTreeClassifier().fit(X, Y, new double[X.length])).getMessage();
    assertTrue(message.startsWith("sample_weight sums to 0.0"), message);
  }

  @Test
  void introsortSortsLikeAnyStableSortUpToTies() {
    RandomState rs = new RandomState(0);
    for (int n : new int[] {0, 1, 15, 16, 100, 5000}) {
      float[] values = new float[n + 3];
      int[] indices = new int[n + 3];
      for (int i = 0; i < values.length; i++) {
        values[i] = (float) Math.floor(rs.rand() * 50);   // many ties
        indices[i] = i;
      }
      float[] original = values.clone();
      SimultaneousSort.sort(values, indices, 2, n);
      float[] expected = Arrays.copyOfRange(original, 2, 2 + n);
      Arrays.sort(expected);
      assertArrayEquals(expected, Arrays.copyOfRange(values, 2, 2 + n));
      for (int i = 0; i < values.length; i++) {
        assertEquals(original[indices[i]], values[i]);   // indices moved along
      }
      assertEquals(original[0], values[0]);   // outside the range: untouched
      assertEquals(original[n + 2], values[n + 2]);
    }
  }
}

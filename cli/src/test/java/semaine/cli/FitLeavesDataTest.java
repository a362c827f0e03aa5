package semaine.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import semaine.base.Classifier;
import semaine.base.Regressor;
import semaine.data.Datasets;

/**
 * The fitting commands give the file's arrays to {@code fit} without a copy ({@link
 * FitInput#dataset()}, then R² or predictions on the same rows): every model {@code regress}
 * and {@code classify} can build must leave its X and y as they were.
 */
class FitLeavesDataTest {

  static java.util.List<String> regressors() {
    return ModelRegistry.REGRESSORS.names();
  }

  static java.util.List<String> classifiers() {
    return ModelRegistry.CLASSIFIERS.names();
  }

  @ParameterizedTest
  @MethodSource("regressors")
  void regressorsLeaveTheirData(String name) {
    double[][] X = new semaine.random.RandomState(0).randn(60, 3); // gd needs no scaling
    double[] y = new double[X.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = 2 * X[i][0] - X[i][1] + 0.5 * X[i][2] + (i % 7) * 0.1;
    }
    Regressor model = ModelRegistry.REGRESSORS.get("--model", name).get();
    assertUnchanged(name, X, y.clone(), y, () -> model.fit(X, y));
  }

  @ParameterizedTest
  @MethodSource("classifiers")
  void classifiersLeaveTheirData(String name) {
    var data = Datasets.makeBlobs().nSamples(60).centers(3).nFeatures(3).randomState(0)
        .generate();
    double[][] X = data.X();
    int[] y = data.y();
    Classifier model = ModelRegistry.CLASSIFIERS.get("--model", name).get();
    assertUnchanged(name, X, y.clone(), y, () -> model.fit(X, y));
  }

  /** Runs {@code fit} and checks that X and the target ({@code before}, now {@code after}) stay. */
  private static void assertUnchanged(String name, double[][] X, Object before, Object after,
      Runnable fit) {
    double[][] copy = copy(X);
    fit.run();
    assertArrayEquals(copy, X, name);
    assertTrue(java.util.Objects.deepEquals(before, after), name + ": the target changed");
  }

  private static double[][] copy(double[][] X) {
    return Arrays.stream(X).map(double[]::clone).toArray(double[][]::new);
  }
}

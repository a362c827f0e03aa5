package semaine.cli;

import java.util.function.BiConsumer;
import java.util.function.Function;
import picocli.CommandLine.Option;
import semaine.anomaly.IsolationForest;
import semaine.base.Classifier;
import semaine.classification.KNeighborsClassifier;
import semaine.base.Estimator;
import semaine.base.Regressor;
import semaine.clustering.KMeans;
import semaine.ensemble.ForestClassifier;
import semaine.ensemble.ForestRegressor;
import semaine.regression.KNeighborsRegressor;
import semaine.tree.DecisionTreeClassifier;
import semaine.tree.DecisionTreeRegressor;

/**
 * The {@code --dtype float32|float64} option of {@code cluster}, {@code classify}, {@code regress}
 * and {@code outliers} (mixed in with {@code @Mixin Dtype dtype}): with float32 the file's feature
 * columns are read as float32 ({@code X.astype(np.float32)}, half the memory, no float64 matrix
 * built) and fitted by the models that take a float32 X as scikit-learn does: KMeans (float32
 * arithmetic, float32 centres), the trees, forests and IsolationForest (which work on float32
 * samples anyway, so their answers are those of float64) and k-NN (float32 samples kept; the
 * neighbours of float64, brute-force distances rounded to float32 as scikit-learn returns them).
 * Any other model refuses float32, naming itself.
 */
public final class Dtype {

  /** Rows converted to float64 at a time to predict with a float64 API (trees: the same floats). */
  private static final int BLOCK = 4096;

  @Option(names = "--dtype", defaultValue = "float64", paramLabel = "float32|float64",
      description = "The features' dtype: float64 (default) or float32, half the memory, for"
          + " kmeans, knn, tree, forest, extra-trees and iforest (scikit-learn's results on a"
          + " float32 X).")
  String dtype;

  /**
   * Whether the features are float32.
   *
   * @throws UsageException for a value other than float32 or float64
   */
  public boolean float32() {
    if (!dtype.equals("float32") && !dtype.equals("float64")) {
      throw new UsageException("--dtype (" + dtype + ") must be float32 or float64");
    }
    return dtype.equals("float32");
  }

  /** Whether {@code model} fits a float32 X (see the class comment). */
  static boolean fitsFloat32(Estimator model) {
    return model instanceof KMeans || model instanceof DecisionTreeClassifier
        || model instanceof DecisionTreeRegressor || model instanceof ForestClassifier<?>
        || model instanceof ForestRegressor<?> || model instanceof IsolationForest
        || model instanceof KNeighborsClassifier || model instanceof KNeighborsRegressor;
  }

  /**
   * With {@code --dtype float32}, checks that {@code model} fits float32 data, before any is read.
   *
   * @param option how the user named it ("--model knn")
   * @return whether the features are float32
   * @throws UsageException naming the model and the models that do
   */
  public boolean require(Estimator model, String option) {
    if (float32() && !fitsFloat32(model)) {
      throw new UsageException("--dtype float32: " + model.getClass().getSimpleName() + " ("
          + option + ") fits float64 data only in semaine; float32 is available for kmeans,"
          + " knn, tree, forest, extra-trees and iforest; use --dtype float64");
    }
    return float32();
  }

  /**
   * With {@code --dtype float32}, refuses an option whose work is done in float64.
   *
   * @throws UsageException "--dtype float32 is not available with --stream: ..."
   */
  public void refuseWith(String option, boolean given, String why) {
    if (given && float32()) {
      throw new UsageException("--dtype float32 is not available with " + option + ": " + why
          + "; use --dtype float64");
    }
  }

  /** Fits a classifier that {@link #fitsFloat32} on float32 X. */
  static void fit(Classifier model, float[][] X, int[] y) {
    switch (model) {
      case DecisionTreeClassifier tree -> tree.fit(X, y);
      case ForestClassifier<?> forest -> forest.fit(X, y);
      case KNeighborsClassifier knn -> knn.fit(X, y);
      default -> throw new IllegalStateException(model + " has no float32 fit");
    }
  }

  /** Fits a regressor that {@link #fitsFloat32} on float32 X. */
  static void fit(Regressor model, float[][] X, double[] y) {
    switch (model) {
      case DecisionTreeRegressor tree -> tree.fit(X, y);
      case ForestRegressor<?> forest -> forest.fit(X, y);
      case KNeighborsRegressor knn -> knn.fit(X, y);
      default -> throw new IllegalStateException(model + " has no float32 fit");
    }
  }

  /**
   * The labels a classifier fitted by {@link #fit(Classifier, float[][], int[])} predicts for
   * float32 rows: k-NN's float32 queries, the others a block at a time ({@link #forBlocks}).
   */
  static int[] predict(Classifier model, float[][] X) {
    return model instanceof KNeighborsClassifier knn ? knn.predict(X)
        : inBlocks(X, new int[X.length], model::predict);
  }

  /** {@link #predict(Classifier, float[][])} for the probabilities. */
  static double[][] predictProba(Classifier model, float[][] X) {
    return model instanceof KNeighborsClassifier knn ? knn.predictProba(X)
        : inBlocks(X, new double[X.length][], model::predictProba);
  }

  /** {@link #predict(Classifier, float[][])} for a regressor. */
  static double[] predict(Regressor model, float[][] X) {
    return model instanceof KNeighborsRegressor knn ? knn.predict(X)
        : inBlocks(X, new double[X.length], model::predict);
  }

  /** Fills {@code out} (an array of X.length answers) with {@code answer} of each block of X. */
  private static <A> A inBlocks(float[][] X, A out, Function<double[][], A> answer) {
    forBlocks(X, (start, block) -> System.arraycopy(answer.apply(block), 0, out, start,
        block.length));
    return out;
  }

  /**
   * Gives float32 rows to a model's float64 API a block at a time, as {@code (start, block)}: the
   * memory of one block of float64 rows. The trees round them back to the same floats, so their
   * answers are those for the float32 rows.
   */
  private static void forBlocks(float[][] X, BiConsumer<Integer, double[][]> action) {
    for (int start = 0; start < X.length; start += BLOCK) {
      int end = Math.min(X.length, start + BLOCK);
      double[][] block = new double[end - start][];
      for (int i = start; i < end; i++) {
        block[i - start] = new double[X[i].length];
        for (int j = 0; j < X[i].length; j++) {
          block[i - start][j] = X[i][j];
        }
      }
      action.accept(start, block);
    }
  }
}

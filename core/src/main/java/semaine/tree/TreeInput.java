package semaine.tree;

import semaine.util.Checks;
import semaine.util.Sums;

/**
 * Samples as scikit-learn's trees take them: rounded to float32, refused when a value is
 * infinite or too large for a float, or NaN at fit (missing values are not routed yet).
 */
public final class TreeInput {

  private TreeInput() {}

  /**
   * X for fitting, as float32 columns (n_features, n_samples), after the checks of
   * {@link #rows}; NaN is refused as well.
   *
   * @param model the estimator's name, for messages
   */
  public static float[][] columns(double[][] X, String model) {
    return transposed(rows(X, -1, model), model);
  }

  /**
   * float32 X for fitting, as {@link #columns(double[][], String)}: scikit-learn takes a float32
   * X as it is (its trees' DTYPE), so the same trees grow from X as from X in float64.
   */
  public static float[][] columns(float[][] X, String model) {
    return transposed(rows(X, -1, model), model);
  }

  /** Float rows as columns (n_features, n_samples), NaN refused. */
  private static float[][] transposed(float[][] rows, String model) {
    for (int i = 0; i < rows.length; i++) {
      for (int j = 0; j < rows[i].length; j++) {
        if (Float.isNaN(rows[i][j])) {
          throw new IllegalArgumentException("Input X contains NaN (row " + i + ", column " + j
              + "): semaine's " + model + " does not accept missing values yet (scikit-learn"
              + " 1.9's trees route them; here, impute them first, e.g. with the column mean, or use"
              + " HistGradientBoostingClassifier or HistGradientBoostingRegressor, which accept"
              + " missing values natively)");
        }
      }
    }
    int d = rows[0].length;
    float[][] columns = new float[d][rows.length];
    for (int i = 0; i < rows.length; i++) {
      for (int j = 0; j < d; j++) {
        columns[j][i] = rows[i][j];
      }
    }
    return columns;
  }

  /**
   * float32 rows checked as {@link #rows(double[][], int, String)} checks them (infinity refused),
   * returned as they are.
   */
  public static float[][] rows(float[][] X, int nFeatures, String model) {
    if (X == null || X.length == 0 || X[0] == null || X[0].length == 0) {
      throw new IllegalArgumentException("X " + (X == null ? "must not be null"
          : "is empty: it needs at least one row and one column"));
    }
    int d = checkWidth(X[0].length, nFeatures, model);
    for (int i = 0; i < X.length; i++) {
      checkRow(X[i] == null ? -1 : X[i].length, i, d);
      for (int j = 0; j < d; j++) {
        if (Float.isInfinite(X[i][j])) {
          throw new IllegalArgumentException("Input X contains infinity (" + X[i][j] + " at row "
              + i + ", column " + j + ").");
        }
      }
    }
    return X;
  }

  private static int checkWidth(int d, int nFeatures, String model) {
    if (nFeatures >= 0 && d != nFeatures) {
      throw new IllegalArgumentException("X has " + d + " features, but " + model
          + " is expecting " + nFeatures + " features as input.");
    }
    return d;
  }

  private static void checkRow(int length, int i, int d) {
    if (length != d) {
      throw new IllegalArgumentException("X is ragged: row " + i + " has "
          + (length < 0 ? "no" : String.valueOf(length)) + " values but row 0 has " + d);
    }
  }

  /**
   * Checks the rest of a fit's input: y (of length {@code yLength}, null for none) and the sample
   * weights as many as the samples and finite.
   *
   * @return the sample weights, unchanged (null stays null)
   */
  public static double[] checkFitInput(int nSamples, Object y, int yLength, double[] sampleWeight) {
    Checks.checkArgument(y != null, "y must not be null");
    Checks.checkSameLength("X", nSamples, "y", yLength);
    if (sampleWeight != null) {
      Checks.checkSameLength("X", nSamples, "sample_weight", sampleWeight.length);
      Checks.checkVector("sample_weight", sampleWeight);
    }
    return sampleWeight;
  }

  /**
   * X rounded to float32, row by row.
   *
   * @param nFeatures the fitted number of features, or −1 at fit
   * @throws IllegalArgumentException if X is null, empty or ragged, has another number of
   *     features, or holds a value that is infinite as a float32
   */
  public static float[][] rows(double[][] X, int nFeatures, String model) {
    if (X == null || X.length == 0 || X[0] == null || X[0].length == 0) {
      throw new IllegalArgumentException("X " + (X == null ? "must not be null"
          : "is empty: it needs at least one row and one column"));
    }
    int d = checkWidth(X[0].length, nFeatures, model);
    float[][] out = new float[X.length][d];
    for (int i = 0; i < X.length; i++) {
      checkRow(X[i] == null ? -1 : X[i].length, i, d);
      for (int j = 0; j < d; j++) {
        float v = (float) X[i][j];
        if (Float.isInfinite(v)) {
          throw new IllegalArgumentException("Input X contains infinity or a value too large for"
              + " dtype('float32') (" + X[i][j] + " at row " + i + ", column " + j + ").");
        }
        out[i][j] = v;
      }
    }
    return out;
  }

  /**
   * The regression criteria's conditions on y: {@code "poisson"} needs y ≥ 0 with a positive
   * sum (scikit-learn's messages).
   *
   * @param positive how the sum rule reads: "positive" (trees), "strictly positive" (forests)
   * @throws IllegalArgumentException for a negative y or a sum of y not above 0, under poisson
   */
  public static void checkRegressionTarget(String criterion, double[] y, String positive) {
    if (!criterion.equals("poisson")) {
      return;
    }
    for (double v : y) {
      Checks.checkArgument(!(v < 0), "criterion='poisson': Some value(s) of y are negative which"
          + " is not allowed for Poisson regression.");
    }
    Checks.checkArgument(Sums.pairwise(y) > 0, "criterion='poisson': Sum of y is not " + positive
        + " which is necessary for Poisson regression.");
  }
}

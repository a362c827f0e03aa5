package semaine.impute;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import semaine.base.BaseEstimator;
import semaine.base.EstimatorSpec;
import semaine.base.Nullable;
import semaine.base.Param;
import semaine.base.Rule;
import semaine.base.Transformer;
import semaine.util.Checks;

/**
 * Replaces missing values (NaN by default) column by column with a statistic of the values present
 * at fit: their mean, their median, the most frequent one (the smallest on ties), or a constant.
 *
 * <p>As scikit-learn 1.9's {@code SimpleImputer} on dense numeric data: a column with no value at
 * fit has statistic NaN and is dropped by {@code transform}, unless {@code keep_empty_features},
 * which fills it with 0 (or the constant); {@code add_indicator} appends, for each column that had
 * missing values at fit, a 0/1 column marking them ({@code MissingIndicator}, which refuses missing
 * values at transform in a column that had none at fit). Infinite values are refused.
 *
 * <h2>Example</h2>
 * <pre>{@code
 * var imputer = new SimpleImputer().strategy("median");   // SimpleImputer(strategy="median")
 * double[][] filled = imputer.fitTransform(X);            // imputer.fit_transform(X)
 * }</pre>
 */
public final class SimpleImputer extends BaseEstimator<SimpleImputer> implements Transformer {

  static final Param<Double> MISSING_VALUES = Param.of("missing_values", Double.NaN,
      Rule.reals(null, false, null, false), Rule.instanceOf(Double.class, "nan"));
  static final Param<String> STRATEGY = Param.of("strategy", "mean",
      Rule.options("mean", "median", "most_frequent", "constant"));
  static final Param<Double> FILL_VALUE = Param.of("fill_value", null, Rule.none(),
      Rule.reals(null, false, null, false));
  static final Param<Boolean> COPY = Param.of("copy", true, Rule.bool());
  static final Param<Boolean> ADD_INDICATOR = Param.of("add_indicator", false, Rule.bool());
  static final Param<Boolean> KEEP_EMPTY_FEATURES = Param.of("keep_empty_features", false,
      Rule.bool());
  private static final EstimatorSpec<SimpleImputer> SPEC = EstimatorSpec.of(
      "sklearn.impute.SimpleImputer", SimpleImputer::new, Fitted.class, MISSING_VALUES, STRATEGY,
      FILL_VALUE, COPY, ADD_INDICATOR, KEEP_EMPTY_FEATURES);

  /** The statistic per column and, with add_indicator, the columns that had missing values. */
  private record Fitted(double[] statistics, @Nullable int[] indicatorFeatures,
      int nFeaturesIn) {}

  /** A mean imputer of NaN. */
  public SimpleImputer() {
    super(SPEC);
  }

  /** "mean", "median", "most_frequent" or "constant" ({@code strategy}). */
  public SimpleImputer strategy(String strategy) {
    return set(STRATEGY, strategy);
  }

  /** The value that marks a missing entry ({@code missing_values}, default NaN). */
  public SimpleImputer missingValues(double missing) {
    return set(MISSING_VALUES, missing);
  }

  /** The constant of strategy "constant" ({@code fill_value}, default 0). */
  public SimpleImputer fillValue(double fill) {
    return set(FILL_VALUE, fill);
  }

  /** Whether to append missing-value indicator columns ({@code add_indicator}). */
  public SimpleImputer addIndicator(boolean addIndicator) {
    return set(ADD_INDICATOR, addIndicator);
  }

  /** Whether to keep columns with no value at fit, filled with 0 ({@code keep_empty_features}). */
  public SimpleImputer keepEmptyFeatures(boolean keep) {
    return set(KEEP_EMPTY_FEATURES, keep);
  }

  /** Learns each column's statistic from its present values. */
  @Override
  public SimpleImputer fit(double[][] X) {
    validateParams();
    checkX(X, -1);
    int d = X[0].length;
    String strategy = get(STRATEGY);
    boolean keep = get(KEEP_EMPTY_FEATURES);
    double[] statistics = new double[d];
    List<Integer> withMissing = new ArrayList<>();
    for (int j = 0; j < d; j++) {
      double[] present = present(X, j);
      if (present.length < X.length) {
        withMissing.add(j);
      }
      statistics[j] = switch (strategy) {
        case "constant" -> get(FILL_VALUE) == null ? 0.0 : get(FILL_VALUE);
        default -> present.length == 0 ? (keep ? 0.0 : Double.NaN) : statistic(strategy, present);
      };
    }
    int[] indicator = get(ADD_INDICATOR)
        ? withMissing.stream().mapToInt(Integer::intValue).toArray() : null;
    fitted(new Fitted(statistics, indicator, d));
    return this;
  }

  /**
   * X with missing values replaced by their column's statistic, without the columns whose
   * statistic is NaN, then the indicator columns.
   */
  @Override
  public double[][] transform(double[][] X) {
    Fitted f = fitted();
    checkX(X, f.nFeaturesIn);
    int[] kept = java.util.stream.IntStream.range(0, f.nFeaturesIn)
        .filter(j -> !Double.isNaN(f.statistics[j])).toArray();
    int[] indicator = f.indicatorFeatures == null ? new int[0] : f.indicatorFeatures;
    if (f.indicatorFeatures != null) {
      checkNoNewMissing(X, f);
    }
    double[][] Z = new double[X.length][kept.length + indicator.length];
    for (int i = 0; i < X.length; i++) {
      for (int c = 0; c < kept.length; c++) {
        double v = X[i][kept[c]];
        Z[i][c] = missing(v) ? f.statistics[kept[c]] : v;
      }
      for (int c = 0; c < indicator.length; c++) {
        Z[i][kept.length + c] = missing(X[i][indicator[c]]) ? 1.0 : 0.0;
      }
    }
    return Z;
  }

  /** Each column's statistic ({@code statistics_}), NaN for a column with no value at fit. */
  public double[] statistics() {
    return this.<Fitted>fitted().statistics.clone();
  }

  private boolean missing(double v) {
    double marker = get(MISSING_VALUES);
    return Double.isNaN(marker) ? Double.isNaN(v) : v == marker;
  }

  private double[] present(double[][] X, int j) {
    double[] values = new double[X.length];
    int n = 0;
    for (double[] row : X) {
      if (!missing(row[j])) {
        values[n++] = row[j];
      }
    }
    return Arrays.copyOf(values, n);
  }

  /** The mean (sum in row order / count), the median or the smallest most frequent value. */
  private static double statistic(String strategy, double[] present) {
    if (strategy.equals("mean")) {
      double sum = 0;
      for (double v : present) {
        sum += v;
      }
      return sum / present.length;
    }
    double[] sorted = present.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    if (strategy.equals("median")) {
      return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
    double best = sorted[0];
    int bestCount = 0;
    for (int i = 0; i < n; ) {
      int j = i;
      while (j < n && sorted[j] == sorted[i]) {
        j++;
      }
      if (j - i > bestCount) {
        bestCount = j - i;
        best = sorted[i];
      }
      i = j;
    }
    return best;
  }

  /** X rectangular, without infinities, NaN only as the missing marker. */
  private void checkX(double[][] X, int width) {
    Checks.checkArgument(X != null && X.length > 0 && X[0] != null && X[0].length > 0,
        "X must have at least one row and one column");
    int d = width < 0 ? X[0].length : width;
    boolean nanMissing = Double.isNaN(get(MISSING_VALUES));
    for (int i = 0; i < X.length; i++) {
      if (X[i] == null || X[i].length != d) {
        throw new IllegalArgumentException("X has " + (X[i] == null ? 0 : X[i].length)
            + " values in row " + i + " but " + (width < 0 ? "row 0 has " : "SimpleImputer was"
            + " fitted with ") + d);
      }
      for (int j = 0; j < d; j++) {
        double v = X[i][j];
        if (Double.isInfinite(v) || (Double.isNaN(v) && !nanMissing)) {
          throw new IllegalArgumentException("X has a non-finite value (" + v + ") at row " + i
              + ", column " + j + (Double.isNaN(v) ? ": NaN marks a missing value only with"
              + " missing_values=nan" : ""));
        }
      }
    }
  }

  private void checkNoNewMissing(double[][] X, Fitted f) {
    List<Integer> newMissing = new ArrayList<>();
    for (int j = 0; j < f.nFeaturesIn; j++) {
      final int column = j;
      if (Arrays.binarySearch(f.indicatorFeatures, j) < 0
          && Arrays.stream(X).anyMatch(row -> missing(row[column]))) {
        newMissing.add(j);
      }
    }
    if (!newMissing.isEmpty()) {
      throw new IllegalArgumentException("the features " + newMissing + " have missing values in"
          + " transform but had none in fit (add_indicator's MissingIndicator)");
    }
  }
}

package semaine.selection;

import java.util.LinkedHashMap;
import java.util.Map;
import semaine.base.Classifier;
import semaine.base.Estimator;
import semaine.base.Regressor;
import semaine.metrics.ClassificationMetrics;
import semaine.metrics.RegressionMetrics;

/**
 * scikit-learn's named scorers ({@code get_scorer(name)}): a fitted estimator, test rows and their
 * targets give a number where greater is better (errors are negated: {@code
 * neg_mean_squared_error}). {@code null} stands for the estimator's own {@code score}: accuracy for
 * a classifier, R² for a regressor.
 */
public final class Scoring {

  /** A score of a fitted estimator on rows X with targets y ({@code int[]} or {@code double[]}). */
  @FunctionalInterface
  public interface Scorer {
    double score(Estimator fitted, double[][] X, Object y);
  }

  private static final Map<String, Scorer> SCORERS = new LinkedHashMap<>();

  static {
    SCORERS.put("accuracy", classification((t, p) -> ClassificationMetrics.accuracyScore(t, p)));
    for (String average : new String[] {"binary", "macro", "micro", "weighted"}) {
      String suffix = average.equals("binary") ? "" : "_" + average;
      SCORERS.put("f1" + suffix,
          classification((t, p) -> ClassificationMetrics.f1Score(t, p, average)));
      SCORERS.put("precision" + suffix,
          classification((t, p) -> ClassificationMetrics.precisionScore(t, p, average)));
      SCORERS.put("recall" + suffix,
          classification((t, p) -> ClassificationMetrics.recallScore(t, p, average)));
    }
    SCORERS.put("r2", regression(RegressionMetrics::r2Score));
    SCORERS.put("neg_mean_squared_error",
        regression((t, p) -> -RegressionMetrics.meanSquaredError(t, p)));
    SCORERS.put("neg_root_mean_squared_error",
        regression((t, p) -> -Math.sqrt(RegressionMetrics.meanSquaredError(t, p))));
    SCORERS.put("neg_mean_absolute_error",
        regression((t, p) -> -RegressionMetrics.meanAbsoluteError(t, p)));
  }

  private Scoring() {}

  /**
   * The scorer called {@code name}, or the estimator's own {@code score} for null.
   *
   * @throws IllegalArgumentException for an unknown name, listing the known ones
   */
  public static Scorer get(String name) {
    if (name == null) {
      return Scoring::defaultScore;
    }
    Scorer scorer = SCORERS.get(name);
    if (scorer == null) {
      throw new IllegalArgumentException("scoring (\"" + name + "\") must be one of "
          + String.join(", ", SCORERS.keySet()));
    }
    return scorer;
  }

  private static double defaultScore(Estimator fitted, double[][] X, Object y) {
    return switch (fitted) {
      case Classifier c -> c.score(X, (int[]) y);
      case Regressor r -> r.score(X, (double[]) y);
      default -> throw new IllegalArgumentException(fitted.getClass().getSimpleName()
          + " has no score method: give a scoring");
    };
  }

  private interface LabelMetric {
    double apply(int[] yTrue, int[] yPred);
  }

  private interface ValueMetric {
    double apply(double[] yTrue, double[] yPred);
  }

  private static Scorer classification(LabelMetric metric) {
    return (fitted, X, y) -> {
      if (!(fitted instanceof Classifier c) || !(y instanceof int[] labels)) {
        throw new IllegalArgumentException("a classification scoring needs a classifier and"
            + " integer labels, not a " + fitted.getClass().getSimpleName());
      }
      return metric.apply(labels, c.predict(X));
    };
  }

  private static Scorer regression(ValueMetric metric) {
    return (fitted, X, y) -> {
      if (!(fitted instanceof Regressor r) || !(y instanceof double[] values)) {
        throw new IllegalArgumentException("a regression scoring needs a regressor and real"
            + " targets, not a " + fitted.getClass().getSimpleName());
      }
      return metric.apply(values, r.predict(X));
    };
  }
}

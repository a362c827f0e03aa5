package semaine.selection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import semaine.base.Classifier;
import semaine.base.Estimator;
import semaine.util.Checks;

/**
 * Scores a model on each fold of a cross-validator: scikit-learn 1.9's {@code cross_val_score} and
 * {@code cross_validate}.
 */
public final class CrossValidation {

  private CrossValidation() {}

  /**
   * For each fold, fits a fresh model from {@code estimator} on the training rows and returns its
   * {@code score} (accuracy) on the test rows, in fold order.
   */
  public static double[] crossValScore(Supplier<? extends Classifier> estimator, double[][] X,
      int[] y, CrossValidator cv) {
    Checks.checkMatrix("X", X);
    Checks.checkArgument(y != null, "y must not be null");
    Checks.checkSameLength("X", X.length, "y", y.length);
    List<Fold> folds = cv.split(y);
    double[] scores = new double[folds.size()];
    for (int f = 0; f < scores.length; f++) {
      Fold fold = folds.get(f);
      Classifier model = estimator.get();
      model.fit(FitAndScore.rows(X, fold.train()), (int[]) FitAndScore.take(y, fold.train()));
      scores[f] = model.score(FitAndScore.rows(X, fold.test()),
          (int[]) FitAndScore.take(y, fold.test()));
    }
    return scores;
  }

  /** {@code cross_val_score(estimator, X, y, cv=nSplits)}: a classifier gets StratifiedKFold. */
  public static double[] crossValScore(Supplier<? extends Classifier> estimator, double[][] X,
      int[] y, int nSplits) {
    return crossValScore(estimator, X, y, new StratifiedKFold(nSplits));
  }

  /**
   * scikit-learn's {@code cross_validate}: for each fold, a clone of {@code estimator} fitted on
   * the training rows and scored on the test rows by each metric. Keys, in scikit-learn's order:
   * {@code fit_time}, {@code score_time}, then per metric M {@code test_M} (and {@code train_M}
   * with {@code returnTrainScore}), each of shape (n_splits,); M is {@code score} when
   * {@code scoring} is null (the estimator's own score).
   *
   * @param y {@code int[]} labels for a classifier, {@code double[]} targets for a regressor
   * @param scoring metric names ({@link Scoring}), or null
   */
  public static Map<String, double[]> crossValidate(Estimator estimator, double[][] X, Object y,
      CrossValidator cv, List<String> scoring, boolean returnTrainScore) {
    Checks.checkArgument(estimator != null, "estimator must not be null");
    Checks.checkMatrix("X", X);
    Checks.checkArgument(y instanceof int[] || y instanceof double[],
        "y must be int[] labels or double[] targets");
    int n = y instanceof int[] labels ? labels.length : ((double[]) y).length;
    Checks.checkSameLength("X", X.length, "y", n);
    List<String> names = scoring == null ? List.of("score") : List.copyOf(scoring);
    Checks.checkArgument(!names.isEmpty(), "scoring ([]) must name at least one metric");
    List<Scoring.Scorer> scorers = new ArrayList<>();
    for (String name : names) {
      scorers.add(Scoring.get(scoring == null ? null : name));
    }
    List<Fold> folds = cv.split(y instanceof int[] labels ? labels : new int[n]);
    FitAndScore.Scores scores = FitAndScore.run(estimator, List.of(Map.of()), X, y, folds,
        scorers, returnTrainScore, 1);
    Map<String, double[]> out = new LinkedHashMap<>();
    out.put("fit_time", scores.fitTime()[0]);
    out.put("score_time", scores.scoreTime()[0]);
    for (int m = 0; m < names.size(); m++) {
      out.put("test_" + names.get(m), scores.test()[m][0]);
      if (returnTrainScore) {
        out.put("train_" + names.get(m), scores.train()[m][0]);
      }
    }
    return out;
  }
}

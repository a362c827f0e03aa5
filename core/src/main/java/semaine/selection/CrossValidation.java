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
    checkData(estimator, X, y);
    int n = y instanceof int[] labels ? labels.length : ((double[]) y).length;
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

  /**
   * The scores of a learning curve or a validation curve, each of shape (n_ticks, n_splits).
   *
   * @param trainSizes the training-set sizes of a learning curve (null for a validation curve)
   * @param trainScores scores on the rows each model was fitted on
   * @param testScores scores on each split's test rows
   */
  public record Curve(int[] trainSizes, double[][] trainScores, double[][] testScores) {}

  /**
   * scikit-learn's {@code validation_curve}: for each value of parameter {@code paramName}, a clone
   * of {@code estimator} with that value fitted on each split's training rows and scored (its own
   * {@code score}, or {@code scoring}) on them and on the test rows.
   *
   * @param cv an int (StratifiedKFold for a classifier with labels, else KFold) or a
   *     {@link CrossValidator}
   * @throws IllegalArgumentException for a parameter the estimator lacks (listing the valid ones)
   *     or an empty range
   */
  public static Curve validationCurve(Estimator estimator, double[][] X, Object y,
      String paramName, List<?> paramRange, Object cv, String scoring) {
    checkData(estimator, X, y);
    Checks.checkArgument(paramRange != null && !paramRange.isEmpty(),
        "param_range (" + paramRange + ") must hold at least one value");
    List<Map<String, Object>> candidates = new ArrayList<>();
    for (Object value : paramRange) {
      estimator.clone().setParam(paramName, value);   // names a missing parameter now
      candidates.add(java.util.Collections.singletonMap(paramName, value));
    }
    FitAndScore.Scores scores = FitAndScore.run(estimator, candidates, X, y,
        folds(estimator, cv, y), List.of(Scoring.get(scoring)), true, 1);
    return new Curve(null, scores.train()[0], scores.test()[0]);
  }

  /**
   * scikit-learn's {@code learning_curve} without shuffling: the training-set sizes are
   * {@code trainSizes} (fractions in (0, 1] of the first split's training rows, cast down to ints,
   * at least 1, duplicates removed, or absolute counts when all are >= 1 and whole), and for each
   * split and size n a clone of {@code estimator} is fitted on the first n training rows and
   * scored on them and on the test rows.
   */
  public static Curve learningCurve(Estimator estimator, double[][] X, Object y,
      double[] trainSizes, Object cv, String scoring) {
    checkData(estimator, X, y);
    List<Fold> splits = folds(estimator, cv, y);
    int[] sizes = trainSizes(trainSizes, splits.get(0).train().length);
    List<Fold> folds = new ArrayList<>();
    for (Fold split : splits) {
      for (int size : sizes) {
        folds.add(new Fold(java.util.Arrays.copyOf(split.train(), size), split.test()));
      }
    }
    FitAndScore.Scores scores = FitAndScore.run(estimator, List.of(Map.of()), X, y, folds,
        List.of(Scoring.get(scoring)), true, 1);
    double[][] train = new double[sizes.length][splits.size()];
    double[][] test = new double[sizes.length][splits.size()];
    for (int s = 0; s < splits.size(); s++) {
      for (int k = 0; k < sizes.length; k++) {
        train[k][s] = scores.train()[0][0][s * sizes.length + k];
        test[k][s] = scores.test()[0][0][s * sizes.length + k];
      }
    }
    return new Curve(sizes, train, test);
  }

  /** The folds of {@code cv}: a splitter's, or k folds, stratified for a classifier's labels. */
  static List<Fold> folds(Estimator estimator, Object cv, Object y) {
    int n = y instanceof int[] a ? a.length : ((double[]) y).length;
    if (cv instanceof CrossValidator splitter) {
      return splitter.split(y instanceof int[] labels ? labels : new int[n]);
    }
    Checks.checkArgument(cv instanceof Integer, "cv (" + cv + ") must be an int or a"
        + " CrossValidator");
    int k = (Integer) cv;
    Checks.checkArgument(k >= 2, "cv (" + k + ") must be an int in [2, inf)");
    if (estimator instanceof Classifier && y instanceof int[] labels) {
      return new StratifiedKFold(k).split(labels);
    }
    return new KFold(k).split(new int[n]);
  }

  /** scikit-learn's {@code _translate_train_sizes}: absolute sizes, ascending, distinct. */
  private static int[] trainSizes(double[] sizes, int nMax) {
    Checks.checkArgument(sizes != null && sizes.length > 0, "train_sizes must not be empty");
    boolean fractions = java.util.Arrays.stream(sizes).anyMatch(v -> v != Math.rint(v))
        || java.util.Arrays.stream(sizes).max().orElseThrow() <= 1;
    java.util.TreeSet<Integer> out = new java.util.TreeSet<>();
    for (double v : sizes) {
      if (fractions) {
        Checks.checkArgument(v > 0 && v <= 1, "train_sizes (" + v + ") must be within (0, 1]"
            + " as fractions of the " + nMax + " training rows");
        out.add(Math.max(1, Math.min(nMax, (int) (v * nMax))));
      } else {
        Checks.checkArgument(v >= 1 && v <= nMax, "train_sizes (" + (long) v + ") must be"
            + " within [1, " + nMax + "], the number of training rows");
        out.add((int) v);
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  private static void checkData(Estimator estimator, double[][] X, Object y) {
    Checks.checkArgument(estimator != null, "estimator must not be null");
    Checks.checkMatrix("X", X);
    Checks.checkArgument(y instanceof int[] || y instanceof double[],
        "y must be int[] labels or double[] targets");
    int n = y instanceof int[] labels ? labels.length : ((double[]) y).length;
    Checks.checkSameLength("X", X.length, "y", n);
  }
}

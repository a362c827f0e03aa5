package semaine.selection;

import java.util.List;
import java.util.function.Supplier;
import semaine.base.Classifier;
import semaine.util.Checks;

/** Scores a model on each fold of a cross-validator: scikit-learn 1.9's {@code cross_val_score}. */
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
      model.fit(rows(X, fold.train()), take(y, fold.train()));
      scores[f] = model.score(rows(X, fold.test()), take(y, fold.test()));
    }
    return scores;
  }

  /** {@code cross_val_score(estimator, X, y, cv=nSplits)}: a classifier gets StratifiedKFold. */
  public static double[] crossValScore(Supplier<? extends Classifier> estimator, double[][] X,
      int[] y, int nSplits) {
    return crossValScore(estimator, X, y, new StratifiedKFold(nSplits));
  }

  private static double[][] rows(double[][] X, int[] indices) {
    double[][] out = new double[indices.length][];
    for (int i = 0; i < indices.length; i++) {
      out[i] = X[indices[i]];
    }
    return out;
  }

  private static int[] take(int[] y, int[] indices) {
    int[] out = new int[indices.length];
    for (int i = 0; i < indices.length; i++) {
      out[i] = y[indices[i]];
    }
    return out;
  }
}

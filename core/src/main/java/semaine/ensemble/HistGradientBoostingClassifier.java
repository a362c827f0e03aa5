package semaine.ensemble;

import semaine.base.Attribute;
import semaine.base.Classifier;
import semaine.base.EstimatorSpec;
import semaine.base.Param;
import semaine.base.Rule;
import semaine.tree.EncodedLabels;

/**
 * Histogram-based gradient boosting for classification: scikit-learn 1.9's
 * {@code HistGradientBoostingClassifier} with the log loss, tree for tree. Two classes: one tree
 * per iteration on the log-odds of the second class. More classes: one tree per class and
 * iteration on the softmax's raw scores. Missing values (NaN) are native; early stopping holds out
 * a stratified validation set.
 *
 * <pre>{@code
 * var model = new HistGradientBoostingClassifier().randomState(0).fit(X, y);
 * double[][] proba = model.predictProba(XNew);
 * }</pre>
 *
 * <p>See {@link BaseHistGradientBoosting} for the loop, the seeds and early stopping.
 *
 * <h2>Notes</h2>
 * Categorical features ({@code categoricalFeatures}) and, for two classes, monotonic
 * constraints ({@code monotonicCst}) as scikit-learn 1.9. Not supported yet: {@code class_weight},
 * sample weights, interaction constraints, {@code warm_start}, scorers other than "loss".
 */
public final class HistGradientBoostingClassifier
    extends BaseHistGradientBoosting<HistGradientBoostingClassifier> implements Classifier {

  static final Param<String> LOSS = Param.of("loss", "log_loss", Rule.options("log_loss"));

  /**
   * What {@code fit} learns.
   *
   * @param classes (n_classes,) the sorted labels
   * @param nIter the iterations done
   * @param boosted the trees and scores
   */
  record Fitted(int[] classes, int nIter, @Attribute("_boosted") Boosted boosted) {}

  private static final EstimatorSpec<HistGradientBoostingClassifier> SPEC = EstimatorSpec.of(
      "sklearn.ensemble.HistGradientBoostingClassifier", HistGradientBoostingClassifier::new,
      Fitted.class, params(LOSS));

  /** {@code HistGradientBoostingClassifier()}: log loss, 100 iterations at most. */
  public HistGradientBoostingClassifier() {
    super(SPEC);
  }

  /**
   * Boosts trees on X (NaN for missing values) and the labels y.
   *
   * @throws IllegalArgumentException for a bad parameter or bad data, named
   */
  @Override
  public HistGradientBoostingClassifier fit(double[][] X, int[] y) {
    validateParams();
    checkX(X, -1);
    if (y == null || y.length != X.length) {
      throw new IllegalArgumentException("y has " + (y == null ? 0 : y.length)
          + " labels but X has " + X.length + " rows");
    }
    EncodedLabels labels = EncodedLabels.of(y);
    int nClasses = labels.classes().length;
    if (nClasses < 2) {
      throw new IllegalArgumentException("y has a single class (" + labels.classes()[0]
          + "): a classifier needs at least two");
    }
    double[] encoded = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      encoded[i] = labels.encoded()[i];
    }
    HistLoss loss = nClasses == 2 ? new HistLoss.HalfBinomial()
        : new HistLoss.HalfMultinomial(nClasses);
    Boosted boosted = boost(X, encoded, loss, labels.encoded(), labels.classes());
    fitted(new Fitted(labels.classes(), boosted.nIter(), boosted));
    return this;
  }

  @Override
  Boosted boosted() {
    return this.<Fitted>fitted().boosted();
  }

  /** The class labels, sorted ({@code classes_}). */
  @Override
  public int[] classes() {
    return this.<Fitted>fitted().classes().clone();
  }

  /**
   * The class probabilities: for two classes {@code expit(raw)} for the second and its complement
   * for the first; for more, the softmax of the raw scores.
   */
  @Override
  public double[][] predictProba(double[][] X) {
    double[][] raw = rawPredict(X);
    int n = raw[0].length;
    int nClasses = classes().length;
    double[][] proba = new double[n][nClasses];
    for (int i = 0; i < n; i++) {
      if (raw.length == 1) {
        proba[i][1] = 1 / (1 + Math.exp(-raw[0][i]));
        proba[i][0] = 1 - proba[i][1];
        continue;
      }
      double max = raw[0][i];
      for (int k = 1; k < nClasses; k++) {
        max = Math.max(max, raw[k][i]);
      }
      double sum = 0;
      for (int k = 0; k < nClasses; k++) {
        proba[i][k] = Math.exp(raw[k][i] - max);
        sum += proba[i][k];
      }
      for (int k = 0; k < nClasses; k++) {
        proba[i][k] /= sum;
      }
    }
    return proba;
  }

  /** The class of largest raw score (two classes: the second when the log-odds are above 0). */
  @Override
  public int[] predict(double[][] X) {
    double[][] raw = rawPredict(X);
    int[] classes = classes();
    int[] out = new int[raw[0].length];
    for (int i = 0; i < out.length; i++) {
      int best = 0;
      if (raw.length == 1) {
        best = raw[0][i] > 0 ? 1 : 0;
      } else {
        for (int k = 1; k < raw.length; k++) {
          if (raw[k][i] > raw[best][i]) {
            best = k;
          }
        }
      }
      out[i] = classes[best];
    }
    return out;
  }
}

package semaine.ensemble;

import java.util.ArrayList;
import java.util.List;

/**
 * The scores of early stopping ({@code train_score_}, {@code validation_score_}): minus the mean
 * loss after each iteration, the baseline's first, and scikit-learn's {@code _should_stop}: stop
 * when none of the last {@code n_iter_no_change} scores is above the score before them plus
 * {@code tol} (validation scores when there is a validation set, else training scores).
 */
final class EarlyStoppingScores {

  private final int nIterNoChange;
  private final double tol;
  private final boolean useValidation;
  private final List<Double> train = new ArrayList<>();
  private final List<Double> validation = new ArrayList<>();

  EarlyStoppingScores(int nIterNoChange, double tol, boolean useValidation) {
    this.nIterNoChange = nIterNoChange;
    this.tol = tol;
    this.useValidation = useValidation;
  }

  /**
   * Records the losses after one more iteration.
   *
   * @return true when fitting should stop
   */
  boolean add(double trainLoss, double validationLoss) {
    train.add(-trainLoss);
    if (useValidation) {
      validation.add(-validationLoss);
    }
    List<Double> scores = useValidation ? validation : train;
    int reference = nIterNoChange + 1;
    if (scores.size() < reference) {
      return false;
    }
    double referenceScore = scores.get(scores.size() - reference) + tol;
    for (int i = scores.size() - reference + 1; i < scores.size(); i++) {
      if (scores.get(i) > referenceScore) {
        return false;
      }
    }
    return true;
  }

  double[] train() {
    return train.stream().mapToDouble(Double::doubleValue).toArray();
  }

  double[] validation() {
    return validation.stream().mapToDouble(Double::doubleValue).toArray();
  }
}

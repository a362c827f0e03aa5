package semaine.selection;

import java.io.Serializable;
import java.util.Arrays;

/**
 * What one (candidate, split) fit of a search gives: scikit-learn's {@code _fit_and_score} result
 * for one pair. Serializable, so that a pair fitted on another machine can be sent back.
 *
 * @param test the test scores, one per metric, in the search's metric order
 * @param train the training scores likewise, or null when they were not asked for
 * @param fitTime seconds spent fitting
 * @param scoreTime seconds spent scoring the test rows
 */
public record FitScores(double[] test, double[] train, double fitTime, double scoreTime)
    implements Serializable {

  @Override
  public String toString() {
    return "FitScores[test=" + Arrays.toString(test) + ", train=" + Arrays.toString(train)
        + ", fitTime=" + fitTime + ", scoreTime=" + scoreTime + "]";
  }
}

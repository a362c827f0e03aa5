package semaine.data;

import java.util.List;

/**
 * A dataset whose features are float32, as a scikit-learn user holds {@code X.astype(np.float32)}:
 * half the memory of a {@link Dataset}. The arrays are the caller's (not copied), so that reading a
 * file costs one matrix of floats.
 *
 * @param X samples, shape (n_samples, n_features)
 * @param y target, shape (n_samples,): values (regression) or class ids, float64
 * @param featureNames column names of X
 * @param targetNames class names (class id i is targetNames.get(i)); empty for regression
 */
public record Float32Dataset(
    float[][] X, double[] y, List<String> featureNames, List<String> targetNames) {

  /** The target as class ids, as {@link Dataset#labels()}. */
  public int[] labels() {
    return Dataset.classIds(y);
  }
}

package semaine.tree;

import java.util.Arrays;

/**
 * Class labels as scikit-learn's classifiers encode them ({@code np.unique(y,
 * return_inverse=True)}): the sorted distinct labels, and each sample's index among them.
 *
 * @param classes (n_classes,) the sorted labels
 * @param encoded (n_samples,) each sample's class index
 */
public record EncodedLabels(int[] classes, int[] encoded) {

  /** Encodes y. */
  public static EncodedLabels of(int[] y) {
    int[] classes = Arrays.stream(y).sorted().distinct().toArray();
    int[] encoded = new int[y.length];
    for (int i = 0; i < y.length; i++) {
      encoded[i] = Arrays.binarySearch(classes, y[i]);
    }
    return new EncodedLabels(classes, encoded);
  }

  /**
   * The weights a fit uses: {@code sample_weight * class weights}, either alone, or null.
   *
   * @param classWeight the {@code class_weight} parameter
   * @param sampleWeight the sample weights, or null
   * @param weightedCounts count the classes with the sample weights for "balanced", as the forests
   *     do (the trees count samples)
   */
  public double[] weights(String classWeight, double[] sampleWeight, boolean weightedCounts) {
    double[] weights = ClassWeight.sampleWeights(classWeight, classes, encoded,
        weightedCounts ? sampleWeight : null);
    if (weights == null) {
      return sampleWeight;
    }
    if (sampleWeight != null) {
      for (int i = 0; i < weights.length; i++) {
        weights[i] = sampleWeight[i] * weights[i];
      }
    }
    return weights;
  }
}

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

  /**
   * Encodes y. Labels within a range no wider than the number of samples (the usual 0..K−1) are
   * counted in a table indexed by label, in two passes over y; others are sorted.
   */
  public static EncodedLabels of(int[] y) {
    int[] encoded = new int[y.length];
    if (y.length == 0) {
      return new EncodedLabels(new int[0], encoded);
    }
    int min = y[0];
    int max = y[0];
    for (int label : y) {
      min = Math.min(min, label);
      max = Math.max(max, label);
    }
    if ((long) max - min >= Math.max(y.length, 64)) {
      int[] classes = Arrays.stream(y).sorted().distinct().toArray();
      for (int i = 0; i < y.length; i++) {
        encoded[i] = Arrays.binarySearch(classes, y[i]);
      }
      return new EncodedLabels(classes, encoded);
    }
    int[] index = new int[max - min + 1];   // 1 + the class index of each label present, else 0
    for (int label : y) {
      index[label - min] = 1;
    }
    int count = 0;
    for (int v = 0; v < index.length; v++) {
      if (index[v] != 0) {
        index[v] = ++count;
      }
    }
    int[] classes = new int[count];
    for (int v = 0; v < index.length; v++) {
      if (index[v] != 0) {
        classes[index[v] - 1] = min + v;
      }
    }
    for (int i = 0; i < y.length; i++) {
      encoded[i] = index[y[i] - min] - 1;
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

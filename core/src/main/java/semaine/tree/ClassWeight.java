package semaine.tree;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import semaine.util.Sums;

/**
 * {@code class_weight} as scikit-learn's {@code compute_sample_weight} reads it: "balanced" gives
 * class c the weight n_samples / (n_classes · count(c)); a dict gives the classes it names their
 * weight and the others 1, and is refused when it names a class absent from y while some class
 * of y is not named ("The classes, [1, 2], are not in class_weight").
 */
public final class ClassWeight {

  /** The text of a dict: "{0: 1, 2: 3.5}" (braces optional). */
  static final String DICT =
      "\\{?\\s*([+-]?\\d+\\s*:\\s*[^,{}:]+)(\\s*,\\s*[+-]?\\d+\\s*:\\s*[^,{}:]+)*\\s*,?\\s*\\}?";

  private ClassWeight() {}

  /** A dict of class weights as the {@code class_weight} text, "{0: 1.0, 2: 3.5}". */
  public static String format(Map<Integer, Double> weights) {
    StringBuilder out = new StringBuilder("{");
    weights.forEach((c, w) -> out.append(out.length() > 1 ? ", " : "").append(c).append(": ")
        .append(w));
    return out.append('}').toString();
  }

  /**
   * Each sample's weight from its class.
   *
   * @param classWeight null, "balanced" or a dict as text
   * @param classes the sorted distinct labels
   * @param encoded each sample's index in classes
   * @param countWeights weights to count the classes with for "balanced" (the forests'
   *     {@code compute_class_weight(sample_weight=...)}), or null to count samples
   * @return (n_samples,) weights, or null when classWeight is null
   */
  public static double[] sampleWeights(String classWeight, int[] classes, int[] encoded,
      double[] countWeights) {
    if (classWeight == null) {
      return null;
    }
    double[] perClass = new double[classes.length];
    if (classWeight.equals("balanced")) {
      // np.bincount(y, weights) in sample order; n / (n_classes * count) in scikit-learn's form
      double[] counts = new double[classes.length];
      for (int i = 0; i < encoded.length; i++) {
        counts[encoded[i]] += countWeights == null ? 1.0 : countWeights[i];
      }
      double total = countWeights == null ? encoded.length : Sums.pairwise(counts);
      for (int c = 0; c < classes.length; c++) {
        perClass[c] = total / (classes.length * counts[c]);
      }
    } else {
      Map<Integer, Double> weights = parse(classWeight);
      List<Integer> unweighted = new ArrayList<>();
      for (int c = 0; c < classes.length; c++) {
        Double w = weights.get(classes[c]);
        perClass[c] = w == null ? 1.0 : w;
        if (w == null) {
          unweighted.add(classes[c]);
        }
      }
      if (!unweighted.isEmpty() && classes.length - unweighted.size() != weights.size()) {
        throw new IllegalArgumentException("class_weight (" + classWeight
            + ") names a class absent from y: the classes, " + unweighted
            + ", are not in class_weight (y has the classes "
            + java.util.Arrays.toString(classes) + ")");
      }
    }
    double[] out = new double[encoded.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = perClass[encoded[i]];
    }
    return out;
  }

  private static Map<Integer, Double> parse(String text) {
    Map<Integer, Double> weights = new LinkedHashMap<>();
    String body = text.strip().replaceAll("^\\{|\\}$", "");
    for (String pair : body.split(",")) {
      if (pair.isBlank()) {
        continue;
      }
      String[] kv = pair.split(":");
      double w;
      try {
        w = Double.parseDouble(kv[1].strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("class_weight (\"" + text + "\") must give each class a"
            + " number: " + kv[1].strip() + " is not one");
      }
      if (!Double.isFinite(w) || w < 0) {
        throw new IllegalArgumentException("class_weight (\"" + text + "\") must give each class a"
            + " finite weight >= 0, not " + kv[1].strip());
      }
      weights.put(Integer.parseInt(kv[0].strip()), w);
    }
    return weights;
  }
}

package semaine.clustering;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import semaine.base.BaseEstimator;
import semaine.testsupport.ReferenceVectors;

/**
 * The cases of {@code reference/clustering.py} (clustering.json): the data sets as they were
 * clustered and, per case, the estimator, its parameters and scikit-learn's attributes.
 */
final class ClusteringReference {

  private static final Map<String, Object> FILE = ReferenceVectors.load("clustering.json");

  private ClusteringReference() {}

  /** The data set stored under {@code name}, shape (n, d). */
  @SuppressWarnings("unchecked")
  static double[][] data(String name) {
    return ReferenceVectors.matrix(((Map<String, Object>) FILE.get("data")).get(name));
  }

  /** The cases of one estimator ("DBSCAN", "AgglomerativeClustering", ...). */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> cases(String model) {
    List<Map<String, Object>> found = new ArrayList<>();
    for (Object c : (List<Object>) FILE.get("cases")) {
      Map<String, Object> m = (Map<String, Object>) c;
      if (m.get("model").equals(model)) {
        found.add(m);
      }
    }
    return found;
  }

  /** The case's parameters set by name on the estimator, as text, as {@code --param} sets them. */
  @SuppressWarnings("unchecked")
  static <E extends BaseEstimator<E>> E configured(E estimator, Map<String, Object> c) {
    for (Map.Entry<String, Object> e : ((Map<String, Object>) c.get("params")).entrySet()) {
      estimator.setParam(e.getKey(), String.valueOf(e.getValue()));
    }
    return estimator;
  }

  /** A short description of a case for assertion messages. */
  static String describe(Map<String, Object> c) {
    return c.get("model") + " on " + c.get("data") + " " + c.get("params");
  }
}

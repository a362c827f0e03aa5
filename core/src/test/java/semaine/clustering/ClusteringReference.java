package semaine.clustering;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.function.Executable;
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

  /**
   * X as the case clustered it: the data set, or, for metric "precomputed", its distance matrix
   * with the Minkowski power p (1 or 2) that the script used.
   */
  static double[][] input(Map<String, Object> c, int p) {
    double[][] X = data((String) c.get("data"));
    if (!"precomputed".equals(((Map<?, ?>) c.get("params")).get("metric"))) {
      return X;
    }
    double[][] D = new double[X.length][X.length];
    for (int i = 0; i < X.length; i++) {
      for (int j = 0; j < X.length; j++) {
        double s = 0;
        for (int f = 0; f < X[i].length; f++) {
          double gap = Math.abs(X[i][f] - X[j][f]);
          s += p == 1 ? gap : gap * gap;
        }
        D[i][j] = p == 1 ? s : Math.sqrt(s);
      }
    }
    return D;
  }

  /** Asserts that the call throws IllegalArgumentException whose message holds every word. */
  static void assertRejects(Executable call, String... words) {
    var e = assertThrows(IllegalArgumentException.class, call);
    for (String w : words) {
      assertTrue(e.getMessage().contains(w), e.getMessage() + " should name " + w);
    }
  }

  /** A short description of a case for assertion messages. */
  static String describe(Map<String, Object> c) {
    return c.get("model") + " on " + c.get("data") + " " + c.get("params");
  }
}

package semaine.svm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import semaine.base.BaseEstimator;
import semaine.testsupport.ReferenceVectors;

/**
 * The cases of reference/liblinear.py and how the tests compare with them. The datasets are those
 * of {@link SvmReference}.
 */
public final class LiblinearReference {

  static final Map<String, Object> FILE = ReferenceVectors.load("liblinear.json");
  /** Worst relative coefficient error seen, by kind of case, for the report. */
  static final Map<String, Double> WORST = new java.util.TreeMap<>();

  private LiblinearReference() {}

  @SuppressWarnings("unchecked")
  static Stream<Map<String, Object>> cases(String name) {
    return ((List<Map<String, Object>>) FILE.get("cases")).stream()
        .filter(c -> c.get("name").equals(name));
  }

  /** scikit-learn's error message for the given key of the reference's "errors". */
  @SuppressWarnings("unchecked")
  static String error(String key) {
    return ((Map<String, String>) FILE.get("errors")).get(key);
  }

  /** Sets the case's parameters by name, as the command line's --param does. */
  @SuppressWarnings("unchecked")
  static <M extends BaseEstimator<M>> M configure(M model, Map<String, Object> c) {
    var params = (Map<String, Object>) c.get("params");
    params.forEach((name, value) -> {
      if (value instanceof Map<?, ?> weights) {
        Map<Integer, Double> typed = new LinkedHashMap<>();
        weights.forEach((k, v) -> typed.put(Integer.valueOf(k.toString()),
            ((Number) v).doubleValue()));
        model.setParam(name, typed);
      } else if (value instanceof Number n && !name.equals("random_state")
          && !name.equals("max_iter")) {
        model.setParam(name, n.doubleValue());
      } else {
        model.setParam(name, value);
      }
    });
    return model;
  }

  static String what(Map<String, Object> c) {
    return c.get("name") + " " + c.get("dataset") + " " + c.get("params");
  }

  /** The largest |a − e| / max(1, |e|) over the entries. */
  static double relativeError(double[][] expected, double[][] actual) {
    double worst = 0;
    for (int r = 0; r < expected.length; r++) {
      for (int k = 0; k < expected[r].length; k++) {
        double e = expected[r][k];
        worst = Math.max(worst, Math.abs(actual[r][k] - e) / Math.max(1.0, Math.abs(e)));
      }
    }
    return worst;
  }

  static synchronized void record(String kind, double error) {
    WORST.merge(kind, error, Math::max);
  }

  /** The case's sample weights, or null. */
  static double[] sampleWeight(Map<String, Object> c) {
    return c.containsKey("sample_weight") ? ReferenceVectors.doubles(c.get("sample_weight"))
        : null;
  }
}

package semaine.svm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import semaine.data.Datasets;
import semaine.preprocessing.StandardScaler;
import semaine.testsupport.ReferenceAssert;
import semaine.testsupport.ReferenceVectors;

/** The cases of reference/svm.py, the datasets they name, and the comparisons the tests share. */
final class SvmReference {

  static final Map<String, Object> FILE = ReferenceVectors.load("svm.json");
  /** Relative tolerance of the fitted coefficients and decision values. */
  static final double TOL = 1e-9;
  private static final Map<String, double[][]> X = new LinkedHashMap<>();
  private static final Map<String, double[]> Y = new LinkedHashMap<>();
  static double worst;

  private SvmReference() {}

  @SuppressWarnings("unchecked")
  static Stream<Map<String, Object>> cases(String name) {
    return ((List<Map<String, Object>>) FILE.get("cases")).stream()
        .filter(c -> c.get("name").equals(name));
  }

  static synchronized double[][] X(String dataset) {
    load(dataset);
    return X.get(dataset);
  }

  static synchronized double[] y(String dataset) {
    load(dataset);
    return Y.get(dataset);
  }

  static int[] labels(String dataset) {
    double[] y = y(dataset);
    int[] labels = new int[y.length];
    for (int i = 0; i < y.length; i++) {
      labels[i] = (int) y[i];
    }
    return labels;
  }

  static double[][] head(double[][] X, int n) {
    return java.util.Arrays.copyOf(X, Math.min(n, X.length));
  }

  private static void load(String dataset) {
    if (X.containsKey(dataset)) {
      return;
    }
    double[][] x;
    double[] y;
    switch (dataset) {
      case "blobs" -> {
        x = ReferenceVectors.matrix(FILE.get("blobs_X"));
        y = ReferenceVectors.doubles(FILE.get("blobs_y"));
      }
      case "wine_scaled", "breast_cancer_scaled" -> {
        var data = Datasets.load(dataset.replace("_scaled", ""));
        x = new StandardScaler().fitTransform(data.X());
        y = data.y();
      }
      case "diabetes" -> {
        var data = Datasets.loadDiabetes();
        x = data.X();
        y = data.y();
        for (int i = 0; i < y.length; i++) {
          y[i] = y[i] / 100.0;
        }
      }
      case "iris_petal" -> {
        double[][] iris = Datasets.loadIris().X();
        x = new double[iris.length][];
        y = new double[iris.length];
        for (int i = 0; i < iris.length; i++) {
          x[i] = java.util.Arrays.copyOf(iris[i], 3);
          y[i] = iris[i][3];
        }
      }
      default -> {
        var data = Datasets.load(dataset);
        x = data.X();
        y = data.y();
      }
    }
    X.put(dataset, x);
    Y.put(dataset, y);
  }

  /** Sets the case's parameters by name, as the command line's --param does. */
  @SuppressWarnings("unchecked")
  static <M extends BaseLibSVM<M>> M configure(M model, Map<String, Object> c) {
    var params = (Map<String, Object>) c.get("params");
    if (params == null) {
      return model;
    }
    params.forEach((name, value) -> {
      if (value instanceof Map<?, ?> weights) {
        Map<Integer, Double> typed = new LinkedHashMap<>();
        weights.forEach((k, v) -> typed.put(Integer.valueOf(k.toString()),
            ((Number) v).doubleValue()));
        model.setParam(name, typed);
      } else {
        model.setParam(name, value instanceof Number n && !(value instanceof Integer)
            && !name.equals("degree") && !name.equals("max_iter") ? n.doubleValue() : value);
      }
    });
    return model;
  }

  static String what(Map<String, Object> c) {
    return c.get("name") + " " + c.get("dataset") + " " + c.get("params");
  }

  /** Asserts within TOL (scaled by max(1, |x|)) and records the worst relative error. */
  static void close(Object expected, Object actual, String what) {
    ReferenceAssert.assertClose(expected, actual, TOL, what);
    double[][] e = actual instanceof double[] ? new double[][] {ReferenceVectors.doubles(expected)}
        : ReferenceVectors.matrix(expected);
    double[][] a = actual instanceof double[] v ? new double[][] {v} : (double[][]) actual;
    for (int r = 0; r < e.length; r++) {
      for (int k = 0; k < e[r].length; k++) {
        double err = Math.abs(e[r][k] - a[r][k]) / Math.max(1e-300, Math.abs(e[r][k]));
        if (Math.abs(e[r][k]) > 1e-12) {
          worst = Math.max(worst, err);
        }
      }
    }
  }

  /** support_, n_support_, n_iter_, fit_status_ identical; dual_coef_, intercept_ close. */
  static void assertState(Map<String, Object> c, int[] support, int[] nSupport, int[] nIter,
      int fitStatus, double[][] dualCoef, double[] intercept, double gamma) {
    String what = what(c);
    ReferenceAssert.assertExact(c.get("support"), support, what + " support_");
    ReferenceAssert.assertExact(c.get("n_support"), nSupport, what + " n_support_");
    ReferenceAssert.assertExact(c.get("n_iter"), nIter, what + " n_iter_");
    assertEquals(((Number) c.get("fit_status")).intValue(), fitStatus, what + " fit_status_");
    assertEquals(((Number) c.get("gamma")).doubleValue(), gamma, 0.0, what + " _gamma");
    close(c.get("dual_coef"), dualCoef, what + " dual_coef_");
    close(c.get("intercept"), intercept, what + " intercept_");
  }

  /** A classifier's state, predictions, decision functions (ovr, ovo) and coef_ (linear). */
  static void assertClassifier(Map<String, Object> c, BaseSVC<?> model, double[][] Xp) {
    String what = SvmReference.what(c);
    SvmReference.assertState(c, model.support(), model.nSupport(), model.nIter(),
        model.fitStatus(), model.dualCoef(), model.intercept(), model.fittedGamma());
    ReferenceAssert.assertExact(c.get("predict"), model.predict(Xp), what + " predict");
    double[][] dec = model.decisionFunction(Xp);
    if (model.classes().length == 2) {
      double[] flat = new double[dec.length];
      for (int r = 0; r < dec.length; r++) {
        flat[r] = dec[r][0];
      }
      SvmReference.close(c.get("decision_ovr"), flat, what + " decision_function");
    } else {
      SvmReference.close(c.get("decision_ovr"), dec, what + " decision_function ovr");
    }
    if (c.containsKey("coef")) {
      SvmReference.close(c.get("coef"), model.coef(), what + " coef_");
    }
    if (c.containsKey("decision_ovo") && model.classes().length > 2) {
      model.decisionFunctionShape("ovo");
      SvmReference.close(c.get("decision_ovo"), model.decisionFunction(Xp), what + " ovo");
    }
  }
}

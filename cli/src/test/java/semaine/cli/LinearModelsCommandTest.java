package semaine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import semaine.classification.LogisticRegression;
import semaine.data.Dataset;
import semaine.data.Datasets;
import semaine.regression.ElasticNet;
import semaine.regression.Lasso;
import semaine.regression.Ridge;
import semaine.util.Json;

/**
 * {@code classify --model logistic} and {@code regress --model ridge|lasso|elasticnet}: the
 * {@code attributes} in the JSON are the library's, bit for bit.
 */
class LinearModelsCommandTest {

  @TempDir
  Path tmp;

  /** The dataset as a CSV: columns x0.., then "target"; doubles written to round-trip. */
  private Path csv(Dataset data) throws IOException {
    StringBuilder text = new StringBuilder();
    for (int j = 0; j < data.X()[0].length; j++) {
      text.append("x").append(j).append(",");
    }
    text.append("target\n");
    for (int i = 0; i < data.X().length; i++) {
      for (double v : data.X()[i]) {
        text.append(v).append(",");
      }
      text.append(data.y()[i]).append("\n");
    }
    Path file = tmp.resolve("data.csv");
    Files.writeString(file, text);
    return file;
  }

  private static Map<?, ?> json(CliRun run) {
    assertEquals(0, run.code(), run.err());
    return (Map<?, ?>) Json.parse(run.out());
  }

  private static double[] doubles(Object list) {
    return ((List<?>) list).stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
  }

  @Test
  void logisticRegressionAttributesAreTheLibrarysOnWine() throws IOException {
    Dataset wine = Datasets.loadWine();
    Map<?, ?> result = json(CliRun.of("classify", csv(wine).toString(), "--target", "target",
        "--model", "logistic", "--param", "C=0.5", "--param", "solver=newton-cholesky",
        "--param", "max_iter=200", "--proba", "--json"));
    var model = new LogisticRegression(0.5).solver("newton-cholesky").maxIter(200)
        .fit(wine.X(), wine.labels());
    Map<?, ?> attributes = (Map<?, ?>) result.get("attributes");
    List<?> coef = (List<?>) attributes.get("coef_");
    assertEquals(3, coef.size());
    for (int k = 0; k < 3; k++) {
      assertEquals(java.util.Arrays.toString(model.coef()[k]),
          java.util.Arrays.toString(doubles(coef.get(k))), "coef_ row " + k);
    }
    assertEquals(java.util.Arrays.toString(model.intercept()),
        java.util.Arrays.toString(doubles(attributes.get("intercept_"))));
    assertEquals(List.of((long) model.nIter()), attributes.get("n_iter_"));
    assertEquals(0.5, ((Map<?, ?>) result.get("params")).get("C"));
    assertEquals(178, ((List<?>) result.get("probabilities")).size());
  }

  @Test
  void gaussianNaiveBayesAttributesAreTheLibrarysOnIris() throws IOException {
    Dataset iris = Datasets.loadIris();
    Map<?, ?> result = json(CliRun.of("classify", csv(iris).toString(), "--target", "target",
        "--model", "gaussian-nb", "--param", "var_smoothing=1e-6", "--json"));
    var model = new semaine.classification.GaussianNB().varSmoothing(1e-6)
        .fit(iris.X(), iris.labels());
    Map<?, ?> attributes = (Map<?, ?>) result.get("attributes");
    double[][] theta = (double[][]) model.attributes().get("theta_");
    double[][] var = (double[][]) model.attributes().get("var_");
    for (int k = 0; k < 3; k++) {
      assertEquals(java.util.Arrays.toString(theta[k]),
          java.util.Arrays.toString(doubles(((List<?>) attributes.get("theta_")).get(k))));
      assertEquals(java.util.Arrays.toString(var[k]),
          java.util.Arrays.toString(doubles(((List<?>) attributes.get("var_")).get(k))));
    }
    assertEquals(model.attributes().get("epsilon_"), attributes.get("epsilon_"));
  }

  @Test
  void logisticRegressionWarnsOnStderrWhenMaxIterIsReached() throws IOException {
    CliRun run = CliRun.of("classify", csv(Datasets.loadWine()).toString(), "--target", "target",
        "--model", "logistic", "--param", "max_iter=3", "--json");
    assertEquals(0, run.code(), run.err());
    assertTrue(run.err().contains("semaine: warning: lbfgs failed to converge after 3 iteration(s)"),
        run.err());
    Json.parse(run.out());   // stdout stays one JSON object
  }

  @Test
  void ridgeLassoAndElasticNetAttributesAreTheLibrarysOnDiabetes() throws IOException {
    Dataset diabetes = Datasets.loadDiabetes();
    Path file = csv(diabetes);
    Map<String, semaine.base.Regressor> models = Map.of(
        "ridge", new Ridge(0.1), "lasso", new Lasso(0.1), "elasticnet", new ElasticNet(0.1));
    for (var entry : models.entrySet()) {
      Map<?, ?> result = json(CliRun.of("regress", file.toString(), "--target", "target",
          "--model", entry.getKey(), "--param", "alpha=0.1", "--json"));
      var model = entry.getValue().fit(diabetes.X(), diabetes.y());
      Map<?, ?> attributes = (Map<?, ?>) result.get("attributes");
      double[] expected = (double[]) model.attributes().get("coef_");
      assertEquals(java.util.Arrays.toString(expected),
          java.util.Arrays.toString(doubles(attributes.get("coef_"))), entry.getKey());
      assertEquals(model.attributes().get("intercept_"), attributes.get("intercept_"),
          entry.getKey());
      if (!entry.getKey().equals("ridge")) {
        assertEquals(((Integer) model.attributes().get("n_iter_")).longValue(),
            attributes.get("n_iter_"), entry.getKey());
      }
    }
  }

  @Test
  void olsKeepsItsNameAndLinearIsTheSameModel() throws IOException {
    Path file = csv(Datasets.loadDiabetes());
    Map<?, ?> ols = json(CliRun.of("regress", file.toString(), "--target", "target", "--model",
        "ols", "--json"));
    Map<?, ?> linear = json(CliRun.of("regress", file.toString(), "--target", "target",
        "--model", "linear", "--json"));
    assertEquals(ols.get("coef"), linear.get("coef"));
  }
}

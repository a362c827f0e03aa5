package semaine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import semaine.classification.LogisticRegression;
import semaine.data.Dataset;
import semaine.data.Datasets;
import semaine.preprocessing.StandardScaler;
import semaine.regression.LassoCV;
import semaine.regression.RidgeCV;
import semaine.util.Json;

/**
 * {@code regress --model ridge-cv|lasso-cv} and {@code classify --model logistic --param
 * solver=saga}: the command's attributes are the library's.
 */
class LinearModelsCvCommandTest {

  @TempDir
  Path tmp;

  private Path csv(double[][] X, double[] y) throws IOException {
    StringBuilder text = new StringBuilder();
    for (int j = 0; j < X[0].length; j++) {
      text.append("x").append(j).append(",");
    }
    text.append("target\n");
    for (int i = 0; i < X.length; i++) {
      for (double v : X[i]) {
        text.append(v).append(",");
      }
      text.append(y[i]).append("\n");
    }
    Path file = tmp.resolve("data.csv");
    Files.writeString(file, text);
    return file;
  }

  private static Map<?, ?> attributes(CliRun run) {
    assertEquals(0, run.code(), run.err());
    return (Map<?, ?>) ((Map<?, ?>) Json.parse(run.out())).get("attributes");
  }

  private static String list(Object values) {
    return Arrays.toString(((List<?>) values).stream()
        .mapToDouble(v -> ((Number) v).doubleValue()).toArray());
  }

  @Test
  void ridgeCvAndLassoCvChooseTheLibrarysAlpha() throws IOException {
    Dataset diabetes = Datasets.loadDiabetes();
    Path file = csv(diabetes.X(), diabetes.y());
    Map<?, ?> ridge = attributes(CliRun.of("regress", file.toString(), "--target", "target",
        "--model", "ridge-cv", "--param", "alphas=0.001,0.01,0.1,1", "--json"));
    var ridgeModel = new RidgeCV().alphas(0.001, 0.01, 0.1, 1).fit(diabetes.X(), diabetes.y());
    assertEquals(ridgeModel.alpha(), ((Number) ridge.get("alpha_")).doubleValue());
    assertEquals(Arrays.toString(ridgeModel.coef()), list(ridge.get("coef_")));
    Map<?, ?> lasso = attributes(CliRun.of("regress", file.toString(), "--target", "target",
        "--model", "lasso-cv", "--param", "alphas=20", "--json"));
    var lassoModel = new LassoCV().nAlphas(20).fit(diabetes.X(), diabetes.y());
    assertEquals(lassoModel.alpha(), ((Number) lasso.get("alpha_")).doubleValue());
    assertEquals(Arrays.toString(lassoModel.coef()), list(lasso.get("coef_")));
  }

  @Test
  void sagaWithAnL1PenaltyIsTheLibrarysFit() throws IOException {
    Dataset wine = Datasets.loadWine();
    double[][] X = new StandardScaler().fitTransform(wine.X());
    double[] y = Arrays.stream(wine.labels()).asDoubleStream().toArray();
    Path file = csv(X, y);
    Map<?, ?> saga = attributes(CliRun.of("classify", file.toString(), "--target", "target",
        "--model", "logistic", "--param", "solver=saga", "--param", "l1_ratio=1",
        "--param", "random_state=0", "--param", "max_iter=1000", "--json"));
    var model = new LogisticRegression().solver("saga").l1Ratio(1).maxIter(1000);
    model.setParam("random_state", 0L);
    model.fit(X, wine.labels());
    assertEquals(Arrays.toString(model.coef()[0]), list(((List<?>) saga.get("coef_")).get(0)));
    assertEquals((long) model.nIter(), ((Number) ((List<?>) saga.get("n_iter_")).get(0)).longValue());
  }
}

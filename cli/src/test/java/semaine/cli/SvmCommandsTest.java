package semaine.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import semaine.random.RandomState;
import semaine.svm.NuSVC;
import semaine.svm.OneClassSVM;
import semaine.svm.SVC;
import semaine.svm.SVR;
import semaine.util.Json;

/** classify --model svc|nu-svc, regress --model svr, outliers --method ocsvm, through the command. */
class SvmCommandsTest {

  @TempDir
  Path dir;

  /** Two noisy clouds (seeded), the label in the last column. */
  private static double[][] clouds() {
    double[][] noise = new RandomState(0).randn(40, 2);
    for (int i = 0; i < 40; i++) {
      noise[i][0] += i < 20 ? 0 : 2;
      noise[i][1] += i < 20 ? 0 : 1;
    }
    return noise;
  }

  private Path csv(double[][] X, String targetName, double[] target) throws IOException {
    StringBuilder text = new StringBuilder("a,b," + targetName + "\n");
    for (int i = 0; i < X.length; i++) {
      text.append(X[i][0]).append(',').append(X[i][1]).append(',').append(target[i]).append('\n');
    }
    Path file = dir.resolve(targetName + ".csv");
    Files.writeString(file, text);
    return file;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(CliRun run) {
    assertEquals(0, run.code(), run.err());
    return (Map<String, Object>) Json.parse(run.out());
  }

  private static double[] doubles(Object list) {
    return ((List<?>) list).stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
  }

  private static int[] ints(Object list) {
    return ((List<?>) list).stream().mapToInt(v -> ((Number) v).intValue()).toArray();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> attributes(Map<String, Object> json) {
    return (Map<String, Object>) json.get("attributes");
  }

  @Test
  void classifyWithSvcGivesTheLibrarysModel() throws IOException {
    double[][] X = clouds();
    int[] y = new int[X.length];
    double[] label = new double[X.length];
    for (int i = 20; i < X.length; i++) {
      y[i] = 1;
      label[i] = 1;
    }
    Path file = csv(X, "label", label);
    Map<String, Object> json = json(CliRun.of("classify", file.toString(), "--target", "label",
        "--model", "svc", "--param", "kernel=linear", "--param", "C=10", "--json"));
    SVC model = new SVC().kernel("linear").C(10).fit(X, y);
    assertArrayEquals(model.support(), ints(attributes(json).get("support_")));
    assertArrayEquals(model.nSupport(), ints(attributes(json).get("n_support_")));
    @SuppressWarnings("unchecked")
    var dual = (List<Object>) attributes(json).get("dual_coef_");
    assertArrayEquals(model.dualCoef()[0], doubles(dual.get(0)));
    assertArrayEquals(model.intercept(), doubles(attributes(json).get("intercept_")));
    assertEquals("linear", ((Map<?, ?>) json.get("params")).get("kernel"));

    Map<String, Object> nu = json(CliRun.of("classify", file.toString(), "--target", "label",
        "--model", "nu-svc", "--param", "nu=0.2", "--json"));
    assertArrayEquals(new NuSVC(0.2).fit(X, y).support(), ints(attributes(nu).get("support_")));
  }

  @Test
  void regressWithSvrGivesTheLibrarysPredictions() throws IOException {
    double[][] X = clouds();
    double[] t = new double[X.length];
    for (int i = 0; i < X.length; i++) {
      t[i] = 0.5 * X[i][0] - X[i][1];
    }
    Path file = csv(X, "t", t);
    Map<String, Object> json = json(CliRun.of("regress", file.toString(), "--target", "t",
        "--model", "svr", "--param", "epsilon=0.05", "--json"));
    SVR model = new SVR().epsilon(0.05).fit(X, t);
    assertArrayEquals(model.support(), ints(attributes(json).get("support_")));
    assertArrayEquals(model.intercept(), doubles(attributes(json).get("intercept_")));
  }

  @Test
  void outliersWithOneClassSvmGivesItsLabelsScoresAndOffset() throws IOException {
    double[][] X = clouds();
    Path file = csv(X, "ignored", new double[X.length]);
    Map<String, Object> json = json(CliRun.of("outliers", file.toString(), "--drop", "ignored",
        "--method", "ocsvm", "--param", "nu=0.1", "--json"));
    OneClassSVM model = new OneClassSVM().nu(0.1);
    assertArrayEquals(model.fitPredict(X), ints(json.get("labels")));
    assertArrayEquals(model.scoreSamples(X), doubles(json.get("scores")));
    assertEquals(model.offset(), json.get("offset"));
    assertEquals("ocsvm", json.get("method"));
  }
}

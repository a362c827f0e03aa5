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
import semaine.svm.LinearSVC;
import semaine.svm.LinearSVR;

/** classify --model linear-svc and regress --model linear-svr: the library's fit, its attributes. */
class LinearSvmCliTest {

  @TempDir
  Path dir;

  @Test
  void linearSvcAndLinearSvrGiveTheLibrarysFitAndAttributes() throws IOException {
    RandomState random = new RandomState(3);
    double[][] noise = random.randn(40, 2);
    double[][] X = new double[40][];
    int[] labels = new int[40];
    double[] y = new double[40];
    StringBuilder csv = new StringBuilder("a,b,y,label\n");
    for (int i = 0; i < 40; i++) {
      labels[i] = i % 2;
      X[i] = new double[] {noise[i][0] + 2 * labels[i], noise[i][1] - labels[i]};
      y[i] = 2 * X[i][0] - X[i][1];
      csv.append(X[i][0]).append(',').append(X[i][1]).append(',').append(y[i]).append(',')
          .append(labels[i] == 0 ? "ham" : "spam").append('\n');
    }
    Path data = dir.resolve("data.csv");
    Files.writeString(data, csv.toString());

    Map<String, Object> json = FitParamsTest.json("classify", data.toString(), "--target",
        "label", "--drop", "y", "--model", "linear-svc", "--param", "dual=true", "--param",
        "random_state=0", "--json");
    var expected = new LinearSVC().dual(true).randomState(0).fit(X, labels);
    Map<String, Object> attributes = FitParamsTest.map(json.get("attributes"));
    assertEquals(List.of("ham", "spam"), attributes.get("classes_"));
    assertEquals((long) expected.nIter(), attributes.get("n_iter_"));
    assertArrayEquals(expected.coef()[0],
        FitParamsTest.doubles(((List<?>) attributes.get("coef_")).get(0)));
    assertArrayEquals(expected.intercept(), FitParamsTest.doubles(attributes.get("intercept_")));

    json = FitParamsTest.json("regress", data.toString(), "--target", "y", "--drop", "label",
        "--model", "linear-svr", "--param", "random_state=0", "--json");
    var svr = new LinearSVR().randomState(0).fit(X, y);
    attributes = FitParamsTest.map(json.get("attributes"));
    assertArrayEquals(svr.coef(), FitParamsTest.doubles(attributes.get("coef_")));
    assertEquals((long) svr.nIter(), attributes.get("n_iter_"));
  }
}

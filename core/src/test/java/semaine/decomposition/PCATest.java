package semaine.decomposition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import semaine.data.Datasets;
import semaine.testsupport.ReferenceAssert;
import semaine.testsupport.ReferenceVectors;

class PCATest {

  /** Within 1e-10 of scikit-learn, relative to max(1, |value|) (LAPACK and Jacobi round apart). */
  private static final double TOL = 1e-10;

  @Test
  void everyAttributeMatchesScikitLearnOnIrisWineAndDigits() {
    double worst = 0;
    for (Map<String, Object> c : ReferenceVectors.cases("pca.json")) {
      double[][] X = Datasets.load((String) c.get("data")).X();
      @SuppressWarnings("unchecked")
      var params = (Map<String, Object>) c.get("params");
      var pca = new PCA();
      params.forEach(pca::setParam);
      pca.fit(X);
      String what = c.get("data") + " " + params;
      assertEquals(c.get("solver"), pca.fitSvdSolver(), what);
      assertEquals(((Long) c.get("n_components_")).intValue(), pca.nComponentsFitted(), what);
      worst = Math.max(worst, close(c.get("components_"), pca.components(), what + " components_"));
      worst = Math.max(worst, close(c.get("explained_variance_"), pca.explainedVariance(),
          what + " explained_variance_"));
      worst = Math.max(worst, close(c.get("explained_variance_ratio_"),
          pca.explainedVarianceRatio(), what + " explained_variance_ratio_"));
      worst = Math.max(worst, close(c.get("singular_values_"), pca.singularValues(),
          what + " singular_values_"));
      worst = Math.max(worst, close(c.get("mean_"), pca.mean(), what + " mean_"));
      worst = Math.max(worst, close(List.of(c.get("noise_variance_")),
          new double[] {pca.noiseVariance()}, what + " noise_variance_"));
      double[][] head = java.util.Arrays.copyOf(X, 5);
      double[][] Z = pca.transform(head);
      worst = Math.max(worst, close(c.get("transform_head"), Z, what + " transform"));
      worst = Math.max(worst, close(c.get("inverse_transform_head"), pca.inverseTransform(Z),
          what + " inverse_transform"));
      var again = new PCA();
      params.forEach(again::setParam);
      worst = Math.max(worst, close(c.get("fit_transform_head"),
          java.util.Arrays.copyOf(again.fitTransform(X), 5), what + " fit_transform"));
    }
    System.out.printf("PCA vs scikit-learn: largest difference %.2e (relative to max(1, |x|))%n",
        worst);
  }

  @Test
  void componentsAreOrthonormalAndSignedByTheirLargestEntry() {
    double[][] V = new PCA().svdSolver("full").fit(Datasets.loadWine().X()).components();
    for (int a = 0; a < V.length; a++) {
      int arg = 0;
      for (int j = 0; j < V[a].length; j++) {
        arg = Math.abs(V[a][j]) > Math.abs(V[a][arg]) ? j : arg;
      }
      assertTrue(V[a][arg] > 0);
      for (int b = 0; b < V.length; b++) {
        double dot = 0;
        for (int j = 0; j < V[a].length; j++) {
          dot += V[a][j] * V[b][j];
        }
        assertEquals(a == b ? 1.0 : 0.0, dot, 1e-13);
      }
    }
  }

  @Test
  void wideDataIsDecomposedThroughItsTranspose() {
    double[][] X = java.util.Arrays.copyOf(Datasets.loadWine().X(), 8);   // 8 x 13
    var wide = new PCA(3).svdSolver("full").fit(X);
    var randomized = new PCA(3).svdSolver("randomized").randomState(0).fit(X);
    assertArrayEquals(wide.singularValues(), randomized.singularValues(), 1e-9);
    double[][] a = wide.components();
    double[][] b = randomized.components();
    for (int c = 0; c < 3; c++) {
      assertArrayEquals(a[c], b[c], 1e-9);
    }
  }

  @Test
  void badInputIsRefusedNamingTheArgument() {
    double[][] iris = Datasets.loadIris().X();
    var e = assertThrows(IllegalArgumentException.class,
        () -> new PCA(5).svdSolver("full").fit(iris));
    assertEquals("n_components (5) must be between 0 and min(n_samples, n_features) = 4 with"
        + " svd_solver=\"full\"", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new PCA().nComponents(0.5).svdSolver("randomized").fit(iris));
    assertTrue(e.getMessage().startsWith("n_components (0.5) must be an int between 1 and"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new PCA().nComponents(1.5).fit(iris));
    assertTrue(e.getMessage().startsWith("n_components (1.5) must be None or an int in [0, inf)"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new PCA().nComponents("mle").fit(new double[][] {{1, 2, 3}, {4, 5, 7}}));
    assertTrue(e.getMessage().startsWith("n_components (\"mle\") is only supported if n_samples"
        + " >= n_features"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new PCA().fit(new double[][] {{1, 2}}));
    assertTrue(e.getMessage().startsWith("PCA needs at least 2 samples"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> new PCA().transform(iris));
    var pca = new PCA(2).fit(iris);
    e = assertThrows(IllegalArgumentException.class,
        () -> pca.transform(new double[][] {{1, 2, 3}}));
    assertEquals("X has 3 columns but this PCA expects 4", e.getMessage());
  }

  private static double close(Object expected, Object actual, String what) {
    ReferenceAssert.assertClose(expected, actual, TOL, what);
    double[][] e = actual instanceof double[] ? new double[][] {ReferenceVectors.doubles(expected)}
        : ReferenceVectors.matrix(expected);
    double[][] a = actual instanceof double[] v ? new double[][] {v} : (double[][]) actual;
    double worst = 0;
    for (int r = 0; r < e.length; r++) {
      for (int c = 0; c < e[r].length; c++) {
        worst = Math.max(worst, Math.abs(e[r][c] - a[r][c]) / Math.max(1, Math.abs(e[r][c])));
      }
    }
    return worst;
  }
}

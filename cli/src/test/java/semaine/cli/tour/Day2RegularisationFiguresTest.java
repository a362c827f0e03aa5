package semaine.cli.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import semaine.data.Dataset;
import semaine.data.Datasets;
import semaine.random.RandomState;
import semaine.regression.Lasso;
import semaine.regression.LinearRegression;
import semaine.regression.Ridge;

/** Day 2's regularisation figures show what their captions say. */
class Day2RegularisationFiguresTest {

  @Test
  void ridgeShrinksEveryPathAndLassoEndsWithNoFeature() {
    Dataset diabetes = Datasets.loadDiabetes();
    double[][] ridge = Day2RegularisationFigures.path(Day2RegularisationFigures.RIDGE_LOG_ALPHAS,
        Ridge::new, diabetes);
    double previous = Double.POSITIVE_INFINITY;
    for (double[] coef : ridge) {
      double norm = Math.sqrt(Arrays.stream(coef).map(v -> v * v).sum());
      assertTrue(norm < previous, "ridge's norm falls as alpha grows");
      previous = norm;
    }
    // at alpha = 1e-4 ridge is close to least squares, at 1e3 close to 0
    double[] ols = new LinearRegression().fit(diabetes.X(), diabetes.y()).coef();
    for (int j = 0; j < ols.length; j++) {
      assertEquals(ols[j], ridge[0][j], 0.1 * Math.abs(ols[j]) + 1, "feature " + j);
      assertTrue(Math.abs(ridge[ridge.length - 1][j]) < 1, "feature " + j);
    }
    double[][] lasso = Day2RegularisationFigures.path(Day2RegularisationFigures.LASSO_LOG_ALPHAS,
        Lasso::new, diabetes);
    assertEquals(10, Arrays.stream(lasso[0]).filter(v -> v != 0).count());
    assertEquals(0, Arrays.stream(lasso[lasso.length - 1]).filter(v -> v != 0).count());
  }

  @Test
  void degreeNineOverfitsAndRidgeKeepsItsCoefficientsSmall(@TempDir Path out) throws Exception {
    Map<String, Object> numbers = new LinkedHashMap<>();
    Day2RegularisationFigures.draw(new TourContext(out, new PrintWriter(new StringWriter())),
        numbers);
    double[] leastSquares = (double[]) numbers.get("poly_coef_norm_least_squares");
    double[] ridge = (double[]) numbers.get("poly_coef_norm_ridge");
    assertTrue(leastSquares[2] > 100 * ridge[2], leastSquares[2] + " vs " + ridge[2]);
    int[] nonzero = (int[]) numbers.get("lasso_path_nonzero_coefs");
    assertEquals(0, nonzero[nonzero.length - 1]);

    // on the 15 points, degree 9 has the smallest training error and the largest error between
    // them (against the sine on a fine grid)
    var sine = Day2RegularisationFigures.Sine.draw(new RandomState(0));
    double[] grid = TourPlots.linspace(0, 1, 200);
    double[] train = new double[3];
    double[] truth = new double[3];
    for (int d = 0; d < 3; d++) {
      int degree = Day2RegularisationFigures.DEGREES[d];
      var atPoints = Day2RegularisationFigures.fitPolynomial(sine, degree, false, sine.x());
      var onGrid = Day2RegularisationFigures.fitPolynomial(sine, degree, false, grid);
      for (int i = 0; i < sine.x().length; i++) {
        train[d] += Math.pow(atPoints.curve()[i] - sine.y()[i], 2);
      }
      for (int i = 0; i < grid.length; i++) {
        truth[d] += Math.pow(onGrid.curve()[i] - Math.sin(2 * Math.PI * grid[i]), 2);
      }
    }
    assertTrue(train[2] < train[1] && train[1] < train[0], Arrays.toString(train));
    assertTrue(truth[1] < truth[0] && truth[1] < truth[2], Arrays.toString(truth));
  }
}

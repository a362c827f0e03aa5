package semaine.decomposition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import semaine.random.RandomState;

/**
 * The full solver's covariance route agrees with the triangular factor's SVD where it is taken,
 * and is not taken where the covariance is ill-conditioned; the centred Gram matrix is the plain
 * sum's.
 */
class SpectraTest {

  @Test
  void theCovarianceRouteAgreesWithTheFactoredSvdOnWellConditionedTallData() {
    double[][] X = new RandomState(5).randn(9000, 9);
    for (double[] row : X) {
      row[0] = 3 * row[0] + 100;                      // a large mean and unequal variances
      row[4] = 0.5 * row[4] - 7;
    }
    double[] mean = mean(X);
    Spectra.Spectrum gram = Spectra.full(X, mean);
    Spectra.Spectrum factored = Spectra.factored(X, mean);
    assertArrayEquals(factored.variance(), gram.variance(), 1e-12 * factored.variance()[0]);
    assertArrayEquals(factored.singularValues(), gram.singularValues(),
        1e-12 * factored.singularValues()[0]);
    for (int k = 0; k < 9; k++) {
      assertArrayEquals(factored.vt()[k], gram.vt()[k], 1e-10, "component " + k);
    }
  }

  @Test
  void anIllConditionedCovarianceTakesTheFactoredSvd() {
    double[][] X = new RandomState(6).randn(2000, 5);
    for (double[] row : X) {
      row[3] = row[1] + 1e-4 * row[3];               // cond(X - mean) about 1e4
    }
    double[] mean = mean(X);
    Spectra.Spectrum full = Spectra.full(X, mean);
    Spectra.Spectrum factored = Spectra.factored(X, mean);
    assertArrayEquals(factored.variance(), full.variance(), 0.0);
    for (int k = 0; k < 5; k++) {
      assertArrayEquals(factored.vt()[k], full.vt()[k], 0.0);
    }
  }

  @Test
  void centredGramIsThePlainSum() {
    double[][] X = new RandomState(8).randn(10_000, 7);
    double[] mean = mean(X);
    double[] gram = Products.centredGram(X, mean);
    for (int a = 0; a < 7; a++) {
      for (int b = 0; b < 7; b++) {
        double sum = 0;
        for (double[] row : X) {
          sum += (row[a] - mean[a]) * (row[b] - mean[b]);
        }
        assertEquals(sum, gram[a * 7 + b], 1e-12 * X.length, "G[" + a + "][" + b + "]");
      }
    }
  }

  private static double[] mean(double[][] X) {
    double[] mean = new double[X[0].length];
    for (double[] row : X) {
      for (int j = 0; j < mean.length; j++) {
        mean[j] += row[j] / X.length;
      }
    }
    return mean;
  }
}

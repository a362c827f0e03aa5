package semaine.cli.tour;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import semaine.data.Dataset;
import semaine.data.Datasets;
import semaine.decomposition.PCA;
import semaine.plot.Axes;
import semaine.plot.Colors;
import semaine.plot.Figure;

/** Day 1's PCA figures show what their captions say. */
class Day1PcaFiguresTest {

  @Test
  void digitsMapColoursEachDigitAndTheScreeCountIsTheFirstToReachNinetyPercent() {
    Dataset digits = Datasets.loadDigits();
    PCA pca = new PCA().fit(digits.X());
    double[] ratio = pca.explainedVarianceRatio();
    int k = Day1PcaFigures.componentsFor(ratio, 0.9);
    double upTo = 0;
    for (int i = 0; i < k - 1; i++) {
      upTo += ratio[i];
    }
    assertTrue(upTo < 0.9 && upTo + ratio[k - 1] >= 0.9, "k = " + k);
    double[][] projected = pca.transform(digits.X());
    Figure fig = Day1PcaFigures.digitsMap(projected, digits.labels());
    Axes ax = fig.allAxes().getFirst();
    BufferedImage image = fig.toImage();
    // the mean position of the zeros is drawn in C0 (zeros form a tight group) and lies apart
    // from the ones' mean
    double[] zero = mean(TourPlots.rows(projected, digits.labels(), 0));
    double[] one = mean(TourPlots.rows(projected, digits.labels(), 1));
    assertTrue(Math.hypot(zero[0] - one[0], zero[1] - one[1]) > 15);
    int blue = 0;
    for (double[] p : TourPlots.rows(projected, digits.labels(), 0)) {
      if (FigureAssert.nearby(image, ax.dataToPixel(p[0], p[1]), blend(Colors.parse("C0")))) {
        blue++;
      }
    }
    assertTrue(blue > 20, blue + " zeros seen in C0");
  }

  private static java.awt.Color blend(java.awt.Color c) {
    // alpha 0.7 over white
    return new java.awt.Color((int) Math.round(0.7 * c.getRed() + 0.3 * 255),
        (int) Math.round(0.7 * c.getGreen() + 0.3 * 255),
        (int) Math.round(0.7 * c.getBlue() + 0.3 * 255));
  }

  private static double[] mean(double[][] X) {
    double[] m = new double[2];
    for (double[] row : X) {
      m[0] += row[0] / X.length;
      m[1] += row[1] / X.length;
    }
    return m;
  }
}

package semaine.cli.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import semaine.classification.KNeighborsClassifier;
import semaine.data.LabeledSamples;
import semaine.plot.Axes;
import semaine.plot.Colormap;
import semaine.random.RandomState;

class Day3SectionTest {

  /** Pixels closer than this to a training point may show its marker, not the region. */
  private static final double MARKER_CLEARANCE = 8;

  @Test
  void dayThreeDrawsItsFiguresAndTheOneNeighbourRegionsMatchTheModel(@TempDir Path out)
      throws Exception {
    SectionResult result = new Day3Section().run(
        new TourContext(out, new PrintWriter(new StringWriter())));
    FigureAssert.figures(result, List.of("day3-knn-listing.png", "day3-spam-1nn.png",
        "day3-spam-outliers-1nn.png", "day3-spam-k3-k5.png", "day3-moons-k.png",
        "day3-four-classes.png", "day3-logistic-sigmoid.png", "day3-knn-vs-logistic.png",
        "day3-svm-margins.png", "day3-svm-c-gamma.png", "day3-tree-forest-knn.png",
        "day3-feature-importances.png", "day3-tree-iris.png", "day3-validation-curve.png",
        "day3-grid-search.png", "day3-wine-scaling.png"),
        new int[][] {{640, 480}, {640, 480}, {640, 480}, {1000, 440}, {1200, 420}, {640, 480},
            {1100, 440}, {1100, 440}, {1100, 460}, {1100, 1020}, {1200, 800}, {800, 440},
            {1400, 760}, {640, 440}, {640, 560}, {1100, 440}});

    // Every pixel of the 1-NN figure away from the markers and the boundary has the region colour
    // of the class 1-NN predicts there: bwr's blue (class 0) or red (class 1) at 40 % on white.
    LabeledSamples spam = Day3Figures.spam(new RandomState(0));
    var model = new KNeighborsClassifier(1).fit(spam.X(), spam.y());
    Axes ax = Day3Figures.spamRegions(spam, 1).allAxes().getFirst();
    BufferedImage image = ImageIO.read(result.figures().get(1).path().toFile());
    Point2D origin = ax.dataToPixel(0, 0);
    Point2D unit = ax.dataToPixel(1, 1);
    double sx = unit.getX() - origin.getX();
    double sy = unit.getY() - origin.getY();
    Point2D low = ax.dataToPixel(ax.xlim()[0], ax.ylim()[0]);
    Point2D high = ax.dataToPixel(ax.xlim()[1], ax.ylim()[1]);
    int[] checked = new int[2];
    for (int px = (int) low.getX() + 6; px < high.getX() - 6; px += 7) {
      for (int py = (int) high.getY() + 6; py < low.getY() - 6; py += 7) {
        double[][] around = new double[5][];
        int[][] offsets = {{0, 0}, {-4, 0}, {4, 0}, {0, -4}, {0, 4}};
        for (int k = 0; k < 5; k++) {
          around[k] = new double[] {(px + 0.5 + offsets[k][0] - origin.getX()) / sx,
              (py + 0.5 + offsets[k][1] - origin.getY()) / sy};
        }
        int[] labels = model.predict(around);
        if (nearAPoint(spam.X(), around[0], sx, sy) || !allEqual(labels)) {
          continue;
        }
        Color expected = region(labels[0]);
        Color seen = FigureAssert.pixel(image, px, py);
        assertTrue(FigureAssert.close(seen, expected, 4), "pixel (" + px + ", " + py + ") of class "
            + labels[0] + " is " + seen + ", expected " + expected);
        checked[labels[0]]++;
      }
    }
    assertTrue(checked[0] > 100 && checked[1] > 100, checked[0] + " / " + checked[1]);
  }

  @Test
  void mislabellingSwapsThreeLabelsOfEachClass() {
    LabeledSamples spam = Day3Figures.spam(new RandomState(0));
    LabeledSamples noisy = Day3Figures.mislabel(spam, new RandomState(1));
    int[] swapped = new int[2];
    for (int i = 0; i < spam.y().length; i++) {
      if (spam.y()[i] != noisy.y()[i]) {
        swapped[spam.y()[i]]++;
      }
    }
    assertEquals(3, swapped[0]);
    assertEquals(3, swapped[1]);
  }

  /** bwr's colour for the label, at the regions' 40 % opacity over white. */
  private static Color region(int label) {
    Color c = Colormap.get("bwr").at(label, 0, 1);
    return new Color(blend(c.getRed()), blend(c.getGreen()), blend(c.getBlue()));
  }

  private static int blend(int channel) {
    return (int) Math.round(0.4 * channel + 0.6 * 255);
  }

  private static boolean nearAPoint(double[][] X, double[] p, double sx, double sy) {
    for (double[] x : X) {
      if (Math.hypot((x[0] - p[0]) * sx, (x[1] - p[1]) * sy) < MARKER_CLEARANCE) {
        return true;
      }
    }
    return false;
  }

  private static boolean allEqual(int[] labels) {
    for (int label : labels) {
      if (label != labels[0]) {
        return false;
      }
    }
    return true;
  }
}

package semaine.cli.tour;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import semaine.classification.LogisticRegression;
import semaine.cli.tour.TourPlots.Window;
import semaine.data.Blobs;
import semaine.data.Datasets;
import semaine.data.LabeledSamples;
import semaine.plot.Axes;
import semaine.plot.Figure;
import semaine.svm.SVC;

/** The "beyond k-NN" figures of Day 3 show what their captions say. */
class Day3BeyondFiguresTest {

  private static LabeledSamples book() {
    Blobs blobs = Datasets.makeBlobs().nSamples(50).centers(2).nFeatures(2).randomState(0)
        .clusterStd(1.0).generate();
    return new LabeledSamples(blobs.X(), blobs.y());
  }

  @Test
  void sigmoidRisesThroughOneHalfBetweenTheTwoMeans() {
    LabeledSamples book = book();
    var model = new LogisticRegression().fit(book.X(), book.y());
    Figure fig = Day3BeyondFigures.sigmoid(book, model);
    Axes right = fig.allAxes().get(1);
    BufferedImage image = fig.toImage();
    // the curve is purple at t = -0.5 (near 0) and t = 1.5 (near 1) and crosses 0.5 inside (0, 1)
    double[] m0 = mean(book, 0);
    double[] m1 = mean(book, 1);
    double previous = -1;
    double crossing = Double.NaN;
    for (int i = 0; i <= 100; i++) {
      double t = -0.5 + 2.0 * i / 100;
      double p = model.predictProba(new double[][] {{m0[0] + t * (m1[0] - m0[0]),
          m0[1] + t * (m1[1] - m0[1])}})[0][1];
      assertTrue(p > previous, "the sigmoid increases along the line");
      if (previous < 0.5 && p >= 0.5) {
        crossing = t;
      }
      previous = p;
      if (i % 25 == 0) {
        assertTrue(FigureAssert.nearby(image, right.dataToPixel(t, p),
            semaine.plot.Colors.parse("tab:purple")), "curve at t = " + t);
      }
    }
    assertTrue(crossing > 0 && crossing < 1, "crossing at " + crossing);
  }

  @Test
  void marginLinesPassThroughTheSupportVectorsAndTheyAreCircled() {
    LabeledSamples book = book();
    SVC linear = new SVC().kernel("linear").C(1.0).fit(book.X(), book.y());
    double[][] sv = linear.supportVectors();
    double[][] f = linear.decisionFunction(sv);
    Set<Integer> support = new HashSet<>();
    for (int i : linear.support()) {
      support.add(i);
    }
    // support vectors lie on or inside the margin |f| <= 1, every other point outside it
    for (double[] row : f) {
      assertTrue(Math.abs(row[0]) <= 1 + 1e-3, Arrays.toString(row));
    }
    double[][] all = linear.decisionFunction(book.X());
    for (int i = 0; i < all.length; i++) {
      if (!support.contains(i)) {
        assertTrue(Math.abs(all[i][0]) >= 1 - 1e-3, "point " + i + ": " + all[i][0]);
      }
    }
    Figure fig = Figure.create(600, 460);
    Axes ax = fig.axes();
    Day3BeyondFigures.margin(ax, linear, book, Window.around(book.X(), 1));
    BufferedImage image = fig.toImage();
    // each circle (s = 150 pt², radius ≈ 6.1 pt at 100 dpi ≈ 8.5 px) has black on its right edge
    for (double[] v : sv) {
      var p = ax.dataToPixel(v[0], v[1]);
      boolean ring = false;
      for (int dx = 6; dx <= 11 && !ring; dx++) {
        ring = FigureAssert.close(FigureAssert.pixel(image, (int) p.getX() + dx, (int) p.getY()),
            Color.BLACK, 60);
      }
      assertTrue(ring, "support vector at " + Arrays.toString(v) + " is circled");
    }
  }

  @Test
  void irisImportancesSumToOneAndThePetalsLead() {
    var iris = Datasets.loadIris();
    var forest = new semaine.ensemble.RandomForestClassifier().randomState(0)
        .fit(iris.X(), iris.labels());
    double[] imp = forest.featureImportances();
    assertEquals(1, Arrays.stream(imp).sum(), 1e-12);
    assertTrue(Math.min(imp[2], imp[3]) > Math.max(imp[0], imp[1]), Arrays.toString(imp));
    var tree = new semaine.tree.DecisionTreeClassifier().maxDepth(3).randomState(0)
        .fit(iris.X(), iris.labels());
    Figure fig = Day3BeyondFigures.plotTree(iris, tree);
    assertArrayEquals(new double[] {0, 1}, fig.allAxes().getFirst().xlim());
  }

  private static double[] mean(LabeledSamples data, int label) {
    double[][] rows = TourPlots.rows(data.X(), data.y(), label);
    return new double[] {Arrays.stream(TourPlots.column(rows, 0)).average().orElseThrow(),
        Arrays.stream(TourPlots.column(rows, 1)).average().orElseThrow()};
  }
}

package semaine.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** Headless rendering: artists land on the pixels the data says. */
class RenderingTest {

  private static final Color RED = new Color(255, 0, 0);
  private static final Color BLUE = new Color(0, 0, 255);

  @Test
  void scatterPointIsDrawnAtItsDataPixel() {
    Figure fig = Figure.create(400, 300);
    Axes ax = fig.axes().xlim(0, 4).ylim(0, 3);
    ax.scatter(new double[] {1}, new double[] {2}).color("red");
    BufferedImage image = fig.toImage();
    Point2D p = ax.dataToPixel(1, 2);
    assertEquals(RED, Pixels.at(image, p));
    // the axes box spans matplotlib's default subplot parameters: x from 0.125 to 0.9 of 400
    assertEquals(0.125 * 400 + 0.25 * 0.775 * 400, p.getX(), 1e-9);
    assertEquals(300 - (0.11 * 300 + 2.0 / 3 * 0.77 * 300), p.getY(), 1e-9);
    // and nowhere far from it
    assertEquals(RED, Pixels.at(image, ax.dataToPixel(1, 2)));
    assertFalse(Pixels.near(image, ax.dataToPixel(3, 1), 5, RED, 40));
  }

  @Test
  void everyPointOfAScatterIsDrawnWithItsLabelColour() {
    Figure fig = Figure.create(500, 400);
    Axes ax = fig.axes();
    double[] x = {0, 1, 2, 3, 4};
    double[] y = {4, 1, 3, 0, 2};
    int[] labels = {0, 1, 0, 1, 0};
    ax.scatter(x, y).c(labels).cmap("bwr").s(40);
    BufferedImage image = fig.toImage();
    for (int i = 0; i < x.length; i++) {
      assertEquals(labels[i] == 0 ? BLUE : RED, Pixels.at(image, ax.dataToPixel(x[i], y[i])),
          "point " + i);
    }
  }

  @Test
  void nanPointsAreSkipped() {
    Figure fig = Figure.create(300, 300);
    Axes ax = fig.axes().xlim(0, 2).ylim(0, 2);
    ax.scatter(new double[] {1, Double.NaN}, new double[] {1, 1}).color("red");
    BufferedImage image = fig.toImage();
    assertEquals(RED, Pixels.at(image, ax.dataToPixel(1, 1)));
    assertEquals(1, ax.artists().size());
  }

  @Test
  void decisionRegionSplitsThePlaneWhereTheRuleSays() {
    Figure fig = Figure.create(400, 400);
    Axes ax = fig.axes();
    ax.decisionRule(p -> p[0] + p[1] > 1 ? 1 : 0, -2, 2, -2, 2).cmap("bwr").alpha(1);
    BufferedImage image = fig.toImage();
    for (double[] p : new double[][] {{-1, -1}, {0, 0}, {-1.5, 1.9}, {0.3, 0.5}}) {
      assertEquals(BLUE, Pixels.at(image, ax.dataToPixel(p[0], p[1])), "below the line at "
          + p[0] + ", " + p[1]);
    }
    for (double[] p : new double[][] {{1, 1}, {0.8, 0.5}, {1.9, -0.5}, {-0.5, 1.8}}) {
      assertEquals(RED, Pixels.at(image, ax.dataToPixel(p[0], p[1])), "above the line at "
          + p[0] + ", " + p[1]);
    }
    // regions are sticky: the view is exactly the grid, no margin
    assertEquals(-2, ax.xlim()[0]);
    assertEquals(2, ax.ylim()[1]);
  }

  @Test
  void scatterIsDrawnOnTopOfDecisionRegions() {
    Figure fig = Figure.create(400, 400);
    Axes ax = fig.axes();
    ax.scatter(new double[] {-1}, new double[] {-1}).color("k");
    ax.decisionRule(p -> 0, -2, 2, -2, 2).cmap("bwr").alpha(1);
    BufferedImage image = fig.toImage();
    assertEquals(Color.BLACK, Pixels.at(image, ax.dataToPixel(-1, -1)));
  }

  @Test
  void contourOfTheParaboloidAtLevelOneFollowsTheUnitCircle() {
    int n = 81;
    double[] g = new double[n];
    for (int i = 0; i < n; i++) {
      g[i] = -2 + 4.0 * i / (n - 1);
    }
    double[][] Z = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        Z[i][j] = g[j] * g[j] + g[i] * g[i];
      }
    }
    Figure fig = Figure.create(400, 400);
    Axes ax = fig.axes();
    ax.contour(g, g, Z, new double[] {1}).color("k");
    BufferedImage image = fig.toImage();
    for (int k = 0; k < 12; k++) {
      double a = Math.PI * 2 * k / 12;
      Point2D p = ax.dataToPixel(Math.cos(a), Math.sin(a));
      assertTrue(Pixels.near(image, p, 1, Color.BLACK, 100), "no line near angle " + k * 30);
    }
    assertEquals(Color.WHITE, Pixels.at(image, ax.dataToPixel(0, 0)));
    assertEquals(Color.WHITE, Pixels.at(image, ax.dataToPixel(0.7, 0)));
    assertEquals(Color.WHITE, Pixels.at(image, ax.dataToPixel(1.3, 0)));
  }

  @Test
  void filledContourColoursInnerAndOuterBandsDifferently() {
    double[] g = {-2, -1, 0, 1, 2};
    double[][] Z = new double[5][5];
    for (int i = 0; i < 5; i++) {
      for (int j = 0; j < 5; j++) {
        Z[i][j] = g[j] * g[j] + g[i] * g[i];
      }
    }
    Figure fig = Figure.create(400, 400);
    Axes ax = fig.axes();
    ContourSet set = ax.contourf(g, g, Z, new double[] {0, 2, 8});
    BufferedImage image = fig.toImage();
    Colormap viridis = Colormap.get("viridis");
    // a band takes the colour of its midpoint, normalised over the first and last level
    assertEquals(viridis.at(1.0 / 8), Pixels.at(image, ax.dataToPixel(0.1, 0.1)));
    assertEquals(viridis.at(5.0 / 8), Pixels.at(image, ax.dataToPixel(1.8, 1.8)));
    assertEquals(3, set.levels().length);
  }

  @Test
  void imshowPutsRowZeroAtTheTop() {
    Figure fig = Figure.create(400, 400);
    Axes ax = fig.axes();
    ax.imshow(new double[][] {{0, 1}, {1, 0}}).cmap("bwr");
    BufferedImage image = fig.toImage();
    assertEquals(BLUE, Pixels.at(image, ax.dataToPixel(0, 0)));
    assertEquals(RED, Pixels.at(image, ax.dataToPixel(1, 0)));
    assertTrue(ax.dataToPixel(0, 0).getY() < ax.dataToPixel(0, 1).getY(), "row 0 is above row 1");
  }

  @Test
  void legendShowsEachLabelledArtistsColour() {
    Figure fig = Figure.create(500, 400);
    Axes ax = fig.axes();
    ax.scatter(new double[] {0, 0.1}, new double[] {0, 0.1}).color("tab:green").label("points");
    ax.plot(new double[] {0, 0.2}, new double[] {0, 0.2}).color("tab:purple").label("line");
    ax.xlim(0, 10).ylim(0, 10).legend("upper right");
    BufferedImage image = fig.toImage();
    Point2D corner = ax.dataToPixel(10, 10);
    int x0 = (int) corner.getX() - 150;
    int y0 = (int) corner.getY();
    int x1 = (int) corner.getX();
    int y1 = (int) corner.getY() + 80;
    assertTrue(Pixels.count(image, x0, y0, x1, y1, Colors.parse("tab:green"), 2) > 10,
        "green swatch in the legend box");
    assertTrue(Pixels.count(image, x0, y0, x1, y1, Colors.parse("tab:purple"), 2) > 10,
        "purple swatch in the legend box");
  }

  @Test
  void bestLegendAvoidsTheData() {
    Figure fig = Figure.create(500, 400);
    Axes ax = fig.axes().xlim(0, 10).ylim(0, 10);
    double[] x = new double[100];
    double[] y = new double[100];
    for (int i = 0; i < 100; i++) {
      x[i] = 6 + 4 * (i % 10) / 10.0;
      y[i] = 6 + 4 * (i / 10) / 10.0;
    }
    ax.scatter(x, y).color("tab:green").label("top right cluster");
    ax.legend();
    BufferedImage image = fig.toImage();
    Point2D topLeft = ax.dataToPixel(0, 10);
    int count = Pixels.count(image, (int) topLeft.getX(), (int) topLeft.getY(),
        (int) topLeft.getX() + 200, (int) topLeft.getY() + 60, Colors.parse("tab:green"), 2);
    assertTrue(count > 10, "the legend went to the upper left, away from the cluster");
  }

  @Test
  void autoscaleAddsFivePercentMarginsExceptAtStickyEdges() {
    Figure fig = Figure.create();
    Axes ax = fig.axes();
    ax.scatter(new double[] {0, 10}, new double[] {-1, 1});
    assertEquals(-0.5, ax.xlim()[0], 1e-12);
    assertEquals(10.5, ax.xlim()[1], 1e-12);
    assertEquals(-1.1, ax.ylim()[0], 1e-12);

    Axes bars = Figure.create().axes();
    bars.bar(new double[] {0, 1}, new double[] {2, 4});
    assertEquals(0, bars.ylim()[0], "bars keep their baseline at 0");
    assertEquals(4.2, bars.ylim()[1], 1e-12);
  }

  @Test
  void histogramCountsUseNumpysBinsWithTheLastBinClosed() {
    Bars bars = Figure.create().axes().hist(new double[] {0, 1, 2, 3, 4, Double.NaN}, 2);
    assertEquals(2, bars.heights()[0]);
    assertEquals(3, bars.heights()[1]);
  }

  @Test
  void lineBreaksAtNan() {
    Figure fig = Figure.create(400, 300);
    Axes ax = fig.axes().xlim(0, 4).ylim(0, 2);
    ax.plot(new double[] {0, 1, 2, 3, 4}, new double[] {1, 1, Double.NaN, 1, 1}).color("red")
        .linewidth(4);
    BufferedImage image = fig.toImage();
    assertEquals(RED, Pixels.at(image, ax.dataToPixel(0.5, 1)));
    assertEquals(RED, Pixels.at(image, ax.dataToPixel(3.5, 1)));
    assertEquals(Color.WHITE, Pixels.at(image, ax.dataToPixel(2, 1)));
  }

  @Test
  void axhlineSpansTheWholeAxes() {
    Figure fig = Figure.create(400, 300);
    Axes ax = fig.axes();
    ax.scatter(new double[] {0, 10}, new double[] {0, 10}).color("k");
    ax.axhline(5).color("red").linewidth(3);
    BufferedImage image = fig.toImage();
    double left = ax.dataToPixel(ax.xlim()[0], 5).getX();
    double right = ax.dataToPixel(ax.xlim()[1], 5).getX();
    double y = ax.dataToPixel(0, 5).getY();
    assertEquals(RED, Pixels.at(image, new Point2D.Double(left + 3, y)));
    assertEquals(RED, Pixels.at(image, new Point2D.Double(right - 3, y)));
  }

  @Test
  void subplotsShareTheFigureWithoutOverlapping() {
    Figure fig = Figure.create(800, 600);
    Axes[][] axs = fig.subplots(2, 2);
    for (Axes[] row : axs) {
      for (Axes ax : row) {
        ax.xlim(0, 1).ylim(0, 1);
      }
    }
    Point2D topRightOfFirst = axs[0][0].dataToPixel(1, 1);
    Point2D bottomLeftOfSecond = axs[0][1].dataToPixel(0, 0);
    Point2D bottomLeftOfThird = axs[1][0].dataToPixel(0, 0);
    assertTrue(topRightOfFirst.getX() < bottomLeftOfSecond.getX());
    assertTrue(bottomLeftOfThird.getY() > axs[0][0].dataToPixel(0, 0).getY());
    assertEquals(4, fig.allAxes().size());
  }

  @Test
  void surfaceAndPathRender() {
    double[] g = {-1, 0, 1};
    double[][] Z = {{2, 1, 2}, {1, 0, 1}, {2, 1, 2}};
    Figure fig = Figure.create(400, 400);
    fig.axes().surface3d(g, g, Z).path(new double[] {1, 0}, new double[] {1, 0},
        new double[] {2, 0}).pathColor("red");
    BufferedImage image = fig.toImage();
    assertTrue(Pixels.count(image, 0, 0, 399, 399, RED, 0) > 20, "the path is drawn");
    // every cell's mean height is 1, halfway between the lowest (0) and highest (2) value
    assertTrue(Pixels.count(image, 0, 0, 399, 399, Colormap.get("viridis").at(0.5), 0) > 200,
        "the cells take the colormap's colour of their mean height");
  }
}

package semaine.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** savefig in both formats, show() without a display, and the messages for bad input. */
class FilesAndErrorsTest {

  @TempDir
  Path dir;

  @Test
  void savefigWritesAPngThatImageIoReads() throws Exception {
    Figure fig = Figure.inches(4, 3, 50);
    fig.axes().plot(new double[] {0, 1, 2}, new double[] {0, 1, 4}).label("y = x²");
    Path file = fig.savefig(dir.resolve("sub/line.png"));
    BufferedImage image = ImageIO.read(file.toFile());
    assertNotNull(image);
    assertEquals(200, image.getWidth());
    assertEquals(150, image.getHeight());
  }

  @Test
  void savefigWritesWellFormedSvgWithOneCirclePerPoint() throws Exception {
    Figure fig = Figure.create();
    Axes ax = fig.axes();
    ax.scatter(new double[] {0, 1, 2, Double.NaN}, new double[] {0, 1, 2, 3}).label("three");
    ax.plot(new double[] {0, 2}, new double[] {2, 0}, "r--");
    ax.title("a <title> & more").xlabel("x").ylabel("y");
    Path file = fig.savefig(dir.resolve("points.svg"));
    Document svg = parse(Files.readString(file));
    assertEquals("svg", svg.getDocumentElement().getTagName());
    // three finite points; no legend, so no fourth circle
    assertEquals(3, svg.getElementsByTagName("circle").getLength());
    assertTrue(svg.getElementsByTagName("path").getLength() >= 1 + 2 * 5, "line and tick marks");
    assertTrue(Files.readString(file).contains("a &lt;title&gt; &amp; more"));

    ax.legend();
    assertEquals(4, parse(fig.toSvg()).getElementsByTagName("circle").getLength(),
        "the legend adds one marker");
  }

  @Test
  void svgEmbedsRasterArtistsAsImages() throws Exception {
    Figure fig = Figure.create();
    fig.axes().imshow(new double[][] {{1, 2}, {3, 4}});
    assertEquals(1, parse(fig.toSvg()).getElementsByTagName("image").getLength());
  }

  @Test
  void savefigRejectsAnUnknownExtensionNamingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Figure.create().savefig(dir.resolve("figure.jpg")));
    assertTrue(e.getMessage().contains("\"jpg\""), e.getMessage());
    assertTrue(e.getMessage().contains(".png") && e.getMessage().contains(".svg"));
  }

  @Test
  void showWithoutADisplaySavesAPngAndReturnsItsPath() throws Exception {
    Figure fig = Figure.create(200, 100);
    fig.axes().scatter(new double[] {1}, new double[] {1});
    Path file = fig.show();
    try {
      assertNotNull(file, "headless: a file instead of a window");
      assertNotNull(ImageIO.read(file.toFile()));
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Test
  void pltFacadeDrawsOnTheCurrentFigure() throws Exception {
    Plt.figure(300, 200);
    Plt.scatter(new double[] {1, 2}, new double[] {3, 4}).c(new int[] {0, 1}).cmap("bwr");
    Plt.xlabel("x");
    Plt.title("facade");
    Axes ax = Plt.gca();
    Path file = Plt.savefig(dir.resolve("plt.png"));
    BufferedImage image = ImageIO.read(file.toFile());
    assertEquals(new java.awt.Color(0, 0, 255), Pixels.at(image, ax.dataToPixel(1, 3)));
    assertEquals(300, image.getWidth());
    Plt.clf();
    assertTrue(Plt.gca() != ax, "clf starts a fresh figure");
    Axes[][] grid = Plt.subplots(1, 2);
    assertEquals(grid[0][0], Plt.gca());
  }

  @Test
  void scatterRejectsCoordinatesOfDifferentLengths() {
    Axes ax = Figure.create().axes();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ax.scatter(new double[] {1, 2}, new double[] {1}));
    assertEquals("x has 2 values but y has 1", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> ax.plot(new double[] {1, 2}, new double[] {1, 2}).style("q"));
    assertTrue(e.getMessage().startsWith("fmt (\"q\")"), e.getMessage());
  }

  @Test
  void unknownNamesListTheValidOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Colormap.get("jet"));
    assertTrue(e.getMessage().startsWith("cmap (\"jet\")"), e.getMessage());
    assertTrue(e.getMessage().contains("viridis") && e.getMessage().contains("bwr")
        && e.getMessage().contains("coolwarm"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Colors.parse("tab:teal"));
    assertTrue(e.getMessage().startsWith("color (\"tab:teal\")"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Figure.create().axes().legend("top"));
    assertTrue(e.getMessage().contains("upper right"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Figure.create().axes().scatter(new double[] {1}, new double[] {1}).alpha(2));
    assertEquals("alpha (2.0) must be in [0, 1]", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Figure.create(0, 10));
    assertTrue(e.getMessage().startsWith("width (0)"), e.getMessage());
  }

  @Test
  void contourRejectsAGridOfTheWrongShape() {
    Axes ax = Figure.create().axes();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ax.contour(new double[] {0, 1, 2}, new double[] {0, 1}, new double[][] {{1, 2, 3}},
            3));
    assertTrue(e.getMessage().startsWith("Z has 1 rows but ys has 2"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> ax.contour(new double[] {0, 2, 1}, new double[] {0, 1},
            new double[][] {{1, 2, 3}, {1, 2, 3}}, 3));
    assertTrue(e.getMessage().startsWith("xs must be increasing"), e.getMessage());
  }

  @Test
  void decisionRegionsRejectAPredictorReturningTheWrongCount() {
    Figure fig = Figure.create();
    fig.axes().decisionRegions(points -> new int[3], 0, 1, 0, 1).resolution(10);
    IllegalStateException e = assertThrows(IllegalStateException.class, fig::toImage);
    assertEquals("predict returned 3 labels for 100 points", e.getMessage());
  }

  private static Document parse(String xml) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }
}

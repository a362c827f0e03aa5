package semaine.cli.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import semaine.clustering.KMeans;
import semaine.clustering.KMeansStep;
import semaine.data.Blobs;
import semaine.data.Datasets;
import semaine.plot.Axes;
import semaine.plot.Colors;
import semaine.random.RandomState;
import semaine.util.Json;

/**
 * Day 4 of the tour shows scikit-learn's numbers for the book's k-means listing, and its figures
 * show what their captions say.
 */
class Day4SectionTest {

  @TempDir
  Path tmp;

  @Test
  void bookListingInertiasElbowAndFinalFitMatchScikitLearn() throws Exception {
    Map<?, ?> book;
    try (InputStream in = getClass().getResourceAsStream("/reference/cluster.json")) {
      book = (Map<?, ?>) ((Map<?, ?>) Json.parse(
          new String(in.readAllBytes(), StandardCharsets.UTF_8))).get("book_listing");
    }
    SectionResult result = new Day4Section().run(
        new TourContext(tmp, new PrintWriter(new StringWriter())));
    Map<String, Object> numbers = result.numbers();
    assertEquals(((Number) book.get("k")).intValue(), numbers.get("k_drawn"));
    double[] inertias = (double[]) numbers.get("inertias");
    List<?> expected = (List<?>) book.get("inertia");
    for (int i = 0; i < expected.size(); i++) {
      double e = ((Number) expected.get(i)).doubleValue();
      assertEquals(e, inertias[i], 1e-9 * e, "K=" + (i + 1));
    }
    assertEquals(((Number) book.get("elbow")).intValue(), numbers.get("elbow"));
    double k4 = ((Number) book.get("inertia_k4")).doubleValue();
    assertEquals(k4, (double) numbers.get("kmeans4_inertia"), 1e-9 * k4);
  }

  @Test
  void dayFourDrawsItsFiguresWithTheElbowMarkedInRed() throws Exception {
    SectionResult result = new Day4Section().run(
        new TourContext(tmp, new PrintWriter(new StringWriter())));
    FigureAssert.figures(result, List.of("day4-stars.png", "day4-kmeans-steps.png",
        "day4-elbow.png", "day4-kmeans-final.png", "day4-clustering-comparison.png",
        "day4-dendrogram.png", "day4-optics.png", "day4-dbscan-core.png"),
        new int[][] {{640, 480}, {1200, 820}, {640, 480}, {640, 480}, {1500, 1000}, {1000, 480},
            {1100, 440}, {640, 480}});

    // the same axes as the saved elbow figure map (K, inertia) to its pixel
    Day4Section.Book book = Day4Section.Book.run();
    int elbow = book.elbow().elbow().orElseThrow();
    double[] inertias = book.elbow().inertias();
    Axes ax = Day4Figures.elbow(book.elbow(), book.k()).allAxes().getFirst();
    BufferedImage image = ImageIO.read(result.figures().get(2).path().toFile());
    Color red = Colors.parse("tab:red");
    Color blue = Colors.parse("C0");
    Point2D atElbow = ax.dataToPixel(elbow, inertias[elbow - 1]);
    // 5 px down-left of its centre: inside the 14 pt marker, away from the curve and from the
    // annotation's arrow, which comes from the upper right and is red too
    Point2D inMarker = new Point2D.Double(atElbow.getX() - 5, atElbow.getY() + 5);
    assertTrue(FigureAssert.nearby(image, inMarker, red), "red marker at the elbow " + inMarker);
    Point2D next = ax.dataToPixel(elbow + 1, inertias[elbow]);
    assertFalse(FigureAssert.nearby(image, next, red), "no red at K = " + (elbow + 1));
    assertTrue(FigureAssert.nearby(image, next, blue),
        "the curve's blue marker at K = " + (elbow + 1));
    assertTrue(result.figures().get(2).caption().contains("k = " + book.k() + " blobs"),
        result.figures().get(2).caption());

    // the final clustering: a black cross at each of the four centres
    Axes final4 = Day4Figures.clustering(book.X(), book.last()).allAxes().getFirst();
    BufferedImage clusters = ImageIO.read(result.figures().get(3).path().toFile());
    for (double[] c : book.last().clusterCenters()) {
      Point2D p = final4.dataToPixel(c[0], c[1]);
      assertTrue(FigureAssert.nearby(clusters, p, Color.BLACK), "black cross at the centre " + p);
    }
  }

  @Test
  void kMeansFindsTheThreeGroupsOfStars() {
    double[][] stars = Day4Figures.starObjects(new RandomState(0));
    int[] labels = new KMeans(3).randomState(0).fit(stars).labels();
    int groupSize = stars.length / 3;
    Set<Integer> groupLabels = new TreeSet<>();
    for (int g = 0; g < 3; g++) {
      for (int i = 0; i < groupSize; i++) {
        assertEquals(labels[g * groupSize], labels[g * groupSize + i], "star " + i + " of " + g);
      }
      groupLabels.add(labels[g * groupSize]);
    }
    assertEquals(3, groupLabels.size());
  }

  @Test
  void stepByStepRunStartsInOneBlobAndEndsWithTheThreeBlobs() {
    Blobs blobs = Datasets.makeBlobs().nSamples(150).centers(3).nFeatures(2).clusterStd(0.6)
        .randomState(Day4Figures.BLOBS_SEED).generate();
    List<KMeansStep> steps = Day4Figures.stepsRun().steps();
    assertTrue(steps.size() >= 4, "at least four assignments to show: " + steps.size());
    // the caption says the three random centres are samples of the same blob
    Set<Integer> blobsOfCentres = new TreeSet<>();
    for (double[] c : steps.getFirst().centers()) {
      double best = Double.POSITIVE_INFINITY;
      int blob = -1;
      for (int i = 0; i < blobs.X().length; i++) {
        double d = Math.hypot(blobs.X()[i][0] - c[0], blobs.X()[i][1] - c[1]);
        if (d < best) {
          best = d;
          blob = blobs.y()[i];
        }
      }
      assertTrue(best < 1e-9, "an initial centre is a sample");
      blobsOfCentres.add(blob);
    }
    assertEquals(1, blobsOfCentres.size(), "blobs of the initial centres");
    // and that the run converges to the three blobs: the same partition up to renaming
    int[] last = steps.getLast().labels();
    int[] rename = {-1, -1, -1};
    for (int i = 0; i < last.length; i++) {
      int blob = blobs.y()[i];
      if (rename[blob] < 0) {
        rename[blob] = last[i];
      }
      assertEquals(rename[blob], last[i], "sample " + i);
    }
    assertEquals(3, Set.of(rename[0], rename[1], rename[2]).size());
  }
}

package semaine.cli.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import semaine.clustering.DBSCAN;
import semaine.clustering.Hierarchy;

/** Day 4's "other ways to cluster" figures show what their captions say. */
class Day4ClusteringFiguresTest {

  @Test
  void theCutLeavesTheDrawnNumberOfGroupsAndDbscanFindsEachDataSetsGroups(@TempDir Path out)
      throws Exception {
    Day4Section.Book book = Day4Section.Book.run();
    Map<String, Object> numbers = new LinkedHashMap<>();
    List<TourFigure> figures = Day4ClusteringFigures.draw(
        new TourContext(out, new PrintWriter(new StringWriter())), numbers, book.X(), book.k());
    assertEquals(4, figures.size());
    assertEquals(book.k(), numbers.get("dendrogram_clusters_at_cut"));
    // blobs: the drawn k; moons and circles: 2 (DBSCAN is not told the number)
    assertEquals(List.of(book.k(), 2, 2), numbers.get("dbscan_clusters_blobs_moons_circles"));
    assertEquals(List.of(book.k(), 2, 2), numbers.get("hdbscan_clusters_blobs_moons_circles"));
    assertEquals(book.k(), numbers.get("optics_blobs_clusters"));
    double[][] Z = Hierarchy.linkage(Arrays.copyOf(book.X(), 40), "ward", "euclidean");
    double cut = Day4ClusteringFigures.cutHeight(Z, book.k());
    assertTrue(Z[40 - book.k() - 1][2] < cut && cut < Z[40 - book.k()][2]);
  }

  @Test
  void coreBorderAndNoisePointsAreDbscansAndTheSectionCountsTheNoise(@TempDir Path out)
      throws Exception {
    double[][] X = Day4ClusteringFigures.noisyMoons();
    DBSCAN model = new DBSCAN(Day4ClusteringFigures.EPS).minSamples(5).fit(X);
    boolean[] core = new boolean[X.length];
    for (int i : model.coreSampleIndices()) {
      core[i] = true;
    }
    int border = 0;
    int noise = 0;
    for (int i = 0; i < X.length; i++) {
      int within = 0;
      boolean nearCore = false;
      for (int j = 0; j < X.length; j++) {
        double d = Math.hypot(X[i][0] - X[j][0], X[i][1] - X[j][1]);
        if (d <= Day4ClusteringFigures.EPS) {
          within++;
          nearCore |= core[j];
        }
      }
      assertEquals(within >= 5, core[i], "point " + i);
      if (!core[i]) {
        assertEquals(nearCore, model.labels()[i] >= 0, "point " + i);
        border += nearCore ? 1 : 0;
        noise += nearCore ? 0 : 1;
      }
    }
    assertTrue(border > 0 && noise > 0, border + " border, " + noise + " noise");
    Map<String, Object> numbers = new LinkedHashMap<>();
    Day4Section.Book book = Day4Section.Book.run();
    List<TourFigure> figures = Day4ClusteringFigures.draw(
        new TourContext(out, new PrintWriter(new StringWriter())), numbers, book.X(), book.k());
    assertEquals(noise, numbers.get("dbscan_noise_points"));
    assertTrue(figures.get(3).caption().contains("noise"));
  }
}

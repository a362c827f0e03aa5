package semaine.cli.tour;

import static semaine.cli.tour.TourPlots.column;
import static semaine.cli.tour.TourPlots.save;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import semaine.clustering.AgglomerativeClustering;
import semaine.clustering.DBSCAN;
import semaine.clustering.HDBSCAN;
import semaine.clustering.Hierarchy;
import semaine.clustering.KMeans;
import semaine.clustering.OPTICS;
import semaine.data.Datasets;
import semaine.plot.Axes;
import semaine.plot.Figure;
import semaine.preprocessing.StandardScaler;

/**
 * Day 4, other ways to cluster: the book's blobs, two moons and two circles (each standardised,
 * as scikit-learn's clustering comparison does) clustered by k-means, agglomerative clustering
 * (ward and single linkage), DBSCAN and HDBSCAN as small multiples; a dendrogram of 40 of the
 * book's points with the cut that gives the drawn number of groups; the OPTICS reachability plot
 * coloured by cluster; DBSCAN's core, border and noise points.
 */
final class Day4ClusteringFigures {

  /** DBSCAN's radius on standardised data, as scikit-learn's comparison example. */
  static final double EPS = 0.3;

  /** Points of the book's blobs the dendrogram shows (more would crowd the leaf labels). */
  static final int DENDROGRAM_POINTS = 40;

  private Day4ClusteringFigures() {}

  /** The three standardised data sets, with their true number of groups. */
  record Named(String name, double[][] X, int k) {}

  static List<Named> datasets(double[][] book, int kDrawn) {
    double[][] moons = Datasets.makeMoons().nSamples(300).noise(0.05).randomState(0).generate()
        .X();
    double[][] circles = Datasets.makeCircles().nSamples(300).factor(0.5).noise(0.05)
        .randomState(0).generate().X();
    return List.of(new Named("the book's blobs", scale(book), kDrawn),
        new Named("moons", scale(moons), 2), new Named("circles", scale(circles), 2));
  }

  static List<TourFigure> draw(TourContext context, Map<String, Object> numbers, double[][] book,
      int kDrawn) throws IOException {
    List<Named> sets = datasets(book, kDrawn);
    List<TourFigure> figures = new ArrayList<>();
    figures.add(save(context, grid(sets, numbers), "day4-clustering-comparison.png",
        "Five ways to cluster three data sets (rows, each standardised), told the true number of "
            + "groups except DBSCAN (eps = 0.3, min_samples = 5) and HDBSCAN (min_cluster_size = "
            + "15, min_samples = 3), which find it (noise as black crosses). k-means and ward "
            + "look for round groups and cut the moons and the circles across; single linkage, "
            + "DBSCAN and HDBSCAN follow connected shapes, HDBSCAN without a radius to choose."));
    double[][] Z = Hierarchy.linkage(Arrays.copyOf(book, DENDROGRAM_POINTS), "ward", "euclidean");
    double cut = cutHeight(Z, kDrawn);
    int found = Arrays.stream(Hierarchy.fcluster(Z, cut, "distance")).max().orElseThrow();
    numbers.put("dendrogram_cut_height", cut);
    numbers.put("dendrogram_clusters_at_cut", found);
    figures.add(save(context, dendrogram(Z, cut, kDrawn), "day4-dendrogram.png",
        String.format(Locale.ROOT, "Ward's hierarchy of the first %d of the book's points "
            + "(scipy.cluster.hierarchy.linkage, drawn as dendrogram): each ∪ joins two groups "
            + "at the height of the merge's cost. Cutting at %.2f (dashed) leaves %d groups, "
            + "each in its colour.", DENDROGRAM_POINTS, cut, found)));
    OPTICS optics = new OPTICS(10).fit(sets.get(0).X());
    numbers.put("optics_blobs_clusters", Arrays.stream(optics.labels()).max().orElseThrow() + 1);
    figures.add(save(context, reachability(optics, sets.get(0).X()), "day4-optics.png",
        "OPTICS (min_samples = 10) on the book's blobs, standardised: the reachability plot "
            + "(left) lists the points in the order OPTICS visits them, each at the distance at "
            + "which it was reached; valleys are clusters (coloured as xi = 0.05 extracts them, "
            + "noise in black), peaks the jumps between groups. Right: the same colours on the "
            + "points."));
    DBSCAN dbscan = new DBSCAN(EPS).minSamples(5).fit(noisyMoons());
    numbers.put("dbscan_core_points", dbscan.coreSampleIndices().length);
    numbers.put("dbscan_noise_points",
        (int) Arrays.stream(dbscan.labels()).filter(l -> l == -1).count());
    figures.add(save(context, corePoints(dbscan, noisyMoons()), "day4-dbscan-core.png",
        "DBSCAN (eps = 0.3, min_samples = 5) on noisier moons: core points (large) have at "
            + "least 5 points within eps; border points (small) are within eps of a core point "
            + "without being core; the rest is noise (black crosses)."));
    return figures;
  }

  /** Moons with more noise, standardised: DBSCAN then has border and noise points to show. */
  static double[][] noisyMoons() {
    return scale(Datasets.makeMoons().nSamples(200).noise(0.12).randomState(0).generate().X());
  }

  /** The height halfway between the merges that leave k and k − 1 groups. */
  static double cutHeight(double[][] Z, int k) {
    int n = Z.length + 1;
    return (Z[n - k - 1][2] + Z[n - k][2]) / 2;
  }

  private static Figure grid(List<Named> sets, Map<String, Object> numbers) {
    String[] methods = {"k-means", "ward", "single linkage", "DBSCAN", "HDBSCAN"};
    Figure fig = Figure.create(1500, 1000);
    Axes[][] grid = fig.subplots(sets.size(), methods.length);
    List<Object> found = new ArrayList<>();
    List<Object> foundHdbscan = new ArrayList<>();
    for (int r = 0; r < sets.size(); r++) {
      Named set = sets.get(r);
      int[][] labels = {
          new KMeans(set.k()).randomState(0).fit(set.X()).labels(),
          new AgglomerativeClustering(set.k()).linkage("ward").fit(set.X()).labels(),
          new AgglomerativeClustering(set.k()).linkage("single").fit(set.X()).labels(),
          new DBSCAN(EPS).minSamples(5).fit(set.X()).labels(),
          new HDBSCAN(15).minSamples(3).fit(set.X()).labels()};
      for (int c = 0; c < methods.length; c++) {
        clusters(grid[r][c], set.X(), labels[c]);
        int groups = Arrays.stream(labels[c]).max().orElseThrow() + 1;
        grid[r][c].title(methods[c] + ": " + groups + (groups == 1 ? " group" : " groups"));
      }
      grid[r][0].ylabel(set.name());
      found.add(Arrays.stream(labels[3]).max().orElseThrow() + 1);
      foundHdbscan.add(Arrays.stream(labels[4]).max().orElseThrow() + 1);
    }
    numbers.put("dbscan_clusters_blobs_moons_circles", found);
    numbers.put("hdbscan_clusters_blobs_moons_circles", foundHdbscan);
    return fig;
  }

  /** Points coloured by cluster (tab10), noise ({@code -1}) as black crosses. */
  static void clusters(Axes ax, double[][] X, int[] labels) {
    double[][] noise = TourPlots.rows(X, labels, -1);
    int[] inCluster = IntStream.range(0, X.length).filter(i -> labels[i] >= 0).toArray();
    double[][] clustered = Arrays.stream(inCluster).mapToObj(i -> X[i]).toArray(double[][]::new);
    int[] clusterLabels = Arrays.stream(inCluster).map(i -> labels[i] % 10).toArray();
    if (clustered.length > 0) {
      ax.scatter(column(clustered, 0), column(clustered, 1)).c(clusterLabels).cmap("tab10")
          .clim(0, 9).s(10);
    }
    if (noise.length > 0) {
      ax.scatter(column(noise, 0), column(noise, 1)).color("k").marker("x").s(12);
    }
  }

  private static Figure dendrogram(double[][] Z, double cut, int k) {
    Figure fig = Figure.create(1000, 480);
    Axes ax = fig.axes();
    ax.dendrogram(Z).colorThreshold(cut);
    ax.axhline(cut).color("k").linestyle("--").label("cut: " + k + " groups");
    ax.title("Ward's dendrogram of " + DENDROGRAM_POINTS + " of the book's points")
        .xlabel("sample index").ylabel("merge height").legend("upper right");
    return fig;
  }

  private static Figure reachability(OPTICS optics, double[][] X) {
    double[] plot = optics.reachabilityPlot();
    int[] order = optics.ordering();
    int[] labels = optics.labels();
    Figure fig = Figure.create(1100, 440);
    Axes[][] grid = fig.subplots(1, 2);
    Axes left = grid[0][0];
    int clusters = Arrays.stream(labels).max().orElseThrow() + 1;
    for (int c = -1; c < clusters; c++) {
      final int cluster = c;
      int[] at = IntStream.range(0, plot.length)
          .filter(i -> labels[order[i]] == cluster && Double.isFinite(plot[i])).toArray();
      if (at.length == 0) {
        continue;
      }
      double[] xs = Arrays.stream(at).asDoubleStream().toArray();
      double[] hs = Arrays.stream(at).mapToDouble(i -> plot[i]).toArray();
      left.bar(xs, hs).color(cluster < 0 ? "k" : "C" + cluster % 10)
          .label(cluster < 0 ? "noise" : "cluster " + cluster);
    }
    left.title("OPTICS reachability plot").xlabel("points in OPTICS order")
        .ylabel("reachability distance").legend("upper right");
    clusters(grid[0][1], X, labels);
    grid[0][1].title("OPTICS clusters (xi = 0.05)").xlabel("x[:, 0]").ylabel("x[:, 1]");
    return fig;
  }

  private static Figure corePoints(DBSCAN model, double[][] X) {
    int[] labels = model.labels();
    boolean[] core = new boolean[X.length];
    for (int i : model.coreSampleIndices()) {
      core[i] = true;
    }
    int[] coreIdx = IntStream.range(0, X.length).filter(i -> core[i]).toArray();
    int[] borderIdx = IntStream.range(0, X.length).filter(i -> !core[i] && labels[i] >= 0)
        .toArray();
    Figure fig = Figure.create(640, 480);
    Axes ax = fig.axes();
    scatter(ax, X, labels, coreIdx).s(60).edgecolor("k").linewidth(0.5)
        .label(coreIdx.length + " core points");
    scatter(ax, X, labels, borderIdx).s(14).edgecolor("k").linewidth(0.5)
        .label(borderIdx.length + " border points");
    double[][] noise = TourPlots.rows(X, labels, -1);
    ax.scatter(column(noise, 0), column(noise, 1)).color("k").marker("x").s(30)
        .label(noise.length + " noise points");
    ax.title("DBSCAN: core, border and noise points").xlabel("x[:, 0]").ylabel("x[:, 1]")
        .legend("lower left");
    return fig;
  }

  private static semaine.plot.Scatter scatter(Axes ax, double[][] X, int[] labels, int[] idx) {
    double[][] pts = TourPlots.take(X, idx);
    int[] colours = Arrays.stream(idx).map(i -> labels[i] % 10).toArray();
    return ax.scatter(column(pts, 0), column(pts, 1)).c(colours).cmap("tab10").clim(0, 9);
  }

  private static double[][] scale(double[][] X) {
    return new StandardScaler().fitTransform(X);
  }
}

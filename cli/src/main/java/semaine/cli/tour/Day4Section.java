package semaine.cli.tour;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import semaine.clustering.ElbowMethod;
import semaine.clustering.KMeans;
import semaine.data.Datasets;
import semaine.metrics.ClusteringMetrics;
import semaine.random.RandomState;

/**
 * Day 4: clustering. The book's listing: from {@code np.random.seed(0)}, k drawn by
 * {@code choice}, 200 blobs, k-means for K = 1..9 (the inertia shrinking, the elbow found by
 * Kneedle), then the final {@code KMeans(4)}, all from one shared stream as the global
 * {@code np.random}; the same inertias as scikit-learn 1.9.
 */
final class Day4Section implements TourSection {

  /**
   * The book's listing, run: the k drawn, the 200 samples, k-means for K = 1..9 and the final
   * {@code KMeans(4)}.
   */
  record Book(int k, double[][] X, ElbowMethod elbow, KMeans last) {

    /** Runs the listing from {@code np.random.seed(0)}, one stream shared as the global one. */
    static Book run() {
      RandomState rng = new RandomState(0);
      int k = rng.choice(new int[] {2, 3, 4, 5, 6, 7, 8});
      double[][] X = Datasets.makeBlobs().nSamples(200).centers(k).nFeatures(2).clusterStd(0.5)
          .randomState(rng).generate().X();
      ElbowMethod elbow = new ElbowMethod(1, 9).randomState(rng).fit(X);
      KMeans last = new KMeans(4).randomState(rng).fit(X);
      return new Book(k, X, elbow, last);
    }
  }

  @Override
  public int day() {
    return 4;
  }

  @Override
  public String title() {
    return "Clustering: k-means and the elbow method";
  }

  @Override
  public SectionResult run(TourContext context) throws IOException {
    Book book = Book.run();
    int k = book.k();
    double[][] X = book.X();
    ElbowMethod elbow = book.elbow();
    KMeans last = book.last();
    context.log("k-means for K = 1..9: " + elbow.note());

    List<List<Object>> rows = new ArrayList<>();
    int[] ks = elbow.ks();
    double[] inertias = elbow.inertias();
    for (int i = 0; i < ks.length; i++) {
      boolean marked = elbow.elbow().isPresent() && elbow.elbow().getAsInt() == ks[i];
      rows.add(List.of(ks[i], inertias[i], marked ? "elbow" : ""));
    }
    int[] sizes = new int[4];
    for (int label : last.labels()) {
      sizes[label]++;
    }
    Map<String, Object> numbers = new LinkedHashMap<>();
    numbers.put("k_drawn", k);
    numbers.put("inertias", inertias);
    numbers.put("elbow", elbow.elbow().isPresent() ? elbow.elbow().getAsInt() : null);
    numbers.put("kmeans4_inertia", last.inertia());
    numbers.put("kmeans4_n_iter", last.nIter());
    numbers.put("kmeans4_cluster_sizes", sizes);
    numbers.put("kmeans4_silhouette", ClusteringMetrics.silhouetteScore(X, last.labels()));
    List<TourFigure> figures = new ArrayList<>(Day4Figures.draw(context, X, k, elbow, last));
    figures.addAll(Day4ClusteringFigures.draw(context, numbers, X, k));
    context.log("drew " + figures.size() + " figures");
    return SectionResult.of(numbers)
        .withTable(new Table("The variance inside the clusters (inertia) for K = 1..9",
            List.of("K", "inertia", ""), rows))
        .withFigures(figures)
        .withHtml("<p>k-means places K centres and moves each to the mean of the samples closest "
            + "to it until nothing changes. The inertia (sum of squared distances to the closest "
            + "centre) always falls as K grows; the <em>elbow</em>, where it stops falling fast, "
            + "suggests a K. The listing drew k = " + k + " blobs; Kneedle puts the elbow at "
            + (elbow.elbow().isPresent() ? "K = " + elbow.elbow().getAsInt() : "no clear K")
            + ": the blobs lie at very different distances from one another, and the first "
            + "centres, which separate far-apart groups, remove most of the inertia.</p>"
            + "<p>Other ways to cluster: agglomerative clustering merges the two closest groups "
            + "again and again (ward: the merge that adds the least variance; single: the "
            + "closest pair of points), and the dendrogram records every merge; DBSCAN grows "
            + "clusters from core points that have enough neighbours within eps and calls the "
            + "rest noise; OPTICS orders the points so that clusters at every density show as "
            + "valleys.</p>");
  }
}

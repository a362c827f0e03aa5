import java.util.List;
import java.util.Map;
import semaine.classification.KNeighborsClassifier;
import semaine.data.Datasets;
import semaine.decomposition.PCA;
import semaine.ensemble.RandomForestClassifier;
import semaine.random.RandomState;
import semaine.selection.GridSearchCV;

/**
 * semaine's side of bench/compare-search-pca: the workloads, each timed on its first call
 * in this fresh JVM and then warm (best of 3), printed as "label first warm" lines; the system
 * property {@code rows} keeps only the labels that contain it.
 */
public class SearchPcaTiming {

  public static void main(String[] args) {
    var blobs = Datasets.makeBlobs().nSamples(20_000).centers(5).nFeatures(20).clusterStd(4.0)
        .randomState(0).generate();
    double[][] Xs = blobs.X();
    int[] ys = blobs.y();
    Map<String, List<?>> grid = Map.of("n_neighbors", List.of(1, 3, 5, 7, 9, 11, 13, 15),
        "weights", List.of("uniform", "distance"));
    time("GridSearchCV k-NN 8x2, 5 folds, 20000x20, n_jobs=-1", () ->
        new GridSearchCV(new KNeighborsClassifier(), grid).cv(5).nJobs(-1).fit(Xs, ys));
    var forestBlobs = Datasets.makeBlobs().nSamples(10_000).centers(5).nFeatures(20)
        .clusterStd(4.0).randomState(0).generate();
    double[][] Xf = forestBlobs.X();
    int[] yf = forestBlobs.y();
    Map<String, List<?>> forestGrid = Map.of("n_estimators", List.of(10, 30),
        "max_depth", java.util.Arrays.asList(null, 8, 16), "max_features", List.of("sqrt", "log2"));
    time("GridSearchCV forest 12 points, 5 folds, 10000x20, n_jobs=-1", () ->
        new GridSearchCV(new RandomForestClassifier().randomState(0), forestGrid).cv(5).nJobs(-1)
            .fit(Xf, yf));
    double[][] X = new RandomState(0).randn(100_000, 100);
    time("PCA 100000x100 -> 10, full", () -> new PCA(10).svdSolver("full").fit(X));
    time("PCA 100000x100 -> 10, randomized", () ->
        new PCA(10).svdSolver("randomized").randomState(0).fit(X));
  }

  static void time(String label, Runnable work) {
    if (!label.contains(System.getProperty("rows", ""))) {
      return;
    }
    long t0 = System.nanoTime();
    work.run();
    double first = (System.nanoTime() - t0) / 1e9;
    double best = Double.POSITIVE_INFINITY;
    for (int i = 0; i < Integer.getInteger("repeats", 3); i++) {
      long t = System.nanoTime();
      work.run();
      best = Math.min(best, (System.nanoTime() - t) / 1e9);
    }
    System.out.printf(java.util.Locale.ROOT, "%s\t%.3f\t%.3f%n", label, first, best);
  }
}

// Day 4, other ways to cluster: DBSCAN finds the two moons that k-means cuts across.
//
// The book has no listing here; this program is semaine's. DBSCAN(eps=0.3, min_samples=5) on
// standardised moons: a core point has at least 5 points within 0.3 of it (itself included);
// clusters grow from core points to everything within eps; the rest is noise (label -1). It
// is not told the number of clusters. KMeans(2) on the same points, told the number, still cuts
// each moon in two halves: it looks for round groups.
//
// Run: java --class-path cli/target/semaine.jar examples/day4/Dbscan.java
//  or: ./semaine example dbscan
import semaine.clustering.DBSCAN;
import semaine.clustering.KMeans;
import semaine.data.Datasets;
import semaine.plot.Figure;
import semaine.preprocessing.StandardScaler;
import semaine.util.Listing;

void main() {
  var moons = Datasets.makeMoons().nSamples(300).noise(0.08).randomState(0).generate();
  double[][] X = new StandardScaler().fitTransform(moons.X()); // StandardScaler().fit_transform(X)

  var dbscan = new DBSCAN(0.3).minSamples(5).fit(X);          // DBSCAN(eps=0.3, min_samples=5)
  int[] labels = dbscan.labels();
  Listing.show("clusters", Arrays.stream(labels).max().orElse(-1) + 1);
  Listing.show("core points", dbscan.coreSampleIndices().length);
  Listing.show("noise points", Arrays.stream(labels).filter(l -> l == -1).count());
  Listing.show("DBSCAN: points of each moon per cluster", perCluster(moons.y(), labels));

  var kmeans = new KMeans(2).randomState(0).fit(X);           // KMeans(n_clusters=2)
  Listing.show("k-means: points of each moon per cluster", perCluster(moons.y(), kmeans.labels()));

  var fig = Figure.create(1000, 420);
  var axes = fig.subplots(1, 2);
  axes[0][0].scatter(column(X, 0), column(X, 1)).c(labels).cmap("tab10").clim(0, 9);
  axes[0][0].title("DBSCAN(eps=0.3, min_samples=5)");
  axes[0][1].scatter(column(X, 0), column(X, 1)).c(kmeans.labels()).cmap("tab10").clim(0, 9);
  axes[0][1].title("KMeans(n_clusters=2)");
  fig.savefig(Listing.output("day4-dbscan.png"));
}

/** counts[c][m]: how many points of moon m cluster c holds (noise left out). */
int[][] perCluster(int[] moon, int[] cluster) {
  int[][] counts = new int[Arrays.stream(cluster).max().orElse(-1) + 1][2];
  for (int i = 0; i < moon.length; i++) {
    if (cluster[i] >= 0) {
      counts[cluster[i]][moon[i]]++;
    }
  }
  return counts;
}

/** X[:, j], a column of a matrix. */
double[] column(double[][] X, int j) {
  return Arrays.stream(X).mapToDouble(row -> row[j]).toArray();
}

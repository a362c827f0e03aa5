// Day 4 — k-means and the elbow method.
//
// Python (the book; no random_state anywhere: everything draws from the global stream):
//   np.random.seed(0)
//   k = np.random.choice([2, 3, 4, 5, 6, 7, 8])
//   X, _ = make_blobs(n_samples=200, centers=k, n_features=2, cluster_std=0.5)
//   inertia = []
//   for k in range(1, 10):
//       model = KMeans(n_clusters=k).fit(X)
//       inertia.append(model.inertia_)
//   plt.plot(range(1, 10), inertia)
//   plt.xlabel("K"); plt.ylabel("inertia")
//   plt.savefig("day4-elbow.png")
//   model = KMeans(n_clusters=4)
//   model.fit(X)
//   predictions = model.predict(X)
//   plt.figure()
//   plt.scatter(X[:, 0], X[:, 1], c=predictions)
//   centers = model.cluster_centers_
//   plt.scatter(centers[:, 0], centers[:, 1], c="r", marker="x", s=200, linewidths=3)
//   plt.savefig("day4-kmeans.png")
//
// The global np.random becomes one RandomState passed to everything, in the same order.
// Run: java --class-path cli/target/semaine.jar examples/day4/KMeansElbow.java
//  or: ./semaine example kmeans-elbow

import semaine.clustering.KMeans;
import semaine.clustering.Kneedle;
import semaine.data.Datasets;
import semaine.plot.Figure;
import semaine.random.RandomState;
import semaine.util.Listing;

void main() {
  var rng = new RandomState(Listing.seed(0));                    // np.random.seed(0)
  int k = rng.choice(new int[] {2, 3, 4, 5, 6, 7, 8});           // np.random.choice([2..8])
  Listing.show("k", k);
  double[][] X = Datasets.makeBlobs().nSamples(200).centers(k).nFeatures(2).clusterStd(0.5)
      .randomState(rng).generate().X();                          // make_blobs(...)

  double[] inertia = new double[9];
  double[] ks = new double[9];
  for (int c = 1; c <= 9; c++) {                                 // for k in range(1, 10):
    var model = new KMeans(c).randomState(rng).fit(X);           //   KMeans(n_clusters=k).fit(X)
    inertia[c - 1] = model.inertia();                            //   inertia.append(model.inertia_)
    ks[c - 1] = c;
  }
  Listing.show("inertia", inertia);
  var knee = Kneedle.knee(ks, inertia);                          // the elbow of the curve
  Listing.show("elbow (Kneedle)", knee.isPresent() ? (int) ks[knee.getAsInt()] : "none");

  var fig = Figure.create(640, 480);
  var ax = fig.axes();
  ax.plot(ks, inertia);                                          // plt.plot(range(1, 10), inertia)
  ax.xlabel("K").ylabel("inertia");                              // plt.xlabel(..); plt.ylabel(..)
  fig.savefig(Listing.output("day4-elbow.png"));                 // plt.savefig("day4-elbow.png")

  var model = new KMeans(4).randomState(rng);                    // model = KMeans(n_clusters=4)
  model.fit(X);                                                  // model.fit(X)
  int[] predictions = model.predict(X);                          // model.predict(X)
  Listing.show("predictions[:10]", Arrays.copyOf(predictions, 10));
  Listing.show("inertia_ (k=4)", model.inertia());
  Listing.show("cluster_centers_", model.clusterCenters());

  fig = Figure.create(640, 480);                                 // plt.figure()
  ax = fig.axes();
  ax.scatter(column(X, 0), column(X, 1)).c(predictions);         // plt.scatter(.., c=predictions)
  double[][] centers = model.clusterCenters();                   // centers = model.cluster_centers_
  ax.scatter(column(centers, 0), column(centers, 1))             // plt.scatter(centers[:, 0], ..
      .color("r").marker("x").s(200).linewidth(3);               //   c="r", marker="x", ...)
  fig.savefig(Listing.output("day4-kmeans.png"));                // plt.savefig("day4-kmeans.png")
}

/** X[:, j], a column of a matrix. */
double[] column(double[][] X, int j) {
  return Arrays.stream(X).mapToDouble(row -> row[j]).toArray();
}

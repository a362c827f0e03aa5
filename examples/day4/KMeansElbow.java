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
//   model = KMeans(n_clusters=4)
//   model.fit(X)
//   predictions = model.predict(X)
//
// The global np.random becomes one RandomState passed to everything, in the same order.
// Run: java --class-path cli/target/semaine.jar examples/day4/KMeansElbow.java
//  or: ./semaine example kmeans-elbow

import semaine.clustering.KMeans;
import semaine.clustering.Kneedle;
import semaine.data.Datasets;
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

  var model = new KMeans(4).randomState(rng);                    // model = KMeans(n_clusters=4)
  model.fit(X);                                                  // model.fit(X)
  int[] predictions = model.predict(X);                          // model.predict(X)
  Listing.show("predictions[:10]", Arrays.copyOf(predictions, 10));
  Listing.show("inertia_ (k=4)", model.inertia());
  Listing.show("cluster_centers_", model.clusterCenters());
}

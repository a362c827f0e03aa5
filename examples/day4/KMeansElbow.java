// Day 4: k-means and the elbow method.
//
// The book's listing, as semaine's record of it reads (shared/reference/book.json,
// listings.day4_kmeans.listing, one statement a line where the record joins them with "; "):
//   np.random.seed(0)
//   k=np.random.choice([2..8])
//   X,_=make_blobs(n_samples=200,centers=k,n_features=2,cluster_std=0.5) (global RNG)
//   for k in 1..9: KMeans(n_clusters=k).fit(X).inertia_ (global RNG, sklearn>=1.4 defaults)
//   then KMeans(n_clusters=4).fit(X)
//
// No random_state anywhere: everything draws from NumPy's global stream, which becomes one
// RandomState passed to everything in the same order. The record's np.random.seed(0) is the seed
// its numbers were made with: the book itself seeds nothing here (issue 15), so k, the blobs and
// the clusterings change from run to run. This port does the same: without --seed the stream
// starts from a fresh, unrepeatable seed; `./semaine example kmeans-elbow --seed 0` is
// np.random.seed(0) and gives the record's numbers.
// The elbow found by the Kneedle method is semaine's addition (the book reads it off the figure).
// The figures (the inertia against K, then the four clusters and their centres) are saved where
// the book shows them; the record names none, so their styles are semaine's.
//
// Run: java --class-path cli/target/semaine.jar examples/day4/KMeansElbow.java
//  or: ./semaine example kmeans-elbow [--seed 0]

import semaine.clustering.KMeans;
import semaine.clustering.Kneedle;
import semaine.data.Datasets;
import semaine.plot.Figure;
import semaine.util.Listing;

void main() {
  var rng = Listing.unseededRandomState();                       // np.random: no seed in the book
  int k = rng.choice(new int[] {2, 3, 4, 5, 6, 7, 8});           // k=np.random.choice([2..8])
  Listing.show("k", k);
  double[][] X = Datasets.makeBlobs().nSamples(200).centers(k).nFeatures(2).clusterStd(0.5)
      .randomState(rng).generate().X();                          // X,_=make_blobs(...)

  double[] inertia = new double[9];
  double[] ks = new double[9];
  for (int c = 1; c <= 9; c++) {                                 // for k in 1..9:
    var model = new KMeans(c).randomState(rng).fit(X);           //   KMeans(n_clusters=k).fit(X)
    inertia[c - 1] = model.inertia();                            //   .inertia_
    ks[c - 1] = c;
  }
  Listing.show("inertia", inertia);
  var knee = Kneedle.knee(ks, inertia);                          // semaine's addition
  Listing.show("elbow (Kneedle)", knee.isPresent() ? (int) ks[knee.getAsInt()] : "none");

  var fig = Figure.create(640, 480);
  var ax = fig.axes();
  ax.plot(ks, inertia);                                          // the inertia against K
  ax.xlabel("K").ylabel("inertia");
  fig.savefig(Listing.output("day4-elbow.png"));

  var model = new KMeans(4).randomState(rng);                    // then KMeans(n_clusters=4)
  model.fit(X);                                                  //   .fit(X)
  int[] predictions = model.predict(X);
  Listing.show("predictions[:10]", Arrays.copyOf(predictions, 10));
  Listing.show("inertia_ (k=4)", model.inertia());
  Listing.show("cluster_centers_", model.clusterCenters());

  fig = Figure.create(640, 480);                                 // the clusters and their centres
  ax = fig.axes();
  ax.scatter(column(X, 0), column(X, 1)).c(predictions);
  double[][] centers = model.clusterCenters();
  ax.scatter(column(centers, 0), column(centers, 1))
      .color("r").marker("x").s(200).linewidth(3);
  fig.savefig(Listing.output("day4-kmeans.png"));
}

/** X[:, j], a column of a matrix. */
double[] column(double[][] X, int j) {
  return Arrays.stream(X).mapToDouble(row -> row[j]).toArray();
}

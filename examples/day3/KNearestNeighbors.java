// Day 3 of the book: k nearest neighbours on two blobs, ten unknown points to classify.
//
// Python (the book):
//   np.random.seed(0)
//   X, y = make_blobs(n_samples=50, centers=2, n_features=2, random_state=0, cluster_std=1)
//   X_new = np.random.uniform(low=X.min(), high=X.max(), size=(10, 2))
//   model = KNeighborsClassifier(n_neighbors=3)
//   model.fit(X, y)
//   predictions = model.predict(X_new)
//
//   plt.scatter(X[:, 0], X[:, 1], c=y, cmap="bwr")
//   plt.scatter(X_new[:, 0], X_new[:, 1], c=predictions, cmap="bwr", vmin=0, vmax=1, marker="D",
//               s=80, edgecolors="k")
//   plt.savefig("day3-knn.png")
import semaine.classification.KNeighborsClassifier;
import semaine.data.Blobs;
import semaine.data.Datasets;
import semaine.plot.Figure;
import semaine.random.RandomState;
import semaine.util.Listing;

void main() {
  long seed = Listing.seed(0);
  var random = new RandomState(seed);                         // np.random.seed(0)
  Blobs blobs = Datasets.makeBlobs().nSamples(50).centers(2).nFeatures(2)
      .randomState(0).clusterStd(1).generate();
  double[][] X = blobs.X();
  int[] y = blobs.y();
  double low = Arrays.stream(X).flatMapToDouble(Arrays::stream).min().orElseThrow();
  double high = Arrays.stream(X).flatMapToDouble(Arrays::stream).max().orElseThrow();
  double[][] XNew = random.uniform(low, high, 10, 2);

  var model = new KNeighborsClassifier(3);
  model.fit(X, y);
  int[] predictions = model.predict(XNew);

  Listing.show("X_new", XNew);
  Listing.show("predictions", predictions);
  Listing.show("proba", model.predictProba(XNew));

  var fig = Figure.create(640, 480);
  var ax = fig.axes();
  ax.scatter(column(X, 0), column(X, 1)).c(y).cmap("bwr");
  ax.scatter(column(XNew, 0), column(XNew, 1)).c(predictions).cmap("bwr").clim(0, 1).marker("D")
      .s(80).edgecolor("k");
  fig.savefig(Listing.output("day3-knn.png"));
}

/** X[:, j], a column of a matrix. */
double[] column(double[][] X, int j) {
  return Arrays.stream(X).mapToDouble(row -> row[j]).toArray();
}

// Day 3 of the book: k nearest neighbours on two blobs, ten unknown points to classify.
//
// The book's listing, as semaine's record of it reads (shared/reference/book.json,
// listings.day3_knn.listing, one statement a line where the record joins them with "; "):
//   np.random.seed(0)
//   X,y=make_blobs(n_samples=50,centers=2,n_features=2,random_state=0,cluster_std=1)
//   X_new=np.random.uniform(low=X.min(),high=X.max(),size=(10,2))
//   KNeighborsClassifier(n_neighbors=3).fit(X,y).predict(X_new)
//
// The record's np.random.seed(0) is the seed its numbers were made with: the book itself seeds
// nothing here (issue 15), so X_new differs on every run of the book's code. This port does the
// same: without --seed it draws X_new from a fresh, unrepeatable seed; `./semaine example knn
// --seed 0` is np.random.seed(0) and gives the record's numbers. make_blobs has its own
// random_state=0, so X and y are always the same.
// The record names no figure. Issue 15 (read with the book open) describes two: the blobs with the
// new points in white with a black edge, before they are classified; then the blobs with
// alpha=0.4 and the new points coloured by their predicted class, in default colours (viridis).
// Figures are saved where the book shows them.
//
// Run: java --class-path cli/target/semaine.jar examples/day3/KNearestNeighbors.java
//  or: ./semaine example knn [--seed 0]
import semaine.classification.KNeighborsClassifier;
import semaine.data.Blobs;
import semaine.data.Datasets;
import semaine.plot.Figure;
import semaine.util.Listing;

void main() {
  var random = Listing.unseededRandomState();                 // np.random: no seed in the book
  Blobs blobs = Datasets.makeBlobs().nSamples(50).centers(2).nFeatures(2)
      .randomState(0).clusterStd(1).generate();               // X,y=make_blobs(...)
  double[][] X = blobs.X();
  int[] y = blobs.y();
  double low = Arrays.stream(X).flatMapToDouble(Arrays::stream).min().orElseThrow();
  double high = Arrays.stream(X).flatMapToDouble(Arrays::stream).max().orElseThrow();
  double[][] XNew = random.uniform(low, high, 10, 2);         // X_new=np.random.uniform(...)
  Listing.show("X_new", XNew);

  var fig = Figure.create(640, 480);                          // the new points, unclassified
  var ax = fig.axes();
  ax.scatter(column(X, 0), column(X, 1)).c(y);
  ax.scatter(column(XNew, 0), column(XNew, 1)).color("white").edgecolor("k");
  fig.savefig(Listing.output("day3-new-points.png"));

  var model = new KNeighborsClassifier(3);                    // KNeighborsClassifier(n_neighbors=3)
  model.fit(X, y);                                            //   .fit(X,y)
  int[] predictions = model.predict(XNew);                    //   .predict(X_new)
  Listing.show("predictions", predictions);
  Listing.show("proba", model.predictProba(XNew));

  fig = Figure.create(640, 480);                              // the new points, classified
  ax = fig.axes();
  ax.scatter(column(X, 0), column(X, 1)).c(y).alpha(0.4);
  ax.scatter(column(XNew, 0), column(XNew, 1)).c(predictions);
  fig.savefig(Listing.output("day3-knn.png"));
}

/** X[:, j], a column of a matrix. */
double[] column(double[][] X, int j) {
  return Arrays.stream(X).mapToDouble(row -> row[j]).toArray();
}

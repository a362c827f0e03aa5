// Day 5 of the book: anomaly detection with the Local Outlier Factor. Thirty points around the
// origin and one odd point; half of them declared outliers (contamination=0.5).
//
// The book's listing, as semaine's record of it reads (shared/reference/book.json,
// listings.day5_lof.listing, one statement a line where the record joins them with "; "):
//   np.random.seed(0)
//   X=randn(30,2)*0.2
//   X=concatenate((X,[[2,0.5]]))
//   LocalOutlierFactor(n_neighbors=20,contamination=0.5).fit_predict(X)
//
// The record names no figure. Issue 15 (read with the book open) says the book draws two: the
// points alone first, then the points coloured by prediction with cmap="bwr" (-1, an outlier, in
// blue; 1 in red), both with fixed xlim / ylim. Neither the record nor the issue gives the limits'
// values, so this port leaves the axes to fit the data rather than invent numbers. Figures are
// saved where the book shows them.
//
// Run: java --class-path cli/target/semaine.jar examples/day5/LocalOutlierFactor.java
//  or: ./semaine example lof

import semaine.plot.Axes;
import semaine.plot.Figure;
import semaine.random.RandomState;
import semaine.util.Listing;

void main() {
  long seed = Listing.seed(0);
  var random = new RandomState(seed);                   // np.random.seed(0)
  double[][] X = new double[31][];
  double[][] cloud = random.randn(30, 2);               // X=randn(30,2)*0.2
  for (int i = 0; i < 30; i++) {
    X[i] = new double[] {cloud[i][0] * 0.2, cloud[i][1] * 0.2};
  }
  X[30] = new double[] {2, 0.5};                        // X=concatenate((X,[[2,0.5]]))

  Figure fig = Figure.create(640, 480);                 // the points alone
  fig.axes().scatter(column(X, 0), column(X, 1));
  fig.savefig(Listing.output("lof-data.png"));

  var model = new semaine.anomaly.LocalOutlierFactor(20).contamination(0.5);
  int[] predictions = model.fitPredict(X);              // .fit_predict(X)

  Listing.show("predictions", predictions);
  Listing.show("negative_outlier_factor_", model.negativeOutlierFactor());
  Listing.show("offset_", model.offset());

  fig = Figure.create(640, 480);                        // the points coloured by prediction
  Axes ax = fig.axes();
  ax.scatter(column(X, 0), column(X, 1)).c(predictions).cmap("bwr");
  ax.title("LocalOutlierFactor(n_neighbors=20, contamination=0.5)");
  fig.savefig(Listing.output("lof.png"));
}

/** X[:, j], a column of a matrix. */
double[] column(double[][] X, int j) {
  return Arrays.stream(X).mapToDouble(row -> row[j]).toArray();
}

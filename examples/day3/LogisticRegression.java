// Day 3 beyond k-NN: logistic regression on the book's two blobs, then on iris.
//
// The book has no listing here; this program is semaine's. It asks the question of the k-NN
// listing (make_blobs(n_samples=50, centers=2, random_state=0, cluster_std=1)) of a linear model:
// LogisticRegression() learns a weight per feature and an intercept, and turns the score
// w·x + b into a probability with the sigmoid 1 / (1 + e^(-z)). The regions it draws are two
// half-planes, split where predict_proba is 0.5.
//
// Run: java --class-path cli/target/semaine.jar examples/day3/LogisticRegression.java
//  or: ./semaine example logistic-regression
import semaine.data.Datasets;
import semaine.plot.Figure;
import semaine.selection.TrainTestSplit;
import semaine.util.Listing;

void main() {
  var blobs = Datasets.makeBlobs().nSamples(50).centers(2).nFeatures(2)
      .randomState(0).clusterStd(1).generate();
  double[][] X = blobs.X();
  int[] y = blobs.y();
  var model = new semaine.classification.LogisticRegression()
      .fit(X, y);                                             // LogisticRegression().fit(X, y)
  Listing.show("coef_", model.coef());
  Listing.show("intercept_", model.intercept());
  Listing.show("training accuracy", model.score(X, y));

  double[][] XNew = {{0, 4}, {1.5, 2.5}, {2, 0}};             // three new points
  Listing.show("predict", model.predict(XNew));
  Listing.show("predict_proba", model.predictProba(XNew));

  var fig = Figure.create(640, 480);                          // the regions and the 0.5 line
  var ax = fig.axes();
  ax.decisionRegions(model::predict, -3, 5, -2, 7).cmap("bwr").clim(0, 1);
  ax.scatter(column(X, 0), column(X, 1)).c(y).cmap("bwr").clim(0, 1).edgecolor("k");
  double[] xs = linspace(-3, 5, 100);
  double[] ys = linspace(-2, 7, 100);
  double[][] Z = new double[ys.length][xs.length];
  for (int i = 0; i < ys.length; i++) {
    for (int j = 0; j < xs.length; j++) {
      Z[i][j] = model.predictProba(new double[][] {{xs[j], ys[i]}})[0][1];
    }
  }
  ax.contour(xs, ys, Z, new double[] {0.5}).color("k").linewidth(2);
  ax.title("LogisticRegression: predict_proba = 0.5");
  fig.savefig(Listing.output("day3-logistic-regression.png"));

  var iris = Datasets.loadIris();                             // three classes: multinomial
  var split = TrainTestSplit.of(iris.X(), iris.labels()).randomState(0).split();
  var irisModel = new semaine.classification.LogisticRegression().maxIter(1000)
      .fit(split.XTrain(), split.yTrain());
  Listing.show("iris test accuracy", irisModel.score(split.XTest(), split.yTest()));
}

/** X[:, j], a column of a matrix. */
double[] column(double[][] X, int j) {
  return Arrays.stream(X).mapToDouble(row -> row[j]).toArray();
}

/** np.linspace(low, high, n). */
double[] linspace(double low, double high, int n) {
  return IntStream.range(0, n).mapToDouble(i -> low + (high - low) * i / (n - 1)).toArray();
}

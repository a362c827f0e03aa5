// Day 5 of the book: anomaly detection with the Local Outlier Factor. Thirty points around the
// origin and one odd point; half of them declared outliers (contamination=0.5).
//
// Python (the book):
//   np.random.seed(0)
//   X = np.random.randn(30, 2) * 0.2
//   X = np.concatenate((X, [[2, 0.5]]))
//   model = LocalOutlierFactor(n_neighbors=20, contamination=0.5)
//   predictions = model.fit_predict(X)
//   plt.scatter(X[:, 0], X[:, 1], c=predictions)
import semaine.plot.Axes;
import semaine.plot.Figure;
import semaine.random.RandomState;
import semaine.util.Listing;

void main() {
  long seed = Listing.seed(0);
  var random = new RandomState(seed);                   // np.random.seed(0)
  double[][] X = new double[31][];
  double[][] cloud = random.randn(30, 2);
  for (int i = 0; i < 30; i++) {
    X[i] = new double[] {cloud[i][0] * 0.2, cloud[i][1] * 0.2};
  }
  X[30] = new double[] {2, 0.5};

  var model = new semaine.anomaly.LocalOutlierFactor(20).contamination(0.5);
  int[] predictions = model.fitPredict(X);

  Listing.show("predictions", predictions);
  Listing.show("negative_outlier_factor_", model.negativeOutlierFactor());
  Listing.show("offset_", model.offset());

  double[] x0 = new double[X.length];
  double[] x1 = new double[X.length];
  for (int i = 0; i < X.length; i++) {
    x0[i] = X[i][0];
    x1[i] = X[i][1];
  }
  Figure fig = Figure.create(640, 480);
  Axes ax = fig.axes();
  ax.scatter(x0, x1).c(predictions);                    // plt.scatter(X[:, 0], X[:, 1], c=predictions)
  ax.title("LocalOutlierFactor(n_neighbors=20, contamination=0.5)");
  fig.savefig(Listing.output("lof.png"));
}

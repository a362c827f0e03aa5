// Day 2, the book's listing: least squares on 50 points around y = 1.5 x + 3, and its figure.
//
//   np.random.seed(0)
//   m = 50
//   X = np.random.randn(m).reshape(-1, 1)
//   y = 1.5 * X + 3 + np.random.randn(m).reshape(-1, 1)
//   model = LinearRegression()
//   model.fit(X, y)
//   model.coef_, model.intercept_
//
//   plt.scatter(X, y)
//   plt.plot(X, model.predict(X), c="r")
//   plt.savefig("day2-regression.png")

import semaine.plot.Figure;
import semaine.random.RandomState;
import semaine.regression.LinearRegression;
import semaine.util.Listing;

void main() {
  var random = new RandomState(Listing.seed(0));
  int m = 50;
  double[][] X = random.randn(m, 1);
  double[][] noise = random.randn(m, 1);
  double[] y = new double[m];
  for (int i = 0; i < m; i++) {
    y[i] = 1.5 * X[i][0] + 3 + noise[i][0];
  }

  var model = new LinearRegression();
  model.fit(X, y);
  Listing.show("coef", model.coef());
  Listing.show("intercept", model.intercept());
  Listing.show("r2", model.score(X, y));
  Listing.show("predict([[0], [1]])", model.predict(new double[][] {{0}, {1}}));

  var fig = Figure.create(640, 480);
  var ax = fig.axes();
  ax.scatter(column(X, 0), y);
  ax.plot(column(X, 0), model.predict(X)).color("r");
  fig.savefig(Listing.output("day2-regression.png"));
}

/** X[:, j], a column of a matrix. */
double[] column(double[][] X, int j) {
  return Arrays.stream(X).mapToDouble(row -> row[j]).toArray();
}

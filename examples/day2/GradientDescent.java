// Day 2, the explanation: the same line found by gradient descent on the book's data.
//
// The book has no listing here; this program is semaine's. It runs the algorithm the chapter
// explains in words and formulas on the data of the day 2 listing (examples/day2/Regression.java):
//
//   loss(w, b) = 1/(2m) Σ (w x_i + b - y_i)²
//   repeat:  w <- w - learning_rate * dL/dw
//            b <- b - learning_rate * dL/db
//
// The start point is drawn from the same stream as the data (w = randn(), then b = randn()), as
// the book's global np.random would give it.

import semaine.random.RandomState;
import semaine.regression.DescentStep;
import semaine.regression.GradientDescentRegressor;
import semaine.regression.LossSurface;
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

  var model = new GradientDescentRegressor(0.1).maxIter(1000).tol(1e-12).randomState(random);
  model.fit(X, y);
  var history = model.history();
  DescentStep start = history.get(0);
  Listing.show("start w", start.w()[0]);
  Listing.show("start b", start.b());
  Listing.show("start loss", start.loss());
  Listing.show("loss after 10 steps", history.get(10).loss());
  Listing.show("n_iter", model.nIter());
  Listing.show("w", model.coef()[0]);
  Listing.show("b", model.intercept());
  Listing.show("loss", model.loss());
  Listing.show("loss at (1.5, 3)", LossSurface.meanSquaredLoss(X, y, new double[] {1.5}, 3));
  Listing.show("r2", model.score(X, y));
}

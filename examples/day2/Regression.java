// Day 2, the book's listing: least squares on 50 points around y = 1.5 x + 3, and its figures.
//
// The book's listing, as semaine's record of it reads (shared/reference/book.json,
// listings.day2_regression.listing, one statement a line where the record joins them with "; "):
//   np.random.seed(0)
//   m=50
//   X=randn(m).reshape(-1,1)
//   y=1.5*X+3+randn(m).reshape(-1,1)
//   LinearRegression().fit(X,y)
//   predict(linspace(-3,3))
//
// The record is a summary, not the book's typography. Issue 15 (read with the book open) adds what
// it leaves out: a first figure with the points alone, then new_data = np.linspace(-3, 3),
// model.predict(new_data) and the line drawn over new_data. np.linspace(-3, 3) is 50 numbers in a
// row; scikit-learn's predict wants a column (a 1-D X raises "Expected 2D array"), so the record's
// numbers, and this port, predict the 50 values as a column. The record names no style: the line is
// drawn red, as semaine drew it before. Figures are saved where the book shows them (plt.show()).
//
// Run: java --class-path cli/target/semaine.jar examples/day2/Regression.java
//  or: ./semaine example regression

import semaine.plot.Figure;
import semaine.random.RandomState;
import semaine.regression.LinearRegression;
import semaine.util.Listing;

void main() {
  var random = new RandomState(Listing.seed(0));           // np.random.seed(0)
  int m = 50;                                              // m=50
  double[][] X = random.randn(m, 1);                       // X=randn(m).reshape(-1,1)
  double[][] noise = random.randn(m, 1);                   // y=1.5*X+3+randn(m).reshape(-1,1)
  double[][] y = new double[m][];                          // a column too, as in the book
  for (int i = 0; i < m; i++) {
    y[i] = new double[] {1.5 * X[i][0] + 3 + noise[i][0]};
  }

  var fig = Figure.create(640, 480);                       // the points alone
  fig.axes().scatter(column(X, 0), column(y, 0));          // plt.scatter(X, y)
  fig.savefig(Listing.output("day2-data.png"));

  var model = new LinearRegression();                      // model = LinearRegression()
  model.fit(X, y);                                         // model.fit(X, y)
  Listing.show("coef_", model.coefMatrix());               // model.coef_, shape (1, 1)
  Listing.show("intercept_", model.interceptVector());     // model.intercept_, shape (1,)

  double[] newData = linspace(-3, 3, 50);                  // new_data = np.linspace(-3, 3)
  double[][] newX = new double[newData.length][];
  for (int i = 0; i < newData.length; i++) {
    newX[i] = new double[] {newData[i]};                   // as a column: predict wants 2-D
  }
  double[][] predictions = model.predictMatrix(newX);      // model.predict(new_data), (50, 1)
  Listing.show("predictions", column(predictions, 0));

  fig = Figure.create(640, 480);
  var ax = fig.axes();
  ax.scatter(column(X, 0), column(y, 0));                  // plt.scatter(X, y)
  ax.plot(newData, column(predictions, 0)).color("r");     // the line over new_data
  fig.savefig(Listing.output("day2-regression.png"));
}

/** X[:, j], a column of a matrix. */
double[] column(double[][] X, int j) {
  return Arrays.stream(X).mapToDouble(row -> row[j]).toArray();
}

/** np.linspace(start, stop, num): start + i * step, the last value set to stop exactly. */
double[] linspace(double start, double stop, int num) {
  double step = (stop - start) / (num - 1);
  double[] values = new double[num];
  for (int i = 0; i < num; i++) {
    values[i] = i * step + start;
  }
  values[num - 1] = stop;
  return values;
}

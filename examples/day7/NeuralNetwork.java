// Day 7: neural networks. A multi-layer perceptron estimates house prices, then a second one reads
// handwritten digits.
//
// The book has no listing here; this program is semaine's. The chapter explains neurons, layers
// and training in words; this program shows them on data: houses (surface in m², rooms, age,
// distance to the centre; price in units of 100 k€ = 0.03 surface + 0.1 rooms - 0.01 age
// - 0.1 distance + 1.5 exp(-distance / 3) + noise) fitted by an MLPRegressor(16, 8), then the
// digits read by an MLPClassifier(64), as scikit-learn's MLPRegressor / MLPClassifier would be
// called on them.
import semaine.classification.MLPClassifier;
import semaine.data.Dataset;
import semaine.data.Datasets;
import semaine.plot.Figure;
import semaine.preprocessing.StandardScaler;
import semaine.random.RandomState;
import semaine.regression.MLPRegressor;
import semaine.selection.TrainTestSplit;
import semaine.util.Listing;

void main() {
  var random = new RandomState(Listing.seed(0));
  int m = 400;
  double[] surface = random.uniform(30, 200, m);
  double[] age = random.uniform(0, 60, m);
  double[] distance = random.uniform(0, 20, m);
  double[] noise = random.randn(m);
  double[][] X = new double[m][];
  double[] price = new double[m];                             // in units of 100 k€
  for (int i = 0; i < m; i++) {
    double rooms = Math.max(1, Math.round(surface[i] / 25));
    X[i] = new double[] {surface[i], rooms, age[i], distance[i]};
    price[i] = 0.03 * surface[i] + 0.1 * rooms - 0.01 * age[i] - 0.1 * distance[i]
        + 1.5 * Math.exp(-distance[i] / 3) + 0.2 * noise[i];
  }
  var houses = TrainTestSplit.of(X, price).randomState(0).split();
  var scaler = new StandardScaler().fit(houses.XTrain());
  var regressor = new MLPRegressor(16, 8).learningRateInit(0.01).maxIter(300).randomState(0);
  regressor.fit(scaler.transform(houses.XTrain()), houses.yTrain());
  Listing.show("houses: epochs", regressor.nIter());
  Listing.show("houses: test R²", round(regressor.score(scaler.transform(houses.XTest()),
      houses.yTest())));
  double[] house = {120, 5, 10, 2};                           // 120 m², 5 rooms, 10 years, 2 km
  Listing.show("price of a 120 m² house (100 k€)",
      round(regressor.predict(scaler.transform(new double[][] {house}))[0]));

  Dataset digits = Datasets.loadDigits();
  var split = TrainTestSplit.of(digits.X(), digits.labels()).randomState(0).split();
  var digitScaler = new StandardScaler().fit(split.XTrain());
  var classifier = new MLPClassifier(64).batchSize(32).maxIter(30).randomState(0);
  classifier.fit(digitScaler.transform(split.XTrain()), split.yTrain());
  Listing.show("digits: test accuracy",
      round(classifier.score(digitScaler.transform(split.XTest()), split.yTest())));
  double[] curve = classifier.lossCurve();
  Listing.show("digits: first and last loss", new double[] {round(curve[0]),
      round(curve[curve.length - 1])});

  var fig = Figure.create(640, 480);
  var ax = fig.axes();
  ax.plot(curve);
  ax.title("MLPClassifier on digits: the training loss").xlabel("epoch").ylabel("loss");
  fig.savefig(Listing.output("day7-loss-curve.png"));
}

/** Four decimals: enough to read, and the same with or without the vector kernels. */
double round(double x) {
  return Math.round(x * 1e4) / 1e4;
}

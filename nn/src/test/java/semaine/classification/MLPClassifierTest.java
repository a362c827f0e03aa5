package semaine.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import semaine.data.Dataset;
import semaine.data.Datasets;
import semaine.preprocessing.StandardScaler;
import semaine.selection.TrainTestSplit;

class MLPClassifierTest {

  @Test
  void digitsAreClassifiedWithAtLeast97PercentTestAccuracy() {
    Dataset digits = Datasets.loadDigits();
    var split = TrainTestSplit.of(digits.X(), digits.labels()).testSize(0.25).randomState(0).split();
    StandardScaler scaler = new StandardScaler().fit(split.XTrain());
    MLPClassifier model = new MLPClassifier(256, 128).batchSize(32).maxIter(40).randomState(0);
    model.fit(scaler.transform(split.XTrain()), split.yTrain());
    double accuracy = model.score(scaler.transform(split.XTest()), split.yTest());
    assertTrue(accuracy >= 0.97, "test accuracy " + accuracy);
    double[] curve = model.lossCurve();
    assertEquals(model.nIter(), curve.length);
    assertTrue(curve[curve.length - 1] < curve[0] / 10, "the loss falls: " + curve[0] + " -> " + curve[curve.length - 1]);
    double[][] proba = model.predictProba(scaler.transform(split.XTest()));
    double sum = 0;
    for (double p : proba[0]) {
      sum += p;
    }
    assertEquals(1.0, sum, 1e-6);
  }

  @Test
  void aDivergingLearningRateStopsWithAMessage() {
    Dataset iris = Datasets.loadIris();
    double[][] X = iris.X();
    for (double[] row : X) {
      row[0] *= 1e20;
    }
    var model = new MLPClassifier(10).learningRateInit(1e10).solver("sgd").maxIter(50);
    var e = assertThrows(IllegalStateException.class, () -> model.fit(X, iris.labels()));
    assertTrue(e.getMessage().contains("smaller learningRateInit"), e.getMessage());
  }

  @Test
  void badParametersAndUnfittedUseAreRefused() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> new MLPClassifier(10).solver("lbfgs").fit(new double[][] {{0}, {1}}, new int[] {0, 1}));
    assertTrue(e.getMessage().contains("solver"), e.getMessage());
    var zero = new MLPClassifier(0);   // setters only store; fit checks
    e = assertThrows(IllegalArgumentException.class,
        () -> zero.fit(new double[][] {{0}, {1}}, new int[] {0, 1}));
    assertTrue(e.getMessage().startsWith("hidden_layer_sizes ([0])"), e.getMessage());
    var s = assertThrows(IllegalStateException.class, () -> new MLPClassifier(3).predict(new double[][] {{0}}));
    assertTrue(s.getMessage().contains("fit"), s.getMessage());
  }
}

package semaine.regression;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import semaine.data.Dataset;
import semaine.data.Datasets;
import semaine.preprocessing.StandardScaler;
import semaine.selection.TrainTestSplit;

class MLPRegressorTest {

  @Test
  void learnsASmoothFunctionWithHighR2() {
    // y = sin(x0) + x1², a curve a linear model cannot follow
    semaine.random.RandomState rs = new semaine.random.RandomState(0);
    double[][] X = rs.uniform(-2, 2, 600, 2);
    double[] y = new double[600];
    for (int i = 0; i < 600; i++) {
      y[i] = Math.sin(X[i][0]) + X[i][1] * X[i][1];
    }
    var split = TrainTestSplit.of(X, y).testSize(0.25).randomState(0).split();
    MLPRegressor model = new MLPRegressor(64, 64).learningRateInit(1e-2).maxIter(300).randomState(0);
    model.fit(split.XTrain(), split.yTrain());
    double r2 = model.score(split.XTest(), split.yTest());
    assertTrue(r2 > 0.98, "test R² " + r2);
    double linear = new LinearRegression().fit(split.XTrain(), split.yTrain()).score(split.XTest(), split.yTest());
    assertTrue(r2 > linear + 0.1, "MLP " + r2 + " vs linear " + linear);
  }

  @Test
  void earlyStoppingStopsBeforeMaxIter() {
    Dataset diabetes = Datasets.loadDiabetes();
    double[][] X = new StandardScaler().fitTransform(diabetes.X());
    MLPRegressor model = new MLPRegressor(32).learningRateInit(1e-2).maxIter(500).earlyStopping(true)
        .randomState(0);
    model.fit(X, diabetes.y());
    assertTrue(model.nIter() < 500, "stopped after " + model.nIter() + " epochs");
  }
}

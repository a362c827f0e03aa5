package semaine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import semaine.base.EstimatorChecks;
import semaine.base.FittedState;
import semaine.classification.MLPClassifier;
import semaine.data.Datasets;
import semaine.preprocessing.StandardScaler;
import semaine.random.RandomState;
import semaine.regression.MLPRegressor;

/** The MLP estimators pass the shared contract, and their weights survive a round trip. */
class MultilayerPerceptronContractTest {

  private static final double[][] X = new StandardScaler().fitTransform(Datasets.loadIris().X());

  @Test
  void mlpClassifierPassesTheSharedContract() {
    EstimatorChecks.checkEstimator(new MLPClassifier(8).maxIter(5).randomState(0), X,
        Datasets.loadIris().labels());
  }

  @Test
  void mlpRegressorPassesTheSharedContract() {
    double[] y = new double[X.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = X[i][3];
    }
    EstimatorChecks.checkEstimator(new MLPRegressor(8, 4).maxIter(5).randomState(0), X, y);
  }

  @Test
  void weightsAreSavedInScikitLearnsLayoutAndRestoreTheSameProbabilities() {
    var model = new MLPClassifier(6, 5).maxIter(3).randomState(0)
        .fit(X, Datasets.loadIris().labels());
    FittedState state = model.fittedState();
    assertEquals(List.of("coefs_.0", "coefs_.1", "coefs_.2", "intercepts_.0", "intercepts_.1",
        "intercepts_.2", "classes_", "loss_curve_", "n_iter_", "n_features_in_"),
        List.copyOf(state.names()));
    float[][] first = state.get("coefs_.0", float[][].class);
    assertEquals(4, first.length);       // (n_in, n_out) as scikit-learn's coefs_[0]
    assertEquals(6, first[0].length);
    var restored = new MLPClassifier(6, 5).restore(state);
    assertArrayEquals(model.predictProba(X), restored.predictProba(X));
  }

  @Test
  void randomStateTakesASeedOrASharedStream() {
    int[] y = Datasets.loadIris().labels();
    var seeded = new MLPClassifier(4).maxIter(2).randomState(5).fit(X, y).lossCurve();
    var again = new MLPClassifier(4).maxIter(2).randomState(5).fit(X, y).lossCurve();
    assertArrayEquals(seeded, again);
    var shared = new RandomState(5);
    var first = new MLPClassifier(4).maxIter(2).randomState(shared).fit(X, y).lossCurve();
    var second = new MLPClassifier(4).maxIter(2).randomState(shared).fit(X, y).lossCurve();
    assertArrayEquals(seeded, first);
    assertTrue(first[0] != second[0], "a shared stream moves on between fits");
  }

  @Test
  void hiddenLayerSizesAreReadFromTextAndCheckedAtFit() {
    var model = new MLPRegressor().setParam("hidden_layer_sizes", "(64, 32)");
    assertArrayEquals(new int[] {64, 32}, (int[]) model.getParam("hidden_layer_sizes"));
    model.setParam("hidden_layer_sizes", "0,3");
    var e = assertThrows(IllegalArgumentException.class, model::validateParams);
    assertEquals("hidden_layer_sizes ([0, 3]) must be a non-empty list of ints >= 1",
        e.getMessage());
  }
}

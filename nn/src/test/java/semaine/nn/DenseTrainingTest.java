package semaine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import semaine.classification.MLPClassifier;
import semaine.data.Datasets;
import semaine.preprocessing.StandardScaler;
import semaine.random.RandomState;

/**
 * The graph-free training step ({@link DenseTraining}) gives the weights, bit for bit, and the
 * loss curve that the same fit through the autograd graph gives.
 */
class DenseTrainingTest {

  private static final double[][] X = new StandardScaler().fitTransform(Datasets.loadIris().X());
  private static final int[] Y = Datasets.loadIris().labels();

  static Stream<Arguments> settings() {
    return Stream.of(
        Arguments.of("relu", "adam", new int[] {7}, 1e-4, 32),
        Arguments.of("relu", "sgd", new int[] {6, 5}, 1e-2, 40),
        Arguments.of("tanh", "adam", new int[] {6, 5}, 1e-4, 200),
        Arguments.of("logistic", "adam", new int[] {9}, 0.0, 23),
        Arguments.of("identity", "sgd", new int[] {4, 3}, 1e-3, 17));
  }

  @ParameterizedTest
  @MethodSource("settings")
  void theWeightsAreThoseOfTheGraph(String activation, String solver, int[] hidden, double alpha,
      int batch) {
    MLPClassifier options = new MLPClassifier(hidden).activation(activation).solver(solver)
        .alpha(alpha).batchSize(batch).maxIter(6).learningRateInit(0.01);
    float[] flat = MultiLayerPerceptron.flatten(X);
    int n = X.length;
    int d = X[0].length;

    var graph = new MultiLayerPerceptron(d, 3, options, new RandomState(3));
    graph.fit(flat, n, d, options, new RandomState(4),
        (out, rows) -> Losses.crossEntropy(out, pick(rows)), rows -> 0, null);

    var dense = new MultiLayerPerceptron(d, 3, options, new RandomState(3));
    float[] softmax = new float[batch * 3];
    dense.fit(flat, n, d, options, new RandomState(4),
        (BatchLoss) (out, rows, outputs, samples, grad) ->
            Losses.crossEntropy(out, rows, outputs, pick(samples), softmax, grad),
        rows -> 0, null);

    assertEquals(6, dense.nIter());
    assertArrayEquals(graph.lossCurve(), dense.lossCurve());
    List<float[][]> expected = graph.coefs();
    List<float[][]> actual = dense.coefs();
    assertEquals(expected.size(), actual.size());
    for (int l = 0; l < expected.size(); l++) {
      for (int i = 0; i < expected.get(l).length; i++) {
        assertArrayEquals(expected.get(l)[i], actual.get(l)[i], "coefs_[" + l + "][" + i + "]");
      }
      assertArrayEquals(graph.intercepts().get(l), dense.intercepts().get(l), "intercepts_" + l);
    }
  }

  private static int[] pick(int[] rows) {
    int[] out = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = Y[rows[i]];
    }
    return out;
  }
}

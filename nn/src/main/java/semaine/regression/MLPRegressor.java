package semaine.regression;

import java.util.List;
import semaine.base.Derived;
import semaine.base.EstimatorSpec;
import semaine.base.Regressor;
import semaine.metrics.RegressionMetrics;
import semaine.nn.BaseMultilayerPerceptron;
import semaine.nn.Losses;
import semaine.nn.MultiLayerPerceptron;
import semaine.nn.Tensor;
import semaine.random.RandomState;
import semaine.util.Checks;

/**
 * A multi-layer perceptron regressor (scikit-learn's {@code MLPRegressor}): dense layers trained by
 * back-propagation on half the mean squared error, {@code ½·mean((ŷ − y)²)}, with an identity output.
 *
 * <p>Differences from scikit-learn 1.9: the weights are drawn from {@code RandomState} in our own
 * order, so the numbers differ while the behaviour matches. With early stopping the last weights
 * are kept. The class lives in the nn module, beside the network it trains, but in this package so
 * that a reader of {@code semaine.regression} finds every regressor.
 */
public final class MLPRegressor extends BaseMultilayerPerceptron<MLPRegressor>
    implements Regressor {

  private static final EstimatorSpec<MLPRegressor> SPEC = new EstimatorSpec<>(
      "sklearn.neural_network.MLPRegressor", MLPRegressor::new, Fitted.class, PARAMS);

  /**
   * What {@code fit} learns.
   *
   * @param coefs per layer, (n_in, n_out) weights
   * @param intercepts per layer, (n_out,) biases
   * @param lossCurve the mean training loss of each epoch
   * @param nIter the epochs run
   * @param nFeaturesIn the number of features
   * @param network the trained network, rebuilt from the weights when read back
   */
  private record Fitted(List<float[][]> coefs, List<float[]> intercepts, double[] lossCurve,
      int nIter, int nFeaturesIn, @Derived MultiLayerPerceptron network) {}

  /** scikit-learn's defaults: one hidden layer of 100, relu, adam. */
  public MLPRegressor() {
    super(SPEC);
  }

  /** With the given hidden layer sizes, the main hyper-parameter. */
  public MLPRegressor(int... hiddenLayerSizes) {
    this();
    hiddenLayerSizes(hiddenLayerSizes);
  }

  @Override
  public MLPRegressor fit(double[][] X, double[] y) {
    validateParams();
    Checks.checkMatrix("X", X);
    Checks.checkVector("y", y);
    Checks.checkSameLength("X", X.length, "y", y.length);
    int n = X.length;
    int features = X[0].length;
    float[] target = Tensor.of(y).storage();
    RandomState random = random();
    var model = new MultiLayerPerceptron(features, 1, this, random);
    float[] flat = MultiLayerPerceptron.flatten(X);
    model.fit(flat, n, features, this, random, (out, rows) -> {
      float[] t = new float[rows.length];
      for (int i = 0; i < rows.length; i++) {
        t[i] = target[rows[i]];
      }
      return Losses.mse(out, Tensor.of(t, rows.length, 1)).mul(0.5f);
    }, rows -> validationR2(model, X, y, rows), listener());
    fitted(new Fitted(model.coefs(), model.intercepts(), model.lossCurve(), model.nIter(),
        features, model));
    return this;
  }

  @Override
  protected Record restored(Record state) {
    Fitted f = (Fitted) state;
    return new Fitted(f.coefs, f.intercepts, f.lossCurve, f.nIter, f.nFeaturesIn,
        MultiLayerPerceptron.rebuilt(this, f.coefs, f.intercepts));
  }

  private static double validationR2(MultiLayerPerceptron model, double[][] X, double[] y,
      int[] rows) {
    double[][] sub = new double[rows.length][];
    double[] truth = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      sub[i] = X[rows[i]];
      truth[i] = y[rows[i]];
    }
    return RegressionMetrics.r2Score(truth, predict(model, sub, X[0].length));
  }

  @Override
  public double[] predict(double[][] X) {
    Fitted f = fitted();
    Checks.checkMatrix("X", X);
    if (X[0].length != f.nFeaturesIn) {
      throw new IllegalArgumentException("X has " + X[0].length
          + " features but the model was fitted with " + f.nFeaturesIn);
    }
    return predict(f.network, X, f.nFeaturesIn);
  }

  private static double[] predict(MultiLayerPerceptron model, double[][] X, int features) {
    float[] out = model.predict(MultiLayerPerceptron.flatten(X), X.length, features);
    double[] pred = new double[out.length];
    for (int i = 0; i < out.length; i++) {
      pred[i] = out[i];
    }
    return pred;
  }

  /** Mean training loss per epoch ({@code loss_curve_}). */
  @Override
  public double[] lossCurve() {
    return this.<Fitted>fitted().lossCurve.clone();
  }

  /** Epochs run ({@code n_iter_}). */
  public int nIter() {
    return this.<Fitted>fitted().nIter;
  }

  /** The trained network (for saving as safetensors). */
  public MultiLayerPerceptron network() {
    return this.<Fitted>fitted().network;
  }
}

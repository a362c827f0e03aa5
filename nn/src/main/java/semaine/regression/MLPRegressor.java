package semaine.regression;

import semaine.metrics.RegressionMetrics;
import semaine.nn.Losses;
import semaine.nn.MLPParameters;
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
 * are kept.
 */
public final class MLPRegressor extends MLPParameters<MLPRegressor> implements Regressor {

  private MultiLayerPerceptron model;
  private int features;
  private double[] lossCurve;

  public MLPRegressor() {}

  public MLPRegressor(int... hiddenLayerSizes) {
    hiddenLayerSizes(hiddenLayerSizes);
  }

  @Override
  public MLPRegressor fit(double[][] X, double[] y) {
    Checks.checkMatrix("X", X);
    Checks.checkVector("y", y);
    Checks.checkSameLength("X", X.length, "y", y.length);
    int n = X.length;
    features = X[0].length;
    float[] target = Tensor.of(y).storage();
    RandomState random = new RandomState(options().randomState());
    model = new MultiLayerPerceptron(features, 1, options(), random);
    float[] flat = MultiLayerPerceptron.flatten(X);
    model.fit(flat, n, features, options(), random, (out, rows) -> {
      float[] t = new float[rows.length];
      for (int i = 0; i < rows.length; i++) {
        t[i] = target[rows[i]];
      }
      return Losses.mse(out, Tensor.of(t, rows.length, 1)).mul(0.5f);
    }, rows -> validationR2(X, y, rows), listener());
    lossCurve = model.lossCurve();
    return this;
  }

  private double validationR2(double[][] X, double[] y, int[] rows) {
    double[][] sub = new double[rows.length][];
    double[] truth = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      sub[i] = X[rows[i]];
      truth[i] = y[rows[i]];
    }
    return RegressionMetrics.r2Score(truth, predict(sub));
  }

  @Override
  public double[] predict(double[][] X) {
    Checks.checkFitted(model, "MLPRegressor");
    Checks.checkMatrix("X", X);
    if (X[0].length != features) {
      throw new IllegalArgumentException("X has " + X[0].length + " features but the model was fitted with " + features);
    }
    float[] out = model.predict(MultiLayerPerceptron.flatten(X), X.length, features);
    double[] pred = new double[out.length];
    for (int i = 0; i < out.length; i++) {
      pred[i] = out[i];
    }
    return pred;
  }

  /** Mean training loss per epoch ({@code loss_curve_}). */
  public double[] lossCurve() {
    return Checks.checkFitted(lossCurve, "MLPRegressor").clone();
  }

  public int nIter() {
    return Checks.checkFitted(model, "MLPRegressor").nIter();
  }

  public MultiLayerPerceptron network() {
    return Checks.checkFitted(model, "MLPRegressor");
  }
}

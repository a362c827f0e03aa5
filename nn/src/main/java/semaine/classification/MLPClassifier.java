package semaine.classification;

import java.util.Arrays;
import java.util.List;
import semaine.base.Classifier;
import semaine.base.Derived;
import semaine.base.EstimatorSpec;
import semaine.nn.BaseMultilayerPerceptron;
import semaine.nn.BatchLoss;
import semaine.nn.Losses;
import semaine.nn.MultiLayerPerceptron;
import semaine.nn.Tensor;
import semaine.random.RandomState;
import semaine.util.Checks;

/**
 * A multi-layer perceptron classifier (scikit-learn's {@code MLPClassifier}): dense layers trained
 * by back-propagation on the cross-entropy of a softmax output.
 *
 * <p>Differences from scikit-learn 1.9: two classes also use a softmax over two outputs (scikit-learn
 * uses one logistic unit), and the weights are drawn from {@code RandomState} in our own order, so
 * the numbers differ while the behaviour matches. With early stopping the last weights are kept.
 * The class lives in the nn module, beside the network it trains, but in this package so that a
 * reader of {@code semaine.classification} finds every classifier.
 */
public final class MLPClassifier extends BaseMultilayerPerceptron<MLPClassifier>
    implements Classifier {

  private static final EstimatorSpec<MLPClassifier> SPEC = new EstimatorSpec<>(
      "sklearn.neural_network.MLPClassifier", MLPClassifier::new, Fitted.class, PARAMS);

  /**
   * What {@code fit} learns.
   *
   * @param coefs per layer, (n_in, n_out) weights
   * @param intercepts per layer, (n_out,) biases
   * @param classes (n_classes,) the sorted labels
   * @param lossCurve the mean training loss of each epoch
   * @param nIter the epochs run
   * @param nFeaturesIn the number of features
   * @param network the trained network, rebuilt from the weights when read back
   */
  private record Fitted(List<float[][]> coefs, List<float[]> intercepts, int[] classes,
      double[] lossCurve, int nIter, int nFeaturesIn, @Derived MultiLayerPerceptron network) {}

  /** scikit-learn's defaults: one hidden layer of 100, relu, adam. */
  public MLPClassifier() {
    super(SPEC);
  }

  /** With the given hidden layer sizes, the main hyper-parameter. */
  public MLPClassifier(int... hiddenLayerSizes) {
    this();
    hiddenLayerSizes(hiddenLayerSizes);
  }

  @Override
  public MLPClassifier fit(double[][] X, int[] y) {
    validateParams();
    Checks.checkMatrix("X", X);
    Checks.checkArgument(y != null, "y must not be null");
    Checks.checkSameLength("X", X.length, "y", y.length);
    int[] classes = Arrays.stream(y).distinct().sorted().toArray();
    if (classes.length < 2) {
      throw new IllegalArgumentException("y has " + classes.length + " class; MLPClassifier needs at least 2");
    }
    int n = X.length;
    int features = X[0].length;
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = Arrays.binarySearch(classes, y[i]);
    }
    RandomState random = random();
    var model = new MultiLayerPerceptron(features, classes.length, this, random);
    float[] flat = MultiLayerPerceptron.flatten(X);
    float[][] softmax = {new float[0]};  // the batch's probabilities, allocated once
    model.fit(flat, n, features, this, random,
        (BatchLoss) (out, rows, outputs, samples, grad) -> {
          if (softmax[0].length < rows * outputs) {
            softmax[0] = new float[rows * outputs];
          }
          return Losses.crossEntropy(out, rows, outputs, pick(labels, samples), softmax[0], grad);
        },
        rows -> accuracy(model, flat, features, classes.length, labels, rows), listener());
    fitted(new Fitted(model.coefs(), model.intercepts(), classes, model.lossCurve(), model.nIter(),
        features, model));
    return this;
  }

  @Override
  protected Record restored(Record state) {
    Fitted f = (Fitted) state;
    return new Fitted(f.coefs, f.intercepts, f.classes, f.lossCurve, f.nIter, f.nFeaturesIn,
        MultiLayerPerceptron.rebuilt(this, f.coefs, f.intercepts));
  }

  private static double accuracy(MultiLayerPerceptron model, float[] X, int features,
      int nClasses, int[] labels, int[] rows) {
    float[] sub = new float[rows.length * features];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(X, rows[i] * features, sub, i * features, features);
    }
    int[] pred = Tensor.of(model.predict(sub, rows.length, features), rows.length, nClasses).argmax();
    int right = 0;
    for (int i = 0; i < rows.length; i++) {
      right += pred[i] == labels[rows[i]] ? 1 : 0;
    }
    return (double) right / rows.length;
  }

  private static int[] pick(int[] values, int[] rows) {
    int[] out = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = values[rows[i]];
    }
    return out;
  }

  @Override
  public int[] predict(double[][] X) {
    Fitted f = fitted();
    int[] index = Tensor.of(logits(X), X.length, f.classes.length).argmax();
    int[] out = new int[index.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = f.classes[index[i]];
    }
    return out;
  }

  /** Class probabilities (softmax of the outputs), shape (n_samples, n_classes). */
  @Override
  public double[][] predictProba(double[][] X) {
    Fitted f = fitted();
    return Tensor.of(logits(X), X.length, f.classes.length).softmax(-1).toDoubleMatrix();
  }

  private float[] logits(double[][] X) {
    Fitted f = fitted();
    Checks.checkMatrix("X", X);
    if (X[0].length != f.nFeaturesIn) {
      throw new IllegalArgumentException("X has " + X[0].length
          + " features but the model was fitted with " + f.nFeaturesIn);
    }
    return f.network.predict(MultiLayerPerceptron.flatten(X), X.length, f.nFeaturesIn);
  }

  /** Mean training loss per epoch ({@code loss_curve_}). */
  @Override
  public double[] lossCurve() {
    return this.<Fitted>fitted().lossCurve.clone();
  }

  /** The class labels, sorted ({@code classes_}). */
  @Override
  public int[] classes() {
    return this.<Fitted>fitted().classes.clone();
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

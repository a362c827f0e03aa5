package semaine.classification;

import java.util.Arrays;
import semaine.nn.Losses;
import semaine.nn.MLPParameters;
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
 */
public final class MLPClassifier extends MLPParameters<MLPClassifier> implements Classifier {

  private MultiLayerPerceptron model;
  private int[] classes;
  private int features;
  private double[] lossCurve;

  public MLPClassifier() {}

  /** With the given hidden layer sizes, the main hyper-parameter. */
  public MLPClassifier(int... hiddenLayerSizes) {
    hiddenLayerSizes(hiddenLayerSizes);
  }

  @Override
  public MLPClassifier fit(double[][] X, int[] y) {
    Checks.checkMatrix("X", X);
    Checks.checkSameLength("X", X.length, "y", y.length);
    classes = Arrays.stream(y).distinct().sorted().toArray();
    if (classes.length < 2) {
      throw new IllegalArgumentException("y has " + classes.length + " class; MLPClassifier needs at least 2");
    }
    int n = X.length;
    features = X[0].length;
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = Arrays.binarySearch(classes, y[i]);
    }
    RandomState random = new RandomState(options().randomState());
    model = new MultiLayerPerceptron(features, classes.length, options(), random);
    float[] flat = MultiLayerPerceptron.flatten(X);
    model.fit(flat, n, features, options(), random,
        (out, rows) -> Losses.crossEntropy(out, pick(labels, rows)),
        rows -> accuracy(flat, labels, rows), listener());
    lossCurve = model.lossCurve();
    return this;
  }

  private double accuracy(float[] X, int[] labels, int[] rows) {
    float[] sub = new float[rows.length * features];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(X, rows[i] * features, sub, i * features, features);
    }
    int[] pred = Tensor.of(model.predict(sub, rows.length, features), rows.length, classes.length).argmax();
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
    int[] index = Tensor.of(logits(X), X.length, classes.length).argmax();
    int[] out = new int[index.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = classes[index[i]];
    }
    return out;
  }

  /** Class probabilities (softmax of the outputs), shape (n_samples, n_classes). */
  public double[][] predictProba(double[][] X) {
    return Tensor.of(logits(X), X.length, classes.length).softmax(-1).toDoubleMatrix();
  }

  private float[] logits(double[][] X) {
    Checks.checkFitted(model, "MLPClassifier");
    Checks.checkMatrix("X", X);
    if (X[0].length != features) {
      throw new IllegalArgumentException("X has " + X[0].length + " features but the model was fitted with " + features);
    }
    return model.predict(MultiLayerPerceptron.flatten(X), X.length, features);
  }

  /** Mean training loss per epoch ({@code loss_curve_}). */
  public double[] lossCurve() {
    return Checks.checkFitted(lossCurve, "MLPClassifier").clone();
  }

  /** The class labels, sorted ({@code classes_}). */
  public int[] classes() {
    return Checks.checkFitted(classes, "MLPClassifier").clone();
  }

  /** Epochs run ({@code n_iter_}). */
  public int nIter() {
    return Checks.checkFitted(model, "MLPClassifier").nIter();
  }

  /** The trained network (for saving as safetensors). */
  public MultiLayerPerceptron network() {
    return Checks.checkFitted(model, "MLPClassifier");
  }
}

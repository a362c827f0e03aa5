package semaine.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import semaine.nn.layers.Activation;
import semaine.nn.layers.Linear;
import semaine.nn.layers.Module;
import semaine.nn.layers.Sequential;
import semaine.nn.optim.Adam;
import semaine.nn.optim.Optimizer;
import semaine.nn.optim.SGD;
import semaine.random.RandomState;

/**
 * The network and training loop behind {@code MLPClassifier} and {@code MLPRegressor}, after
 * scikit-learn's {@code BaseMultilayerPerceptron}: dense layers with one activation, the L2 term
 * {@code alpha/(2·batch) · Σ‖W‖²} added to the batch loss, mini-batches in a shuffled order each
 * epoch, Adam or SGD (momentum 0.9, Nesterov), and the stopping rule "no improvement larger than
 * tol for nIterNoChange epochs" on the training loss or, with early stopping, on a held-out score.
 *
 * <p>Weights are initialised as scikit-learn does (Glorot uniform, bound √(6/(in+out)), √(2/(in+out))
 * for the logistic activation) from {@code RandomState}; the numbers differ from scikit-learn's,
 * which draws with its own stream layout.
 */
public final class MultiLayerPerceptron {

  /** The scikit-learn parameters shared by both estimators. */
  public record Options(int[] hiddenLayerSizes, String activation, String solver, double alpha,
      int batchSize, double learningRateInit, int maxIter, boolean shuffle, long randomState,
      double tol, boolean earlyStopping, double validationFraction, int nIterNoChange) {

    public Options {
      hiddenLayerSizes = hiddenLayerSizes.clone();
      for (int h : hiddenLayerSizes) {
        semaine.util.Checks.checkPositive("hiddenLayerSizes", h);
      }
      Activation.of(activation.equals("logistic") ? "sigmoid" : activation);
      if (!solver.equals("adam") && !solver.equals("sgd")) {
        throw new IllegalArgumentException("solver (\"" + solver + "\") must be adam or sgd");
      }
      semaine.util.Checks.checkNonNegative("alpha", alpha);
      semaine.util.Checks.checkPositive("learningRateInit", learningRateInit);
      semaine.util.Checks.checkPositive("maxIter", maxIter);
      semaine.util.Checks.checkNonNegative("tol", tol);
      semaine.util.Checks.checkPositive("nIterNoChange", nIterNoChange);
      if (!(validationFraction > 0 && validationFraction < 1)) {
        throw new IllegalArgumentException("validationFraction (" + validationFraction + ") must be in (0, 1)");
      }
    }

    /** scikit-learn's defaults: (100,), relu, adam, alpha 1e-4, batch auto, lr 1e-3, 200 epochs. */
    public static Options defaults() {
      return new Options(new int[] {100}, "relu", "adam", 1e-4, 0, 1e-3, 200, true, 0, 1e-4,
          false, 0.1, 10);
    }
  }

  /** The training loss became NaN or infinite: the learning rate is too large for the data. */
  public static final class Diverged extends IllegalStateException {
    private static final long serialVersionUID = 1L;
    private final int epoch;

    Diverged(float loss, int epoch, double learningRate) {
      super("the training loss became " + loss + " at epoch " + epoch
          + ": try a smaller learningRateInit (now " + learningRate + ") or scale the features");
      this.epoch = epoch;
    }

    /** The epoch (1-based) in which the loss stopped being finite. */
    public int epoch() {
      return epoch;
    }
  }

  /** Called after each epoch with (epoch 1-based, mean training loss); may be null. */
  public interface EpochListener {
    void epochEnd(int epoch, double loss);
  }

  private final Module network;
  private final List<Double> lossCurve = new ArrayList<>();
  private int nIter;

  /** Builds the layers in → hidden... → out with the given activation between them. */
  public MultiLayerPerceptron(int inputs, int outputs, Options options, RandomState random) {
    List<Module> layers = new ArrayList<>();
    int fanIn = inputs;
    int[] sizes = java.util.Arrays.copyOf(options.hiddenLayerSizes(), options.hiddenLayerSizes().length + 1);
    sizes[sizes.length - 1] = outputs;
    double factor = options.activation().equals("logistic") ? 2.0 : 6.0;
    for (int i = 0; i < sizes.length; i++) {
      Linear layer = new Linear(fanIn, sizes[i], random);
      double bound = Math.sqrt(factor / (fanIn + sizes[i]));
      Module.assign("weight", layer.weight(), Tensor.uniform(random, -bound, bound, sizes[i], fanIn));
      Module.assign("bias", layer.bias(), Tensor.uniform(random, -bound, bound, sizes[i]));
      layers.add(layer);
      if (i < sizes.length - 1) {
        layers.add(Activation.of(options.activation().equals("logistic") ? "sigmoid" : options.activation()));
      }
      fanIn = sizes[i];
    }
    this.network = new Sequential(layers.toArray(Module[]::new));
  }

  public Module network() {
    return network;
  }

  /** Mean training loss per epoch ({@code loss_curve_}). */
  public double[] lossCurve() {
    return lossCurve.stream().mapToDouble(Double::doubleValue).toArray();
  }

  public int nIter() {
    return nIter;
  }

  /**
   * Trains on X (n, d). {@code loss} maps (outputs, row indices of the batch) to the batch loss;
   * {@code validationScore} scores the held-out rows (higher is better), used with early stopping.
   */
  public void fit(float[] X, int n, int d, Options o, RandomState random,
      BiFunction<Tensor, int[], Tensor> loss, java.util.function.ToDoubleFunction<int[]> validationScore,
      EpochListener listener) {
    int[] train = range(n);
    int[] validation = new int[0];
    if (o.earlyStopping()) {
      int[] perm = random.permutation(n);
      int nVal = Math.max(1, (int) Math.ceil(o.validationFraction() * n));
      validation = java.util.Arrays.copyOfRange(perm, 0, nVal);
      train = java.util.Arrays.copyOfRange(perm, nVal, n);
    }
    int batch = o.batchSize() <= 0 ? Math.min(200, train.length) : Math.min(o.batchSize(), train.length);
    List<Tensor> params = network.parameters();
    Optimizer opt = o.solver().equals("adam") ? new Adam(params, o.learningRateInit())
        : new SGD(params, o.learningRateInit(), 0.9, 0, true);
    List<Tensor> weights = new ArrayList<>();
    network.namedParameters().forEach((k, v) -> {
      if (k.endsWith("weight")) {
        weights.add(v);
      }
    });
    double best = Double.POSITIVE_INFINITY;
    int noImprovement = 0;
    for (int epoch = 1; epoch <= o.maxIter(); epoch++) {
      if (o.shuffle()) {
        random.shuffle(train);
      }
      double total = 0;
      for (int start = 0; start < train.length; start += batch) {
        int[] rows = java.util.Arrays.copyOfRange(train, start, Math.min(train.length, start + batch));
        Tensor xb = Tensor.wrap(gatherRows(X, d, rows), rows.length, d);
        Tensor l = loss.apply(network.forward(xb), rows);
        if (o.alpha() > 0) {
          Tensor penalty = null;
          for (Tensor w : weights) {
            Tensor s = w.square().sum();
            penalty = penalty == null ? s : penalty.add(s);
          }
          l = l.add(penalty.mul((float) (o.alpha() / (2.0 * rows.length))));
        }
        float value = l.item();
        if (!Float.isFinite(value)) {
          throw new Diverged(value, epoch, o.learningRateInit());
        }
        total += (double) value * rows.length;
        opt.zeroGrad();
        l.backward();
        opt.step();
      }
      double epochLoss = total / train.length;
      lossCurve.add(epochLoss);
      nIter = epoch;
      if (listener != null) {
        listener.epochEnd(epoch, epochLoss);
      }
      // scikit-learn's rule: improvement means the monitored value beats the best by more than tol
      double monitored = o.earlyStopping() ? -validationScore.applyAsDouble(validation) : epochLoss;
      if (monitored > best - o.tol()) {
        noImprovement++;
      } else {
        noImprovement = 0;
      }
      best = Math.min(best, monitored);
      if (noImprovement >= o.nIterNoChange()) {
        break;
      }
    }
  }

  /** Outputs for rows of X (n, d) in no-grad mode, shape (n, outputs). */
  public float[] predict(float[] X, int n, int d) {
    try (var scope = Tensor.noGrad()) {
      return network.forward(Tensor.wrap(X, n, d)).toFloatArray();
    }
  }

  /** Flattens a double matrix to float, shape (n, d). */
  public static float[] flatten(double[][] X) {
    return Tensor.of(X).storage();
  }

  static float[] gatherRows(float[] X, int d, int[] rows) {
    float[] out = new float[rows.length * d];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(X, rows[i] * d, out, i * d, d);
    }
    return out;
  }

  private static int[] range(int n) {
    int[] r = new int[n];
    for (int i = 0; i < n; i++) {
      r[i] = i;
    }
    return r;
  }
}

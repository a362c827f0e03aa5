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


  /** One training step on a batch: forward, backward; returns the batch loss. */
  @FunctionalInterface
  private interface Step {
    float run(int[] rows);
  }

  private final Module network;
  private final List<Double> lossCurve = new ArrayList<>();
  private int nIter;

  /**
   * Builds the layers in → hidden... → out with the estimator's activation between them, and
   * draws their initial weights from {@code random}.
   */
  public MultiLayerPerceptron(int inputs, int outputs, BaseMultilayerPerceptron<?> options,
      RandomState random) {
    List<Module> layers = new ArrayList<>();
    int fanIn = inputs;
    int[] hidden = options.param(BaseMultilayerPerceptron.HIDDEN_LAYER_SIZES);
    String activation = options.param(BaseMultilayerPerceptron.ACTIVATION);
    int[] sizes = java.util.Arrays.copyOf(hidden, hidden.length + 1);
    sizes[sizes.length - 1] = outputs;
    double factor = activation.equals("logistic") ? 2.0 : 6.0;
    for (int i = 0; i < sizes.length; i++) {
      Linear layer = new Linear(fanIn, sizes[i], random);
      double bound = Math.sqrt(factor / (fanIn + sizes[i]));
      Module.assign("weight", layer.weight(), Tensor.uniform(random, -bound, bound, sizes[i], fanIn));
      Module.assign("bias", layer.bias(), Tensor.uniform(random, -bound, bound, sizes[i]));
      layers.add(layer);
      if (i < sizes.length - 1) {
        layers.add(Activation.of(activation.equals("logistic") ? "sigmoid" : activation));
      }
      fanIn = sizes[i];
    }
    this.network = new Sequential(layers.toArray(Module[]::new));
  }

  public Module network() {
    return network;
  }

  /**
   * A network with the estimator's layers and the given weights ({@code coefs_},
   * {@code intercepts_}), for a model read back from its fitted state.
   */
  public static MultiLayerPerceptron rebuilt(BaseMultilayerPerceptron<?> options,
      List<float[][]> coefs, List<float[]> intercepts) {
    int inputs = coefs.get(0).length;
    int outputs = intercepts.get(intercepts.size() - 1).length;
    var network = new MultiLayerPerceptron(inputs, outputs, options, new RandomState(0));
    network.setWeights(coefs, intercepts);
    return network;
  }

  /**
   * The weight matrices, one per layer, each of shape (n_in, n_out) as scikit-learn's
   * {@code coefs_} (our layers keep them as (n_out, n_in)).
   */
  public List<float[][]> coefs() {
    List<float[][]> out = new ArrayList<>();
    for (Linear layer : linearLayers()) {
      int[] shape = layer.weight().shape();   // (n_out, n_in)
      float[] w = layer.weight().toFloatArray();
      float[][] coef = new float[shape[1]][shape[0]];
      for (int o = 0; o < shape[0]; o++) {
        for (int i = 0; i < shape[1]; i++) {
          coef[i][o] = w[o * shape[1] + i];
        }
      }
      out.add(coef);
    }
    return out;
  }

  /** The bias vectors, one per layer, shape (n_out,) ({@code intercepts_}). */
  public List<float[]> intercepts() {
    return linearLayers().stream().map(layer -> layer.bias().toFloatArray()).toList();
  }

  /**
   * Puts back weights read from {@link #coefs()} and {@link #intercepts()}.
   *
   * @throws IllegalArgumentException when their number or shapes do not fit this network
   */
  public void setWeights(List<float[][]> coefs, List<float[]> intercepts) {
    List<Linear> layers = linearLayers();
    if (coefs.size() != layers.size() || intercepts.size() != layers.size()) {
      throw new IllegalArgumentException("the network has " + layers.size() + " layers but "
          + coefs.size() + " coefs_ and " + intercepts.size() + " intercepts_ were given");
    }
    for (int l = 0; l < layers.size(); l++) {
      float[][] coef = coefs.get(l);
      int in = coef.length;
      int out = in == 0 ? 0 : coef[0].length;
      float[] w = new float[out * in];
      for (int o = 0; o < out; o++) {
        for (int i = 0; i < in; i++) {
          w[o * in + i] = coef[i][o];
        }
      }
      Module.assign("coefs_." + l, layers.get(l).weight(), Tensor.of(w, out, in));
      float[] bias = intercepts.get(l);
      Module.assign("intercepts_." + l, layers.get(l).bias(), Tensor.of(bias, bias.length));
    }
  }

  private List<Linear> linearLayers() {
    List<Linear> out = new ArrayList<>();
    for (Module m : ((Sequential) network).layers()) {
      if (m instanceof Linear linear) {
        out.add(linear);
      }
    }
    return out;
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
  public void fit(float[] X, int n, int d, BaseMultilayerPerceptron<?> o, RandomState random,
      BiFunction<Tensor, int[], Tensor> loss, java.util.function.ToDoubleFunction<int[]> validationScore,
      BaseMultilayerPerceptron.EpochListener listener) {
    double alpha = o.param(BaseMultilayerPerceptron.ALPHA);
    List<Tensor> weights = new ArrayList<>();
    network.namedParameters().forEach((k, v) -> {
      if (k.endsWith("weight")) {
        weights.add(v);
      }
    });
    List<Tensor> params = network.parameters();
    fit(n, o, random, batch -> rows -> {
      Tensor xb = Tensor.wrap(gatherRows(X, d, rows), rows.length, d);
      Tensor l = loss.apply(network.forward(xb), rows);
      if (alpha > 0) {
        Tensor penalty = null;
        for (Tensor w : weights) {
          Tensor s = w.square().sum();
          penalty = penalty == null ? s : penalty.add(s);
        }
        l = l.add(penalty.mul((float) (alpha / (2.0 * rows.length))));
      }
      float value = l.item();
      if (Float.isFinite(value)) {
        params.forEach(Tensor::zeroGrad);
        l.backward();
      }
      return value;
    }, validationScore, listener);
  }

  /**
   * {@link #fit(float[], int, int, BaseMultilayerPerceptron, RandomState, BiFunction,
   * java.util.function.ToDoubleFunction, BaseMultilayerPerceptron.EpochListener) fit} with a loss
   * on plain arrays: each step runs without the autograd graph, on buffers allocated once
   * ({@link DenseTraining}), and gives the same weights.
   */
  public void fit(float[] X, int n, int d, BaseMultilayerPerceptron<?> o, RandomState random,
      BatchLoss loss, java.util.function.ToDoubleFunction<int[]> validationScore,
      BaseMultilayerPerceptron.EpochListener listener) {
    double alpha = o.param(BaseMultilayerPerceptron.ALPHA);
    List<Module> layers = ((Sequential) network).layers();
    fit(n, o, random, batch -> new DenseTraining(layers, X, d, batch, alpha, loss)::step,
        validationScore, listener);
  }

  /** The epochs: {@code steps} makes the step for batches of at most the given size. */
  private void fit(int n, BaseMultilayerPerceptron<?> o, RandomState random,
      java.util.function.IntFunction<Step> steps,
      java.util.function.ToDoubleFunction<int[]> validationScore,
      BaseMultilayerPerceptron.EpochListener listener) {
    boolean earlyStopping = o.param(BaseMultilayerPerceptron.EARLY_STOPPING);
    double learningRate = o.param(BaseMultilayerPerceptron.LEARNING_RATE_INIT);
    double tol = o.param(BaseMultilayerPerceptron.TOL);
    int[] train = range(n);
    int[] validation = new int[0];
    if (earlyStopping) {
      int[] perm = random.permutation(n);
      double fraction = o.param(BaseMultilayerPerceptron.VALIDATION_FRACTION);
      int nVal = Math.max(1, (int) Math.ceil(fraction * n));
      validation = java.util.Arrays.copyOfRange(perm, 0, nVal);
      train = java.util.Arrays.copyOfRange(perm, nVal, n);
    }
    Object batchSize = o.param(BaseMultilayerPerceptron.BATCH_SIZE);
    int batch = batchSize instanceof Integer size ? Math.min(size, train.length)
        : Math.min(200, train.length);
    List<Tensor> params = network.parameters();
    Optimizer opt = o.param(BaseMultilayerPerceptron.SOLVER).equals("adam")
        ? new Adam(params, learningRate) : new SGD(params, learningRate, 0.9, 0, true);
    Step step = steps.apply(batch);
    double best = Double.POSITIVE_INFINITY;
    int noImprovement = 0;
    boolean shuffle = o.param(BaseMultilayerPerceptron.SHUFFLE);
    int nIterNoChange = o.param(BaseMultilayerPerceptron.N_ITER_NO_CHANGE);
    for (int epoch = 1, maxIter = o.param(BaseMultilayerPerceptron.MAX_ITER); epoch <= maxIter;
        epoch++) {
      if (shuffle) {
        random.shuffle(train);
      }
      double total = 0;
      for (int start = 0; start < train.length; start += batch) {
        int[] rows = java.util.Arrays.copyOfRange(train, start, Math.min(train.length, start + batch));
        float value = step.run(rows);
        if (!Float.isFinite(value)) {
          throw new Diverged(value, epoch, learningRate);
        }
        total += (double) value * rows.length;
        opt.step();
      }
      double epochLoss = total / train.length;
      lossCurve.add(epochLoss);
      nIter = epoch;
      if (listener != null) {
        listener.epochEnd(epoch, epochLoss);
      }
      // scikit-learn's rule: improvement means the monitored value beats the best by more than tol
      double monitored = earlyStopping ? -validationScore.applyAsDouble(validation) : epochLoss;
      if (monitored > best - tol) {
        noImprovement++;
      } else {
        noImprovement = 0;
      }
      best = Math.min(best, monitored);
      if (noImprovement >= nIterNoChange) {
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

package semaine.nn;

import java.util.List;
import semaine.base.BaseEstimator;
import semaine.base.EstimatorSpec;
import semaine.base.Param;
import semaine.base.Rule;
import semaine.random.RandomState;

/**
 * What {@code MLPClassifier} and {@code MLPRegressor} share, as scikit-learn's
 * {@code BaseMultilayerPerceptron}: their parameters, declared once with scikit-learn's names,
 * defaults and rules, and their chained setters. {@link MultiLayerPerceptron} reads them when it
 * builds and trains the network.
 *
 * <p>Not supported: solver "lbfgs", the learning-rate schedules other than "constant", and the
 * momentum / Adam constants (fixed at scikit-learn's defaults: momentum 0.9 with Nesterov, betas
 * 0.9 and 0.999, epsilon 1e-8).
 *
 * @param <E> the estimator class, returned by the setters
 */
public abstract class BaseMultilayerPerceptron<E extends BaseMultilayerPerceptron<E>>
    extends BaseEstimator<E> {

  protected static final Param<int[]> HIDDEN_LAYER_SIZES = Param.of("hidden_layer_sizes",
      new int[] {100}, Rule.intList(1));
  protected static final Param<String> ACTIVATION = Param.of("activation", "relu",
      Rule.options("identity", "logistic", "tanh", "relu"));
  protected static final Param<String> SOLVER = Param.of("solver", "adam",
      Rule.options("adam", "sgd"));
  protected static final Param<Double> ALPHA = Param.of("alpha", 1e-4, Rule.atLeast(0));
  /** "auto" is min(200, n_samples). */
  protected static final Param<Object> BATCH_SIZE = Param.of("batch_size", "auto",
      Rule.options("auto"), Rule.ints(1, null));
  protected static final Param<Double> LEARNING_RATE_INIT = Param.of("learning_rate_init", 1e-3,
      Rule.above(0));
  protected static final Param<Integer> MAX_ITER = Param.of("max_iter", 200, Rule.ints(1, null));
  protected static final Param<Boolean> SHUFFLE = Param.of("shuffle", true, Rule.bool());
  protected static final Param<Object> RANDOM_STATE = Param.of("random_state", null,
      Rule.randomState());
  protected static final Param<Double> TOL = Param.of("tol", 1e-4, Rule.atLeast(0));
  protected static final Param<Boolean> EARLY_STOPPING = Param.of("early_stopping", false,
      Rule.bool());
  protected static final Param<Double> VALIDATION_FRACTION = Param.of("validation_fraction", 0.1,
      Rule.reals(0.0, false, 1.0, false));
  protected static final Param<Integer> N_ITER_NO_CHANGE = Param.of("n_iter_no_change", 10,
      Rule.ints(1, null));

  /** The parameters, in scikit-learn's order, for the subclasses' specs. */
  protected static final List<Param<?>> PARAMS = List.of(HIDDEN_LAYER_SIZES, ACTIVATION, SOLVER,
      ALPHA, BATCH_SIZE, LEARNING_RATE_INIT, MAX_ITER, SHUFFLE, RANDOM_STATE, TOL, EARLY_STOPPING,
      VALIDATION_FRACTION, N_ITER_NO_CHANGE);

  /** Called after each epoch with (epoch 1-based, mean training loss); may be null. */
  public interface EpochListener {
    void epochEnd(int epoch, double loss);
  }

  private EpochListener listener;

  protected BaseMultilayerPerceptron(EstimatorSpec<E> spec) {
    super(spec);
  }

  /** Sizes of the hidden layers, default (100,). */
  public E hiddenLayerSizes(int... sizes) {
    return set(HIDDEN_LAYER_SIZES, sizes == null ? null : sizes.clone());
  }

  /** relu (default), tanh, logistic or identity. */
  public E activation(String activation) {
    return set(ACTIVATION, activation);
  }

  /** adam (default) or sgd. */
  public E solver(String solver) {
    return set(SOLVER, solver);
  }

  /** L2 strength, default 1e-4. */
  public E alpha(double alpha) {
    return set(ALPHA, alpha);
  }

  /** Mini-batch size; "auto" (the default) is min(200, n_samples). */
  public E batchSize(int batchSize) {
    return set(BATCH_SIZE, batchSize);
  }

  /** The step size of Adam or SGD (default 1e-3). */
  public E learningRateInit(double learningRate) {
    return set(LEARNING_RATE_INIT, learningRate);
  }

  /** Maximum number of epochs, default 200. */
  public E maxIter(int maxIter) {
    return set(MAX_ITER, maxIter);
  }

  /** Whether to shuffle the samples each epoch (default true). */
  public E shuffle(boolean shuffle) {
    return set(SHUFFLE, shuffle);
  }

  /** A seed: each {@code fit} starts a new {@code RandomState(seed)}. */
  public E randomState(long seed) {
    return set(RANDOM_STATE, seed);
  }

  /** A shared stream, advanced by each {@code fit}. */
  public E randomState(RandomState randomState) {
    return set(RANDOM_STATE, java.util.Objects.requireNonNull(randomState, "randomState"));
  }

  /** The improvement below which an epoch counts as no progress (default 1e-4). */
  public E tol(double tol) {
    return set(TOL, tol);
  }

  /** Holds out validationFraction of the data and stops on its score. */
  public E earlyStopping(boolean on) {
    return set(EARLY_STOPPING, on);
  }

  /** The share held out with early stopping, in (0, 1) (default 0.1). */
  public E validationFraction(double fraction) {
    return set(VALIDATION_FRACTION, fraction);
  }

  /** Epochs without progress before stopping (default 10). */
  public E nIterNoChange(int n) {
    return set(N_ITER_NO_CHANGE, n);
  }

  /** Receives (epoch, loss) after each epoch (the CLI's progress bar); not a parameter. */
  @SuppressWarnings("unchecked")
  public E epochListener(EpochListener l) {
    listener = l;
    return (E) this;
  }

  /**
   * A clone with the same parameters and the same epoch listener, so a network fitted as a clone
   * inside a composite (a {@code TransformedTargetRegressor}) still reports its epochs.
   */
  @Override
  public E clone() {
    return super.clone().epochListener(listener);
  }

  /** Mean training loss per epoch ({@code loss_curve_}). */
  public abstract double[] lossCurve();

  /** The epoch listener, or null. */
  protected EpochListener listener() {
    return listener;
  }

  /** A parameter's value, for the network code of this package. */
  <T> T param(Param<T> p) {
    return get(p);
  }

  /** The random stream of one fit, from {@code random_state}. */
  protected RandomState random() {
    return checkRandomState(get(RANDOM_STATE));
  }
}

package semaine.nn;

/**
 * The scikit-learn parameters of {@code MLPClassifier} and {@code MLPRegressor} as chained setters,
 * written once for both. Setters only store; {@code fit} validates (through
 * {@link MultiLayerPerceptron.Options}).
 *
 * @param <S> the estimator type returned by the setters
 */
public abstract class MLPParameters<S extends MLPParameters<S>> {

  private MultiLayerPerceptron.Options o = MultiLayerPerceptron.Options.defaults();
  private MultiLayerPerceptron.EpochListener listener;

  @SuppressWarnings("unchecked")
  private S self() {
    return (S) this;
  }

  private S with(MultiLayerPerceptron.Options next) {
    o = next;
    return self();
  }

  /** Sizes of the hidden layers, default (100,). */
  public S hiddenLayerSizes(int... sizes) {
    return with(new MultiLayerPerceptron.Options(sizes, o.activation(), o.solver(), o.alpha(), o.batchSize(),
        o.learningRateInit(), o.maxIter(), o.shuffle(), o.randomState(), o.tol(), o.earlyStopping(),
        o.validationFraction(), o.nIterNoChange()));
  }

  /** relu (default), tanh, logistic or identity. */
  public S activation(String activation) {
    return with(new MultiLayerPerceptron.Options(o.hiddenLayerSizes(), activation, o.solver(), o.alpha(),
        o.batchSize(), o.learningRateInit(), o.maxIter(), o.shuffle(), o.randomState(), o.tol(),
        o.earlyStopping(), o.validationFraction(), o.nIterNoChange()));
  }

  /** adam (default) or sgd. */
  public S solver(String solver) {
    return with(new MultiLayerPerceptron.Options(o.hiddenLayerSizes(), o.activation(), solver, o.alpha(),
        o.batchSize(), o.learningRateInit(), o.maxIter(), o.shuffle(), o.randomState(), o.tol(),
        o.earlyStopping(), o.validationFraction(), o.nIterNoChange()));
  }

  /** L2 strength, default 1e-4. */
  public S alpha(double alpha) {
    return with(new MultiLayerPerceptron.Options(o.hiddenLayerSizes(), o.activation(), o.solver(), alpha,
        o.batchSize(), o.learningRateInit(), o.maxIter(), o.shuffle(), o.randomState(), o.tol(),
        o.earlyStopping(), o.validationFraction(), o.nIterNoChange()));
  }

  /** Mini-batch size; 0 (default) means min(200, n_samples) as scikit-learn's "auto". */
  public S batchSize(int batchSize) {
    return with(new MultiLayerPerceptron.Options(o.hiddenLayerSizes(), o.activation(), o.solver(), o.alpha(),
        batchSize, o.learningRateInit(), o.maxIter(), o.shuffle(), o.randomState(), o.tol(),
        o.earlyStopping(), o.validationFraction(), o.nIterNoChange()));
  }

  public S learningRateInit(double lr) {
    return with(new MultiLayerPerceptron.Options(o.hiddenLayerSizes(), o.activation(), o.solver(), o.alpha(),
        o.batchSize(), lr, o.maxIter(), o.shuffle(), o.randomState(), o.tol(), o.earlyStopping(),
        o.validationFraction(), o.nIterNoChange()));
  }

  /** Maximum number of epochs, default 200. */
  public S maxIter(int maxIter) {
    return with(new MultiLayerPerceptron.Options(o.hiddenLayerSizes(), o.activation(), o.solver(), o.alpha(),
        o.batchSize(), o.learningRateInit(), maxIter, o.shuffle(), o.randomState(), o.tol(),
        o.earlyStopping(), o.validationFraction(), o.nIterNoChange()));
  }

  public S shuffle(boolean shuffle) {
    return with(new MultiLayerPerceptron.Options(o.hiddenLayerSizes(), o.activation(), o.solver(), o.alpha(),
        o.batchSize(), o.learningRateInit(), o.maxIter(), shuffle, o.randomState(), o.tol(),
        o.earlyStopping(), o.validationFraction(), o.nIterNoChange()));
  }

  public S randomState(long seed) {
    return with(new MultiLayerPerceptron.Options(o.hiddenLayerSizes(), o.activation(), o.solver(), o.alpha(),
        o.batchSize(), o.learningRateInit(), o.maxIter(), o.shuffle(), seed, o.tol(), o.earlyStopping(),
        o.validationFraction(), o.nIterNoChange()));
  }

  public S tol(double tol) {
    return with(new MultiLayerPerceptron.Options(o.hiddenLayerSizes(), o.activation(), o.solver(), o.alpha(),
        o.batchSize(), o.learningRateInit(), o.maxIter(), o.shuffle(), o.randomState(), tol,
        o.earlyStopping(), o.validationFraction(), o.nIterNoChange()));
  }

  /** Holds out validationFraction of the data and stops on its score. */
  public S earlyStopping(boolean on) {
    return with(new MultiLayerPerceptron.Options(o.hiddenLayerSizes(), o.activation(), o.solver(), o.alpha(),
        o.batchSize(), o.learningRateInit(), o.maxIter(), o.shuffle(), o.randomState(), o.tol(), on,
        o.validationFraction(), o.nIterNoChange()));
  }

  public S validationFraction(double fraction) {
    return with(new MultiLayerPerceptron.Options(o.hiddenLayerSizes(), o.activation(), o.solver(), o.alpha(),
        o.batchSize(), o.learningRateInit(), o.maxIter(), o.shuffle(), o.randomState(), o.tol(),
        o.earlyStopping(), fraction, o.nIterNoChange()));
  }

  public S nIterNoChange(int n) {
    return with(new MultiLayerPerceptron.Options(o.hiddenLayerSizes(), o.activation(), o.solver(), o.alpha(),
        o.batchSize(), o.learningRateInit(), o.maxIter(), o.shuffle(), o.randomState(), o.tol(),
        o.earlyStopping(), o.validationFraction(), n));
  }

  /** Receives (epoch, loss) after each epoch (the CLI's progress bar). */
  public S epochListener(MultiLayerPerceptron.EpochListener l) {
    listener = l;
    return self();
  }

  public MultiLayerPerceptron.Options options() {
    return o;
  }

  protected MultiLayerPerceptron.EpochListener listener() {
    return listener;
  }
}

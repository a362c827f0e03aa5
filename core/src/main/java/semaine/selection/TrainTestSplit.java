package semaine.selection;

import java.util.function.Supplier;
import semaine.random.RandomState;
import semaine.util.Checks;

/**
 * Splits samples into a random train and test subset: scikit-learn 1.9's {@code train_test_split}.
 *
 * <pre>{@code
 * // X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=42)
 * TrainTestSplit.Split<int[]> s = TrainTestSplit.of(X, y).testSize(0.25).randomState(42).split();
 * double[][] XTrain = s.XTrain(); int[] yTest = s.yTest();
 * }</pre>
 *
 * <p>Sizes follow {@code _validate_shuffle_split}: a fractional test size gives
 * n_test = ceil(test_size · n), a fractional train size n_train = floor(train_size · n), an integer
 * is a count, and the missing one is the rest (default test_size 0.25). With shuffling (the default),
 * {@code perm = rng.permutation(n)}, test = perm[:n_test], train = perm[n_test:n_test + n_train]
 * ({@code ShuffleSplit}); without, train is the first n_train samples and test the next n_test.
 * Not supported: {@code stratify}. Without {@code randomState} the stream is seeded from system
 * entropy (scikit-learn would use NumPy's global stream).
 *
 * @param <Y> the target type, {@code int[]} (labels) or {@code double[]} (regression targets)
 */
public final class TrainTestSplit<Y> {

  /**
   * The four arrays of {@code X_train, X_test, y_train, y_test = train_test_split(X, y)}. Rows of X
   * are shared with the input, not copied.
   */
  public record Split<Y>(double[][] XTrain, double[][] XTest, Y yTrain, Y yTest) {}

  /** The sample indices of each side, in the order they are taken. */
  public record Indices(int[] train, int[] test) {}

  /** Picks the entries of a target array at some indices. */
  private interface Take<Y> {
    Y apply(Y y, int[] indices);
  }

  private final double[][] X;
  private final Y y;
  private final Take<Y> take;
  private Number testSize;   // Integer (a count), Double (a fraction) or null
  private Number trainSize;
  private boolean shuffle = true;
  private Supplier<RandomState> random = RandomState::new;

  private TrainTestSplit(double[][] X, Y y, int yLength, Take<Y> take) {
    Checks.checkArgument(X != null, "X must not be null");
    Checks.checkSameLength("X", X.length, "y", yLength);
    this.X = X;
    this.y = y;
    this.take = take;
  }

  /** Splits samples {@code X} with integer labels {@code y}. */
  public static TrainTestSplit<int[]> of(double[][] X, int[] y) {
    Checks.checkArgument(y != null, "y must not be null");
    return new TrainTestSplit<>(X, y, y.length, TrainTestSplit::takeInts);
  }

  /** Splits samples {@code X} with real targets {@code y}. */
  public static TrainTestSplit<double[]> of(double[][] X, double[] y) {
    Checks.checkArgument(y != null, "y must not be null");
    return new TrainTestSplit<>(X, y, y.length, TrainTestSplit::takeDoubles);
  }

  /** {@code test_size=fraction}, in (0, 1): n_test = ceil(fraction · n). */
  public TrainTestSplit<Y> testSize(double fraction) {
    this.testSize = fraction;
    return this;
  }

  /** {@code test_size=count}, in [1, n - 1]. */
  public TrainTestSplit<Y> testSize(int count) {
    this.testSize = count;
    return this;
  }

  /** {@code train_size=fraction}, in (0, 1): n_train = floor(fraction · n). */
  public TrainTestSplit<Y> trainSize(double fraction) {
    this.trainSize = fraction;
    return this;
  }

  /** {@code train_size=count}, in [1, n - 1]. */
  public TrainTestSplit<Y> trainSize(int count) {
    this.trainSize = count;
    return this;
  }

  /** {@code shuffle} (default true); false takes the first samples for training. */
  public TrainTestSplit<Y> shuffle(boolean shuffle) {
    this.shuffle = shuffle;
    return this;
  }

  /** {@code random_state=seed}: a fresh {@code RandomState(seed)} for each split. */
  public TrainTestSplit<Y> randomState(long seed) {
    new RandomState(seed); // checks the seed range now
    this.random = () -> new RandomState(seed);
    return this;
  }

  /** {@code random_state=rs}: draws the permutation from (and advances) a shared stream. */
  public TrainTestSplit<Y> randomState(RandomState rs) {
    Checks.checkArgument(rs != null, "randomState must not be null");
    this.random = () -> rs;
    return this;
  }

  /** Draws the split. */
  public Split<Y> split() {
    Indices ind = indices();
    return new Split<>(rows(X, ind.train()), rows(X, ind.test()),
        take.apply(y, ind.train()), take.apply(y, ind.test()));
  }

  /** Draws the split and returns only the indices (train, test). */
  public Indices indices() {
    int n = X.length;
    int[] sizes = SplitSizes.resolve(n, testSize, trainSize);
    int nTrain = sizes[0];
    int nTest = sizes[1];
    int[] train = new int[nTrain];
    int[] test = new int[nTest];
    if (shuffle) {
      int[] perm = random.get().permutation(n);
      System.arraycopy(perm, 0, test, 0, nTest);
      System.arraycopy(perm, nTest, train, 0, nTrain);
    } else {
      for (int i = 0; i < nTrain; i++) {
        train[i] = i;
      }
      for (int i = 0; i < nTest; i++) {
        test[i] = nTrain + i;
      }
    }
    return new Indices(train, test);
  }

  private static double[][] rows(double[][] X, int[] indices) {
    double[][] out = new double[indices.length][];
    for (int i = 0; i < indices.length; i++) {
      out[i] = X[indices[i]];
    }
    return out;
  }

  private static int[] takeInts(int[] y, int[] indices) {
    int[] out = new int[indices.length];
    for (int i = 0; i < indices.length; i++) {
      out[i] = y[indices[i]];
    }
    return out;
  }

  private static double[] takeDoubles(double[] y, int[] indices) {
    double[] out = new double[indices.length];
    for (int i = 0; i < indices.length; i++) {
      out[i] = y[indices[i]];
    }
    return out;
  }
}

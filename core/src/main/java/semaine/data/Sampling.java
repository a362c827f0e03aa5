package semaine.data;

import java.util.function.Supplier;
import semaine.random.RandomState;
import semaine.util.Checks;

/** Pieces shared by the sample generators: NumPy's linspace, sklearn's shuffle, random states. */
final class Sampling {

  private Sampling() {}

  /**
   * {@code np.linspace(start, stop, num, endpoint)}: value i is {@code i * step + start} with
   * step = (stop - start) / (endpoint ? num - 1 : num), and the last value set to {@code stop}
   * exactly when {@code endpoint} and num > 1.
   */
  static double[] linspace(double start, double stop, int num, boolean endpoint) {
    return semaine.util.Linspace.of(start, stop, num, endpoint);
  }

  /**
   * The row order of {@code sklearn.utils.shuffle(X, y, random_state=rs)}: {@code arange(n)}
   * shuffled in place by {@link RandomState#shuffle(int[])} (n - 1 bounded draws from the end).
   */
  static int[] shuffledIndices(RandomState rs, int n) {
    return rs.permutation(n);
  }

  /** {@code X[indices]}: the rows of X in the given order (rows are shared, not copied). */
  static double[][] rows(double[][] X, int[] indices) {
    double[][] out = new double[indices.length][];
    for (int i = 0; i < indices.length; i++) {
      out[i] = X[indices[i]];
    }
    return out;
  }

  /** {@code y[indices]}. */
  static int[] take(int[] y, int[] indices) {
    int[] out = new int[indices.length];
    for (int i = 0; i < indices.length; i++) {
      out[i] = y[indices[i]];
    }
    return out;
  }

  /** A supplier of fresh {@code RandomState(seed)}s, as {@code check_random_state(int)}; checks seed now. */
  static Supplier<RandomState> seeded(long seed) {
    new RandomState(seed); // validates the seed range at configuration time
    return () -> new RandomState(seed);
  }

  /** A supplier of the given, shared stream, as {@code check_random_state(RandomState)}. */
  static Supplier<RandomState> shared(RandomState rs) {
    if (rs == null) {
      throw new IllegalArgumentException("randomState must not be null");
    }
    return () -> rs;
  }

  /** Adds {@code normal(scale=noise, size=X.shape)} to X in place, element by element in C order. */
  static void addNoise(double[][] X, RandomState rs, double noise) {
    for (double[] row : X) {
      for (int c = 0; c < row.length; c++) {
        row[c] += rs.normal(0.0, noise);
      }
    }
  }

  /**
   * The common end of make_moons and make_circles: stack the outer points (label 0) over the inner
   * ones (label 1), shuffle the rows if asked, then add {@code normal(scale=noise, size=X.shape)} if
   * noise is not null (noise = 0 still draws, as in scikit-learn).
   *
   * @param xs first coordinates, outer then inner, shape (n,)
   * @param ys second coordinates, shape (n,)
   */
  static LabeledSamples twoClasses(double[] xs, double[] ys, int nOuter, boolean shuffle,
      Double noise, RandomState rs) {
    int n = xs.length;
    double[][] X = new double[n][];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      X[i] = new double[] {xs[i], ys[i]};
      y[i] = i < nOuter ? 0 : 1;
    }
    if (shuffle) {
      int[] order = shuffledIndices(rs, n);
      X = rows(X, order);
      y = take(y, order);
    }
    if (noise != null) {
      addNoise(X, rs, noise);
    }
    return new LabeledSamples(X, y);
  }

  /** Checks a noise level: null (no noise) or a finite value >= 0. */
  static Double checkNoise(double noise) {
    Checks.checkFinite("noise", noise);
    return Checks.checkNonNegative("noise", noise);
  }
}

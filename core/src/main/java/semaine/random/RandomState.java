package semaine.random;

import semaine.util.Checks;

/**
 * NumPy's legacy {@code numpy.random.RandomState}: the same MT19937 stream and the same
 * distributions, bit for bit, for the same seed.
 *
 * <p>{@code new RandomState(0).randn(5)} returns exactly the doubles of
 * {@code np.random.RandomState(0).randn(5)} (and of {@code np.random.seed(0); np.random.randn(5)}).
 * The book's global {@code np.random} becomes one {@code RandomState} passed along; scikit-learn's
 * {@code random_state=RandomState} (a shared, advancing stream) is the same object here.
 *
 * <h2>How each value is drawn (NumPy's legacy algorithms)</h2>
 * <ul>
 *   <li>Seeding: {@code init_genrand(seed)} (not {@code init_by_array}); it also clears the
 *       Gaussian cache.
 *   <li>{@link #randomSample()}: two 32-bit words, (w1 >>> 5) * 2^26 + (w2 >>> 6), divided by 2^53.
 *   <li>{@link #randn()}: Marsaglia's polar method on two such doubles,
 *       x = 2u - 1, r2 = x1² + x2² until 0 < r2 < 1, f = sqrt(-2 ln(r2) / r2); returns f·x2 and
 *       caches f·x1 for the next Gaussian call. The cache is shared by randn, standardNormal and
 *       normal; uniform, randint, choice and shuffle neither use nor clear it.
 *   <li>{@link #randint(long, long)}: masked rejection on high - 1 - low (32-bit words while that
 *       fits, otherwise 64-bit draws made of two words, high word first).
 *   <li>{@link #shuffle(int[])}: Fisher-Yates from the end, j = bounded draw in [0, i].
 *   <li>{@link #choice(int, int, double[])}: cdf = cumsum(p) / last, one double per draw,
 *       index = number of cdf values ≤ u (searchsorted, side right).
 * </ul>
 *
 * <h2>The logarithm</h2>
 * NumPy's polar method calls the C library's {@code log()}, which in glibc is not correctly rounded
 * in about 8 of 10,000 calls, so {@link Math#log} would make a rare Gaussian differ in the last bit.
 * The sampler uses {@code GlibcLog}, a pure-Java port of glibc's {@code log} that returns glibc's
 * double in every case tested, so Gaussians match NumPy on glibc systems (Linux) bit for bit. Where
 * NumPy runs on another C library (macOS, Windows), its own Gaussians may differ from these in rare
 * last bits; uniform, integer and permutation streams never depend on the logarithm.
 *
 * <p>Not thread-safe: one stream per thread, as in NumPy.
 */
public final class RandomState {

  private static final long MAX_SEED = 0xffffffffL;

  private final MersenneTwister mt = new MersenneTwister();
  private boolean hasGauss;
  private double gauss;

  /** A generator seeded from system entropy, like {@code np.random.RandomState()}. */
  public RandomState() {
    mt.seedFromEntropy();
  }

  /** A generator seeded like {@code np.random.RandomState(seed)}; 0 ≤ seed ≤ 2^32 - 1. */
  public RandomState(long seed) {
    seed(seed);
  }

  /**
   * An independent generator in the same state, which draws the same numbers from here on
   * ({@code copy.deepcopy(rs)}; scikit-learn's {@code clone} copies a RandomState parameter so).
   */
  public RandomState copy() {
    RandomState copy = new RandomState(0);
    copy.mt.copyFrom(mt);
    copy.hasGauss = hasGauss;
    copy.gauss = gauss;
    return copy;
  }

  /**
   * Re-seeds, like {@code np.random.seed(seed)}, and clears the cached Gaussian.
   *
   * @throws IllegalArgumentException unless 0 ≤ seed ≤ 4294967295
   */
  public void seed(long seed) {
    if (seed < 0 || seed > MAX_SEED) {
      throw new IllegalArgumentException(
          "seed (" + seed + ") must be in [0, " + MAX_SEED + "]");
    }
    mt.seed(seed);
    hasGauss = false;
    gauss = 0.0;
  }

  /** The next raw (tempered) MT19937 word, in [0, 2^32 - 1]. */
  public long nextUint32() {
    return mt.nextUint32();
  }

  // ---------------------------------------------------------------- uniform doubles

  /** A double in [0, 1) with 53 random bits: {@code random_sample()}. */
  public double randomSample() {
    return mt.nextDouble();
  }

  /** {@code n} doubles in [0, 1): {@code random_sample(n)}. */
  public double[] randomSample(int n) {
    double[] out = new double[Checks.checkNonNegative("n", n)];
    BulkDraws.uniforms(mt, out, 0, n);
    return out;
  }

  /** Same as {@link #randomSample()}: {@code np.random.rand()}. */
  public double rand() {
    return randomSample();
  }

  /** Same as {@link #randomSample(int)}: {@code np.random.rand(n)}. */
  public double[] rand(int n) {
    return randomSample(n);
  }

  /** A (rows, cols) matrix of doubles in [0, 1), filled row by row: {@code np.random.rand(rows, cols)}. */
  public double[][] rand(int rows, int cols) {
    return uniform(0.0, 1.0, rows, cols);
  }

  /** {@code low + (high - low) * u}: {@code uniform(low, high)}. */
  public double uniform(double low, double high) {
    return low + checkedRange(low, high) * mt.nextDouble();
  }

  /** {@code n} values of {@link #uniform(double, double)}: {@code uniform(low, high, n)}. */
  public double[] uniform(double low, double high, int n) {
    double range = checkedRange(low, high);
    double[] out = new double[Checks.checkNonNegative("n", n)];
    BulkDraws.uniforms(mt, out, 0, n);
    for (int i = 0; i < n; i++) {
      out[i] = low + range * out[i];
    }
    return out;
  }

  /** A (rows, cols) uniform matrix filled in C (row-major) order: {@code uniform(low, high, (rows, cols))}. */
  public double[][] uniform(double low, double high, int rows, int cols) {
    double range = checkedRange(low, high);
    double[][] out = matrix(rows, cols);
    BulkDraws.Scratch scratch = new BulkDraws.Scratch();
    BulkDraws.fillRows(out, buffer -> BulkDraws.uniforms(mt, buffer, 0, buffer.length, scratch),
        (c, u) -> low + range * u);
    return out;
  }

  // ---------------------------------------------------------------- Gaussians

  /** A standard normal value (legacy polar method, one-value cache): {@code randn()}. */
  public double randn() {
    if (hasGauss) {
      hasGauss = false;
      double cached = gauss;
      gauss = 0.0;
      return cached;
    }
    double x1;
    double x2;
    double r2;
    do {
      x1 = 2.0 * mt.nextDouble() - 1.0;
      x2 = 2.0 * mt.nextDouble() - 1.0;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1.0 || r2 == 0.0);
    double f = BulkDraws.polarScale(r2);
    gauss = f * x1;
    hasGauss = true;
    return f * x2; // NumPy returns the value built from the second uniform first
  }

  /** {@code n} standard normal values: {@code randn(n)}. */
  public double[] randn(int n) {
    double[] out = new double[Checks.checkNonNegative("n", n)];
    fillRandn(out);
    return out;
  }

  /**
   * out[i] = randn() for every i, in order: a cached value first, then whole pairs in bulk
   * ({@link BulkDraws#gaussianPairs}), and the slots the bulk rounds leave by {@link #randn()}
   * (an odd last one caches its pair's other value).
   */
  private void fillRandn(double[] out) {
    fillRandn(out, new BulkDraws.Scratch());
  }

  /** {@link #fillRandn(double[])} with the bulk draws' states in scratch. */
  private void fillRandn(double[] out, BulkDraws.Scratch scratch) {
    int i = 0;
    if (hasGauss && out.length > 0) {
      out[i++] = randn();
    }
    i = BulkDraws.gaussianPairs(mt, out, i, i + (out.length - i) / 2 * 2, scratch);
    for (; i < out.length; i++) {
      out[i] = randn();
    }
  }

  /** A (rows, cols) standard normal matrix, filled in C order: {@code randn(rows, cols)}. */
  public double[][] randn(int rows, int cols) {
    double[][] out = matrix(rows, cols);
    BulkDraws.Scratch scratch = new BulkDraws.Scratch();
    BulkDraws.fillRows(out, buffer -> fillRandn(buffer, scratch), (c, z) -> z);
    return out;
  }

  /** Same as {@link #randn()}: {@code standard_normal()}. */
  public double standardNormal() {
    return randn();
  }

  /** Same as {@link #randn(int)}: {@code standard_normal(n)}. */
  public double[] standardNormal(int n) {
    return randn(n);
  }

  /** {@code loc + scale * randn()}: {@code normal(loc, scale)}; scale must be ≥ 0. */
  public double normal(double loc, double scale) {
    Checks.checkNonNegative("scale", scale);
    return loc + scale * randn();
  }

  /** {@code n} values of {@link #normal(double, double)}: {@code normal(loc, scale, n)}. */
  public double[] normal(double loc, double scale, int n) {
    Checks.checkNonNegative("scale", scale);
    double[] out = new double[Checks.checkNonNegative("n", n)];
    fillRandn(out);
    for (int i = 0; i < n; i++) {
      out[i] = loc + scale * out[i];
    }
    return out;
  }

  /**
   * A (rows, loc.length) matrix with element (r, c) = loc[c] + scale * randn(), filled in C order:
   * {@code normal(loc=loc, scale=scale, size=(rows, len(loc)))}, as make_blobs draws a cluster.
   */
  public double[][] normal(double[] loc, double scale, int rows) {
    Checks.checkArgument(loc != null, "loc must not be null");
    Checks.checkNonNegative("scale", scale);
    double[][] out = matrix(rows, loc.length);
    BulkDraws.Scratch scratch = new BulkDraws.Scratch();
    BulkDraws.fillRows(out, buffer -> fillRandn(buffer, scratch), (c, z) -> loc[c] + scale * z);
    return out;
  }

  // ---------------------------------------------------------------- integers

  /**
   * An integer in [low, high): {@code randint(low, high)} with NumPy's default int64 dtype.
   *
   * @throws IllegalArgumentException if low ≥ high
   */
  public long randint(long low, long high) {
    return low + bounded(checkedSpan(low, high));
  }

  /** {@code n} integers in [low, high): {@code randint(low, high, n)}. */
  public long[] randint(long low, long high, int n) {
    long span = checkedSpan(low, high);
    long[] out = new long[Checks.checkNonNegative("n", n)];
    for (int i = 0; i < n; i++) {
      out[i] = low + bounded(span);
    }
    return out;
  }

  /**
   * A uniform integer in [0, max], {@code max} read as unsigned, by masked rejection: NumPy's
   * {@code random_interval} and the legacy bounded-integer path (both give the same draws, including
   * max = 2^32 - 1, which accepts every word). Draws nothing when max is 0.
   */
  long bounded(long max) {
    if (max == 0) {
      return 0;
    }
    long mask = max;
    mask |= mask >>> 1;
    mask |= mask >>> 2;
    mask |= mask >>> 4;
    mask |= mask >>> 8;
    mask |= mask >>> 16;
    mask |= mask >>> 32;
    long value;
    if (Long.compareUnsigned(max, MAX_SEED) <= 0) {
      do {
        value = mt.nextUint32() & mask;
      } while (value > max);
    } else {
      do {
        value = mt.nextLong() & mask;
      } while (Long.compareUnsigned(value, max) > 0);
    }
    return value;
  }

  // ---------------------------------------------------------------- choice

  /** A uniform index in [0, n): {@code choice(n)}. */
  public int choice(int n) {
    checkPopulation(n, 1);
    return (int) bounded(n - 1);
  }

  /** {@code size} uniform indices in [0, n), with replacement: {@code choice(n, size)}. */
  public int[] choice(int n, int size) {
    return choice(n, size, true);
  }

  /**
   * {@code size} indices in [0, n): with replacement, {@code randint(0, n, size)}; without,
   * the first {@code size} entries of {@link #permutation(int) permutation(n)}, as NumPy does.
   *
   * @throws IllegalArgumentException if size < 0, or if !replace and size > n
   */
  public int[] choice(int n, int size, boolean replace) {
    Checks.checkNonNegative("size", size);
    checkPopulation(n, size);
    int[] out = new int[size];
    if (replace) {
      for (int i = 0; i < size; i++) {
        out[i] = (int) bounded(n - 1);
      }
      return out;
    }
    if (size > n) {
      throw new IllegalArgumentException("size (" + size + ") must be <= n (" + n
          + ") when sampling without replacement");
    }
    System.arraycopy(permutation(n), 0, out, 0, size);
    return out;
  }

  /** An index in [0, n) drawn with probabilities {@code p}: {@code choice(n, p=p)}. */
  public int choice(int n, double[] p) {
    return choice(n, 1, p)[0];
  }

  /**
   * {@code choice(n, p=np.full(n, 1 / n))}: one index drawn as {@link #choice(int, double[])} draws
   * it with every probability 1/n (scikit-learn's first k-means++ centre), without the n-value
   * arrays of p and of its cumulative sum: the running sum of 1/n is formed twice, once for its
   * total and once to find the first entry of cumsum / total above the draw.
   */
  public int choiceUniform(int n) {
    checkPopulation(n, 1);
    double w = 1.0 / n;
    double total = 0.0;
    for (int i = 0; i < n; i++) {
      total += w;
    }
    double u = mt.nextDouble();
    double running = 0.0;
    for (int i = 0; i < n; i++) {
      running += w;
      if (running / total > u) {
        return i;
      }
    }
    return n;
  }

  /**
   * {@code size} indices in [0, n) drawn with replacement and probabilities {@code p}:
   * {@code choice(n, size, p=p)}. Each draw takes one {@link #randomSample()} u and returns the number
   * of entries of cumsum(p) / sum(p) that are ≤ u.
   *
   * @throws IllegalArgumentException if p is not n finite, non-negative values summing to 1 within
   *     sqrt(machine epsilon) (NumPy's tolerance, "probabilities do not sum to 1")
   */
  public int[] choice(int n, int size, double[] p) {
    return choice(n, size, p, Probabilities.cumulative(n, p));
  }

  /**
   * {@code choice(n, p=p)} for a float32 p: NumPy converts it to float64 but checks its sum within
   * sqrt(float32 eps) (scikit-learn's k-means++ on float32 data draws so).
   */
  public int choice(int n, float[] p) {
    double[] wide = widen(p);
    return choice(n, 1, wide,
        Probabilities.cumulative(n, wide, Probabilities.FLOAT32_SUM_TOLERANCE))[0];
  }

  /** {@link #choice(int, int, boolean, double[])} for a float32 p (see {@link #choice(int, float[])}). */
  public int[] choice(int n, int size, boolean replace, float[] p) {
    double[] wide = widen(p);
    Probabilities.cumulative(n, wide, Probabilities.FLOAT32_SUM_TOLERANCE);
    return choice(n, size, replace, wide, Probabilities.FLOAT32_SUM_TOLERANCE);
  }

  private static double[] widen(float[] p) {
    Checks.checkArgument(p != null, "p must not be null");
    double[] wide = new double[p.length];
    for (int i = 0; i < p.length; i++) {
      wide[i] = p[i];
    }
    return wide;
  }

  private int[] choice(int n, int size, double[] p, double[] cdf) {
    Checks.checkNonNegative("size", size);
    checkPopulation(n, size);
    int[] out = new int[size];
    for (int i = 0; i < size; i++) {
      out[i] = Probabilities.searchRight(cdf, mt.nextDouble());
    }
    return out;
  }

  /**
   * {@link #choice(int, int, double[])} for many calls with the same p: p is checked and its
   * cumulative sum formed once, then {@code apply(size)} draws {@code size} indices from this
   * stream, the same bits as calling {@code choice(n, size, p)} each time (scikit-learn's
   * {@code MiniBatchKMeans} draws every minibatch this way).
   */
  public java.util.function.IntFunction<int[]> choiceWith(int n, double[] p) {
    checkPopulation(n, 1);
    double[] cdf = Probabilities.cumulative(n, p);
    return size -> {
      int[] out = new int[Checks.checkNonNegative("size", size)];
      for (int i = 0; i < size; i++) {
        out[i] = Probabilities.searchRight(cdf, mt.nextDouble());
      }
      return out;
    };
  }

  /**
   * {@code size} distinct indices in [0, n) drawn with probabilities {@code p}:
   * {@code choice(n, size, replace=False, p=p)}. NumPy's rounds: draw one double per missing index,
   * search them in cumsum(p) / sum(p) with the indices found so far given probability 0, keep the
   * new distinct ones in order of first appearance, and repeat until there are {@code size}.
   *
   * @throws IllegalArgumentException if p is invalid (as for sampling with replacement) or has
   *     fewer than {@code size} non-zero entries
   */
  public int[] choice(int n, int size, boolean replace, double[] p) {
    return choice(n, size, replace, p, Math.sqrt(Math.ulp(1.0)));
  }

  private int[] choice(int n, int size, boolean replace, double[] p, double tolerance) {
    if (replace) {
      return choice(n, size, p, Probabilities.cumulative(n, p, tolerance));
    }
    Checks.checkNonNegative("size", size);
    checkPopulation(n, size);
    Probabilities.cumulative(n, p, tolerance);
    int nonZero = 0;
    for (double v : p) {
      nonZero += v > 0 ? 1 : 0;
    }
    if (nonZero < size) {
      throw new IllegalArgumentException("p has " + nonZero + " non-zero entries but size is "
          + size + ": sampling without replacement needs at least size of them");
    }
    double[] weights = p.clone();
    int[] found = new int[size];
    int unique = 0;
    while (unique < size) {
      double[] u = randomSample(size - unique);
      for (int i = 0; i < unique; i++) {
        weights[found[i]] = 0.0;
      }
      double[] cdf = Probabilities.normalizedCumsum(weights);
      java.util.LinkedHashSet<Integer> fresh = new java.util.LinkedHashSet<>();
      for (double v : u) {
        fresh.add(Probabilities.searchRight(cdf, v));
      }
      for (int index : fresh) {
        found[unique++] = index;
      }
    }
    return found;
  }

  /** A uniformly chosen element of {@code a}: {@code choice(a)} (index = randint(0, len(a))). */
  public <T> T choice(T[] a) {
    Checks.checkArgument(a != null, "a must not be null");
    return a[choice(a.length)];
  }

  /** A uniformly chosen element of {@code a}: {@code choice(a)}. */
  public double choice(double[] a) {
    Checks.checkArgument(a != null, "a must not be null");
    return a[choice(a.length)];
  }

  /** A uniformly chosen element of {@code a}: {@code choice(a)}. */
  public int choice(int[] a) {
    Checks.checkArgument(a != null, "a must not be null");
    return a[choice(a.length)];
  }

  // ---------------------------------------------------------------- shuffle and permutation

  /** Shuffles {@code x} in place (Fisher-Yates from the end): {@code shuffle(x)}. */
  public void shuffle(int[] x) {
    Checks.checkArgument(x != null, "x must not be null");
    for (int i = x.length - 1; i > 0; i--) {
      int j = (int) bounded(i);
      int t = x[i];
      x[i] = x[j];
      x[j] = t;
    }
  }

  /** Shuffles {@code x} in place: {@code shuffle(x)}. */
  public void shuffle(long[] x) {
    Checks.checkArgument(x != null, "x must not be null");
    for (int i = x.length - 1; i > 0; i--) {
      int j = (int) bounded(i);
      long t = x[i];
      x[i] = x[j];
      x[j] = t;
    }
  }

  /** Shuffles {@code x} in place: {@code shuffle(x)}. */
  public void shuffle(double[] x) {
    Checks.checkArgument(x != null, "x must not be null");
    for (int i = x.length - 1; i > 0; i--) {
      int j = (int) bounded(i);
      double t = x[i];
      x[i] = x[j];
      x[j] = t;
    }
  }

  /** Shuffles the rows of a matrix in place (NumPy shuffles a 2-D array along axis 0). */
  public void shuffle(double[][] rows) {
    shuffle((Object[]) rows);
  }

  /** Shuffles {@code x} in place: {@code shuffle(x)} on a list or object array. */
  public void shuffle(Object[] x) {
    Checks.checkArgument(x != null, "x must not be null");
    for (int i = x.length - 1; i > 0; i--) {
      int j = (int) bounded(i);
      Object t = x[i];
      x[i] = x[j];
      x[j] = t;
    }
  }

  /** {@code arange(n)} shuffled: {@code permutation(n)}. */
  public int[] permutation(int n) {
    int[] out = new int[Checks.checkNonNegative("n", n)];
    for (int i = 0; i < n; i++) {
      out[i] = i;
    }
    shuffle(out);
    return out;
  }

  /** A copy of {@code X} with its rows shuffled (rows themselves copied): {@code permutation(X)}. */
  public double[][] permutation(double[][] X) {
    Checks.checkArgument(X != null, "X must not be null");
    double[][] out = new double[X.length][];
    for (int i = 0; i < X.length; i++) {
      out[i] = X[i].clone();
    }
    shuffle(out);
    return out;
  }

  // ---------------------------------------------------------------- helpers

  private static double checkedRange(double low, double high) {
    double range = high - low;
    if (!Double.isFinite(range)) {
      throw new IllegalArgumentException("high - low (" + high + " - " + low + " = " + range
          + ") must be finite");
    }
    return range;
  }

  /** high - 1 - low, read as unsigned (it can exceed Long.MAX_VALUE). */
  private static long checkedSpan(long low, long high) {
    if (low >= high) {
      throw new IllegalArgumentException(
          "low (" + low + ") must be < high (" + high + ")");
    }
    return high - 1 - low;
  }

  private static void checkPopulation(int n, int size) {
    if (n < 0 || (n == 0 && size > 0)) {
      throw new IllegalArgumentException(
          "n (" + n + ") must be >= 1 unless no samples are taken");
    }
  }

  private static double[][] matrix(int rows, int cols) {
    return new double[Checks.checkNonNegative("rows", rows)][Checks.checkNonNegative("cols", cols)];
  }
}

package semaine.clustering;

import java.util.OptionalInt;
import semaine.random.RandomState;
import semaine.util.Checks;

/**
 * The elbow method: fit {@link KMeans} for k = A..B, record each inertia, and take the elbow of
 * the inertia curve by {@link Kneedle} (the point after which adding clusters gains little).
 *
 * <p>All fits draw from one {@link RandomState}, one after the other, as the book's listing does
 * with the global {@code np.random} stream: {@code for k in range(1, 10):
 * KMeans(n_clusters=k).fit(X).inertia_}. With a seed, the stream is {@code RandomState(seed)}.
 *
 * <h2>Example</h2>
 * <pre>{@code
 * var elbow = new ElbowMethod(1, 9).randomState(rs).fit(X);
 * double[] inertias = elbow.inertias();
 * OptionalInt k = elbow.elbow();
 * }</pre>
 */
public final class ElbowMethod {

  private final int kMin;
  private final int kMax;
  private Integer nInit;
  private KMeans.Init init = KMeans.Init.K_MEANS_PLUS_PLUS;
  private RandomState randomState;
  private Long seed;

  private int[] ks;
  private double[] inertias;
  private OptionalInt elbow;

  /** Tries every k in [kMin, kMax]. */
  public ElbowMethod(int kMin, int kMax) {
    this.kMin = Checks.checkPositive("kMin", kMin);
    if (kMax < kMin) {
      throw new IllegalArgumentException("kMax (" + kMax + ") must be >= kMin (" + kMin + ")");
    }
    this.kMax = kMax;
  }

  /** {@code n_init} of every fit ('auto' by default). */
  public ElbowMethod nInit(int nInit) {
    this.nInit = Checks.checkPositive("nInit", nInit);
    return this;
  }

  /** The initialisation of every fit (k-means++ by default). */
  public ElbowMethod init(KMeans.Init init) {
    Checks.checkArgument(init != null, "init must not be null");
    this.init = init;
    return this;
  }

  /** One {@code RandomState(seed)} shared by the successive fits. */
  public ElbowMethod randomState(long seed) {
    this.seed = seed;
    this.randomState = null;
    return this;
  }

  /** A stream shared by the successive fits (and advanced by them). */
  public ElbowMethod randomState(RandomState randomState) {
    Checks.checkArgument(randomState != null, "randomState must not be null");
    this.randomState = randomState;
    this.seed = null;
    return this;
  }

  /** Fits k = kMin..kMax on X in order and finds the elbow. */
  public ElbowMethod fit(double[][] X) {
    Checks.checkMatrix("X", X);
    if (kMax > X.length) {
      throw new IllegalArgumentException(
          "kMax (" + kMax + ") must be <= n_samples (" + X.length + ")");
    }
    RandomState random = randomState != null ? randomState
        : seed != null ? new RandomState(seed) : new RandomState();
    int count = kMax - kMin + 1;
    ks = new int[count];
    inertias = new double[count];
    double[] x = new double[count];
    for (int i = 0; i < count; i++) {
      ks[i] = kMin + i;
      x[i] = ks[i];
      KMeans model = new KMeans(ks[i]).init(init).randomState(random);
      if (nInit != null) {
        model.nInit(nInit);
      }
      inertias[i] = model.fit(X).inertia();
    }
    elbow = OptionalInt.empty();
    if (count >= 2 && inertias[0] != inertias[count - 1]) {
      OptionalInt index = Kneedle.knee(x, inertias);
      elbow = index.isPresent() ? OptionalInt.of(ks[index.getAsInt()]) : OptionalInt.empty();
    }
    return this;
  }

  /** The k tried, shape (kMax − kMin + 1,). */
  public int[] ks() {
    return Checks.checkFitted(ks, "ElbowMethod").clone();
  }

  /** The inertia of each fit, in the order of {@link #ks()}. */
  public double[] inertias() {
    return Checks.checkFitted(inertias, "ElbowMethod").clone();
  }

  /** The k at the elbow, or empty when the curve has no clear knee (see {@link #note()}). */
  public OptionalInt elbow() {
    return Checks.checkFitted(elbow, "ElbowMethod");
  }

  /** A sentence about the elbow: where it is, or why there is none. */
  public String note() {
    OptionalInt k = elbow();
    if (k.isPresent()) {
      return "elbow at k = " + k.getAsInt() + " (Kneedle, S = 1)";
    }
    if (ks.length < 3) {
      return "no elbow: try at least three values of k";
    }
    return "no clear elbow: the inertia curve has no knee by the Kneedle method (S = 1)";
  }
}

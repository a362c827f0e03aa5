package semaine.clustering;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import semaine.metrics.ClusteringMetrics;
import semaine.random.RandomState;
import semaine.util.Checks;

/**
 * The elbow method: fit {@link KMeans} for k = A..B, record each inertia, and take the elbow of
 * the inertia curve (the point after which adding clusters gains little).
 *
 * <p>Three ways to read the curve ({@link Criterion}): Kneedle ({@link #elbow()}, the paper's
 * knee), the largest ratio of successive drops ({@link Criterion#DROP_RATIO}) and the best
 * silhouette. Over 300 seeds of the book's Day 4 generator (k drawn in 2..8, 200 blobs of
 * standard deviation 0.5, fits for k = 1..9 from the same stream), the drop ratio names the true
 * k on every draw whose centres are at least 3 apart, where Kneedle and the silhouette often do
 * not ({@code ElbowMethodTest} counts them); on overlapping centres no rule can see the true k.
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
  private double[][] X;
  private int[][] labels;
  private OptionalInt silhouette;

  /** A way to read the elbow off the inertia curve. */
  public enum Criterion {
    /**
     * The k whose drop in inertia (from k − 1) is the largest multiple of the next drop (to
     * k + 1), a next drop below 1/2000 of the whole fall counting as that much (noise-level
     * drops make wild ratios): with well-separated groups, adding the last true group still
     * pays, the next one does not.
     */
    DROP_RATIO("drop_ratio"),
    /** Kneedle with S = 1 ({@link Kneedle}): the point farthest below the chord. */
    KNEEDLE("kneedle"),
    /** The k >= 2 of the largest mean silhouette (O(n²) per k). */
    SILHOUETTE("silhouette");

    private final String key;

    Criterion(String key) {
      this.key = key;
    }

    /** The name of the criterion in JSON ("drop_ratio", "kneedle", "silhouette"). */
    public String key() {
      return key;
    }
  }

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
    labels = new int[count][];
    silhouette = null;
    double[] x = new double[count];
    for (int i = 0; i < count; i++) {
      ks[i] = kMin + i;
      x[i] = ks[i];
      KMeans model = new KMeans(ks[i]).init(init).randomState(random);
      if (nInit != null) {
        model.nInit(nInit);
      }
      inertias[i] = model.fit(X).inertia();
      labels[i] = model.labels();
    }
    this.X = X;
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

  /**
   * The k at the elbow by Kneedle, or empty when the curve has no clear knee (see
   * {@link #note()}).
   */
  public OptionalInt elbow() {
    return Checks.checkFitted(elbow, "ElbowMethod");
  }

  /** The k at the elbow by the given criterion, or empty when it names none. */
  public OptionalInt elbow(Criterion criterion) {
    Checks.checkFitted(elbow, "ElbowMethod");
    return switch (criterion) {
      case KNEEDLE -> elbow;
      case DROP_RATIO -> largestDropRatio(inertias).isPresent()
          ? OptionalInt.of(ks[largestDropRatio(inertias).getAsInt()]) : OptionalInt.empty();
      case SILHOUETTE -> bestSilhouette();
    };
  }

  /** Each criterion's k (null when it names none), by {@link Criterion#key()}. */
  public Map<String, Integer> elbows() {
    Map<String, Integer> all = new LinkedHashMap<>();
    for (Criterion c : Criterion.values()) {
      OptionalInt k = elbow(c);
      all.put(c.key(), k.isPresent() ? k.getAsInt() : null);
    }
    return all;
  }

  /**
   * The index of the largest ratio of successive drops (see {@link Criterion#DROP_RATIO}), the
   * first on ties; empty for fewer than 3 values, or when inertia never falls.
   */
  static OptionalInt largestDropRatio(double[] inertias) {
    int count = inertias.length;
    double floor = (inertias[0] - inertias[count - 1]) / 2000;
    int best = -1;
    double bestRatio = 0.0;
    for (int i = 1; i < count - 1; i++) {
      double drop = inertias[i - 1] - inertias[i];
      double next = inertias[i] - inertias[i + 1];
      if (!(drop > 0) || !(floor > 0)) {
        continue;
      }
      double ratio = drop / Math.max(next, floor);
      if (best < 0 || ratio > bestRatio) {
        best = i;
        bestRatio = ratio;
      }
    }
    return best < 0 ? OptionalInt.empty() : OptionalInt.of(best);
  }

  /** The k >= 2 with the largest silhouette (computed once, on demand), the first on ties. */
  private OptionalInt bestSilhouette() {
    if (silhouette == null) {
      int best = -1;
      double bestScore = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < ks.length; i++) {
        long distinct = java.util.Arrays.stream(labels[i]).distinct().count();
        if (distinct < 2 || distinct > X.length - 1) {
          continue;
        }
        double score = ClusteringMetrics.silhouetteScore(X, labels[i]);
        if (score > bestScore) {
          best = i;
          bestScore = score;
        }
      }
      silhouette = best < 0 ? OptionalInt.empty() : OptionalInt.of(ks[best]);
    }
    return silhouette;
  }

  /** A sentence about the Kneedle elbow: where it is, or why there is none. */
  public String note() {
    return note(Criterion.KNEEDLE);
  }

  /** A sentence about the criterion's elbow: where it is, or why there is none. */
  public String note(Criterion criterion) {
    OptionalInt k = elbow(criterion);
    String how = switch (criterion) {
      case KNEEDLE -> "Kneedle, S = 1";
      case DROP_RATIO -> "largest ratio of successive drops in inertia";
      case SILHOUETTE -> "largest silhouette";
    };
    if (k.isPresent()) {
      return "elbow at k = " + k.getAsInt() + " (" + how + ")";
    }
    if (ks.length < 3) {
      return "no elbow: try at least three values of k";
    }
    return criterion == Criterion.KNEEDLE
        ? "no clear elbow: the inertia curve has no knee by the Kneedle method (S = 1)"
        : "no clear elbow by the " + how;
  }
}

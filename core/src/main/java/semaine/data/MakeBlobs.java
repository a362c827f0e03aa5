package semaine.data;

import java.util.Arrays;
import java.util.function.Supplier;
import semaine.random.RandomState;
import semaine.util.Checks;

/**
 * Isotropic Gaussian blobs for clustering: scikit-learn 1.9's {@code make_blobs}, the same numbers
 * for the same seed.
 *
 * <pre>{@code
 * Blobs b = new MakeBlobs().nSamples(50).centers(2).nFeatures(2).clusterStd(1.0).randomState(0).generate();
 * double[][] X = b.X(); int[] y = b.y(); double[][] centers = b.centers();
 * }</pre>
 *
 * <p>Draws, in order, from one {@link RandomState}: the centres (when not given) as
 * {@code uniform(box_lo, box_hi, size=(n_centers, n_features))} in C order; then for each centre i, in
 * order, its block {@code normal(loc=centers[i], scale=std[i], size=(n_i, n_features))}, the Gaussian
 * cache carrying over between blocks; then, if shuffle is on, one permutation of the rows
 * ({@code sklearn.utils.shuffle}). An integer n_samples is split n // k per centre, the first n % k
 * centres getting one more.
 *
 * <p>Defaults are scikit-learn's: 100 samples, 2 features, 3 random centres in the box (-10, 10),
 * std 1.0, shuffled. Without {@code randomState} the stream is seeded from system entropy
 * (scikit-learn would continue NumPy's global stream; pass a shared {@link RandomState} for that).
 */
public final class MakeBlobs {

  private int nSamples = 100;
  private int[] perCenter;          // (n_centers,) when n_samples is given per centre
  private Integer nCenters;         // null: 3, or len(perCenter)
  private double[][] centers;       // (n_centers, n_features) when given
  private Integer nFeatures;        // null: 2, or the width of the given centres
  private double clusterStd = 1.0;
  private double[] clusterStds;     // (n_centers,) when given per centre
  private double boxLow = -10.0;
  private double boxHigh = 10.0;
  private boolean shuffle = true;
  private Supplier<RandomState> random = RandomState::new;

  /** A generator with scikit-learn's defaults ({@code make_blobs()}). */
  public MakeBlobs() {}

  /** {@code make_blobs(n_samples=n)}: n samples split as equally as possible over the centres. */
  public MakeBlobs nSamples(int n) {
    this.nSamples = Checks.checkPositive("nSamples", n);
    this.perCenter = null;
    return this;
  }

  /**
   * {@code make_blobs(n_samples=[n0, n1, ...])}: that many samples for each centre; without explicit
   * centres, there are {@code perCenter.length} random ones.
   */
  public MakeBlobs nSamples(int[] perCenter) {
    Checks.checkArgument(perCenter != null && perCenter.length > 0,
        "nSamples per centre must have at least one entry");
    for (int i = 0; i < perCenter.length; i++) {
      if (perCenter[i] < 0) {
        throw new IllegalArgumentException(
            "nSamples[" + i + "] (" + perCenter[i] + ") must be >= 0");
      }
    }
    this.perCenter = perCenter.clone();
    return this;
  }

  /** {@code centers=k}: k centres drawn uniformly in the centre box. */
  public MakeBlobs centers(int k) {
    this.nCenters = Checks.checkPositive("centers", k);
    this.centers = null;
    return this;
  }

  /** {@code centers=array}: the given centres, shape (n_centers, n_features); no draws. */
  public MakeBlobs centers(double[][] given) {
    this.centers = copy(Checks.checkMatrix("centers", given));
    this.nCenters = null;
    return this;
  }

  /** {@code n_features}: the dimension of random centres (default 2). */
  public MakeBlobs nFeatures(int d) {
    this.nFeatures = Checks.checkPositive("nFeatures", d);
    return this;
  }

  /** {@code cluster_std=s}: the same standard deviation for every blob (default 1.0). */
  public MakeBlobs clusterStd(double std) {
    this.clusterStd = Checks.checkNonNegative("clusterStd", std);
    this.clusterStds = null;
    return this;
  }

  /** {@code cluster_std=[s0, s1, ...]}: one standard deviation per centre. */
  public MakeBlobs clusterStd(double[] stds) {
    Checks.checkArgument(stds != null, "clusterStd must not be null");
    for (int i = 0; i < stds.length; i++) {
      Checks.checkNonNegative("clusterStd[" + i + "]", stds[i]);
    }
    this.clusterStds = stds.clone();
    return this;
  }

  /** {@code center_box=(low, high)}: the box random centres are drawn from (default (-10, 10)). */
  public MakeBlobs centerBox(double low, double high) {
    Checks.checkFinite("centerBox low", low);
    Checks.checkFinite("centerBox high", high);
    this.boxLow = low;
    this.boxHigh = high;
    return this;
  }

  /** {@code shuffle}: whether to shuffle the samples (default true). */
  public MakeBlobs shuffle(boolean shuffle) {
    this.shuffle = shuffle;
    return this;
  }

  /** {@code random_state=seed}: a fresh {@code RandomState(seed)} for each {@link #generate()}. */
  public MakeBlobs randomState(long seed) {
    this.random = Sampling.seeded(seed);
    return this;
  }

  /** {@code random_state=rs}: draws from (and advances) the given shared stream. */
  public MakeBlobs randomState(RandomState rs) {
    this.random = Sampling.shared(rs);
    return this;
  }

  /** Draws the blobs. */
  public Blobs generate() {
    RandomState rs = random.get();
    double[][] c = centers(rs);
    int k = c.length;
    int[] counts = counts(k);
    double[] stds = stds(k);

    int n = 0;
    for (int count : counts) {
      n += count;
    }
    double[][] X = new double[n][];  // (n, n_features)
    int[] y = new int[n];
    int start = 0;
    for (int i = 0; i < k; i++) {
      double[][] block = rs.normal(c[i], stds[i], counts[i]);
      for (int r = 0; r < counts[i]; r++) {
        X[start + r] = block[r];
        y[start + r] = i;
      }
      start += counts[i];
    }
    if (shuffle) {
      int[] order = Sampling.shuffledIndices(rs, n);
      X = Sampling.rows(X, order);
      y = Sampling.take(y, order);
    }
    return new Blobs(X, y, centers != null ? copy(c) : c);
  }

  /** The centres, given or drawn; checks them against the other arguments first. */
  private double[][] centers(RandomState rs) {
    if (centers != null) {
      if (nFeatures != null && nFeatures != centers[0].length) {
        throw new IllegalArgumentException("nFeatures (" + nFeatures + ") must equal the "
            + centers[0].length + " columns of the given centers");
      }
      if (perCenter != null && perCenter.length != centers.length) {
        throw new IllegalArgumentException("nSamples has " + perCenter.length
            + " per-centre counts but centers has " + centers.length + " rows: they must match");
      }
      checkStdCount(centers.length);
      return centers;
    }
    if (perCenter != null && nCenters != null) {
      throw new IllegalArgumentException("centers (" + nCenters + ") must be given as an array "
          + "when nSamples is given per centre (or left out: one random centre per count)");
    }
    int k = perCenter != null ? perCenter.length : nCenters != null ? nCenters : 3;
    int d = nFeatures != null ? nFeatures : 2;
    checkStdCount(k);
    return rs.uniform(boxLow, boxHigh, k, d);
  }

  private void checkStdCount(int k) {
    if (clusterStds != null && clusterStds.length != k) {
      throw new IllegalArgumentException("clusterStd has " + clusterStds.length
          + " values but there are " + k + " centers: they must match");
    }
  }

  private int[] counts(int k) {
    if (perCenter != null) {
      return perCenter;
    }
    int[] counts = new int[k];
    for (int i = 0; i < k; i++) {
      counts[i] = nSamples / k + (i < nSamples % k ? 1 : 0);
    }
    return counts;
  }

  private double[] stds(int k) {
    if (clusterStds != null) {
      return clusterStds;
    }
    double[] stds = new double[k];
    Arrays.fill(stds, clusterStd);
    return stds;
  }

  private static double[][] copy(double[][] matrix) {
    double[][] out = new double[matrix.length][];
    for (int i = 0; i < matrix.length; i++) {
      out[i] = matrix[i].clone();
    }
    return out;
  }
}

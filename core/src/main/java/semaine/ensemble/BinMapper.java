package semaine.ensemble;

import java.util.Arrays;
import semaine.random.RandomState;
import semaine.util.Parallel;

/**
 * scikit-learn's {@code _BinMapper}: each feature's values become small integers (bins) before the
 * boosting, so that a split search scans at most {@code max_bins} histogram entries instead of the
 * sorted samples.
 *
 * <p>The thresholds of a feature come from its distinct non-NaN values: with at most
 * {@code max_bins} of them, the midpoints between consecutive values; else the
 * {@code np.percentile(values, linspace(0, 100, max_bins + 1)[1:-1], method="averaged_inverted_cdf")}
 * quantiles, deduplicated, clipped to 1e300. Above 200,000 rows the quantiles come from
 * {@code RandomState(seed).choice(n, 200000)} rows (drawn with replacement). A value goes to the
 * first bin whose threshold is at least it; NaN goes to the last bin, {@code max_bins}, whatever
 * the number of thresholds. A categorical feature's values are already its categories' indices:
 * its thresholds are those indices, so each category has its own bin.
 */
final class BinMapper {

  /** The rows beyond which the thresholds come from a subsample. */
  static final int SUBSAMPLE = 200_000;
  /** The rows binned feature by feature while they stay in the cache. */
  private static final int TRANSFORM_BLOCK = 1024;
  /** The rows whose values one task copies to the columns. */
  private static final int COLUMN_GRAIN = 1 << 14;
  /** {@code ALMOST_INF}: thresholds are clipped to it. */
  static final double ALMOST_INF = 1e300;

  private BinMapper() {}

  /**
   * The thresholds of each feature ({@code bin_thresholds_}).
   *
   * @param X (n_samples, n_features) the training rows, NaN allowed
   * @param maxBins the bins for non-missing values, 2 to 255
   * @param seed the seed of the subsample drawn above 200,000 rows
   */
  static double[][] fitThresholds(double[][] X, int maxBins, long seed) {
    return fitThresholds(X, maxBins, seed, null);
  }

  /**
   * The thresholds of each feature, a categorical feature's being its encoded categories
   * {@code 0, 1, ..., k − 1} (one bin per category).
   *
   * @param categories the categorical features (the first columns of X), or null
   */
  static double[][] fitThresholds(double[][] X, int maxBins, long seed,
      HistCategories categories) {
    int[] rows = null;
    if (X.length > SUBSAMPLE) {
      RandomState rs = new RandomState(seed);
      long[] drawn = rs.randint(0, X.length, SUBSAMPLE);
      rows = new int[SUBSAMPLE];
      for (int i = 0; i < SUBSAMPLE; i++) {
        rows[i] = (int) drawn[i];
      }
      // read in memory order: each column is sorted anyway (random rows took 0.13 s of misses)
      Arrays.sort(rows);
    }
    int nFeatures = X[0].length;
    double[][] thresholds = new double[nFeatures][];
    int nCategorical = categories == null ? 0 : categories.nCategorical();
    double[][] columns = columns(X, rows, nCategorical);
    Parallel.forRange(nFeatures, 1, (f0, f1) -> {
      for (int f = f0; f < f1; f++) {
        if (f < nCategorical) {
          thresholds[f] = new double[categories.nCategories(f)];
          Arrays.setAll(thresholds[f], c -> c);
        } else {
          thresholds[f] = thresholds(columns[f], maxBins);
        }
      }
    });
    return thresholds;
  }

  /**
   * The values of each numerical feature (from {@code nCategorical} on) over the rows (every row
   * when null), NaN included, read row by row, blocks of rows in parallel.
   */
  private static double[][] columns(double[][] X, int[] rows, int nCategorical) {
    int nFeatures = X[0].length;
    int n = rows == null ? X.length : rows.length;
    double[][] columns = new double[nFeatures][];
    for (int f = nCategorical; f < nFeatures; f++) {
      columns[f] = new double[n];
    }
    Parallel.forRange(n, COLUMN_GRAIN, (k0, k1) -> {
      for (int k = k0; k < k1; k++) {
        double[] x = X[rows == null ? k : rows[k]];
        for (int f = nCategorical; f < nFeatures; f++) {
          columns[f][k] = x[f];
        }
      }
    });
    return columns;
  }

  /**
   * {@code _find_binning_thresholds} on the non-NaN values of one feature (NaN, sorted last, are
   * left out).
   */
  static double[] thresholds(double[] values, int maxBins) {
    Arrays.sort(values);
    int size = values.length;
    while (size > 0 && Double.isNaN(values[size - 1])) {
      size--;
    }
    values = size == values.length ? values : Arrays.copyOf(values, size);
    double[] distinct = distinct(values);
    if (distinct.length <= 1) {
      return new double[0];
    }
    double[] out;
    if (distinct.length <= maxBins) {
      out = new double[distinct.length - 1];
      for (int i = 0; i < out.length; i++) {
        out[i] = (distinct[i] + distinct[i + 1]) / 2;
      }
    } else {
      out = new double[maxBins - 1];
      double step = 100.0 / maxBins;
      for (int i = 0; i < out.length; i++) {
        out[i] = averagedInvertedCdf(values, ((i + 1) * step) / 100);
      }
      out = distinct(out);
    }
    for (int i = 0; i < out.length; i++) {
      out[i] = Math.min(out[i], ALMOST_INF);
    }
    return out;
  }

  /** The distinct values of a sorted array, in order ({@code np.unique}; −0.0 equals 0.0). */
  private static double[] distinct(double[] sorted) {
    double[] out = new double[sorted.length];
    int size = 0;
    for (double v : sorted) {
      if (size == 0 || v != out[size - 1]) {
        out[size++] = v;
      }
    }
    return Arrays.copyOf(out, size);
  }

  /**
   * NumPy's {@code averaged_inverted_cdf} quantile q of sorted values: virtual index
   * {@code n·q − 1}; at an integer index the mean of that value and the next one (computed as
   * {@code b − (b − a)·0.5}), else the next value; the ends clamped.
   */
  static double averagedInvertedCdf(double[] sorted, double q) {
    int n = sorted.length;
    double virtual = n * q - 1;
    if (virtual >= n - 1) {
      return sorted[n - 1];
    }
    if (virtual < 0) {
      return sorted[0];
    }
    double previous = Math.floor(virtual);
    double a = sorted[(int) previous];
    double b = sorted[(int) previous + 1];
    double gamma = virtual - previous == 0 ? 0.5 : 1.0;
    return b - (b - a) * (1 - gamma);
  }

  /**
   * The bins of X ({@code transform}): per feature, the first i with {@code x <= thresholds[i]}
   * (the number of thresholds when none), NaN to {@code missingBin}.
   *
   * Blocks of rows are binned in parallel, each feature by feature ({@link Search}).
   *
   * @return (n_features, n_samples) bins, unsigned bytes
   */
  static byte[][] transform(double[][] X, double[][] thresholds, int missingBin) {
    byte[][] binned = new byte[thresholds.length][X.length];
    Search[] searches = new Search[thresholds.length];
    for (int f = 0; f < thresholds.length; f++) {
      searches[f] = new Search(thresholds[f]);
    }
    Parallel.forRange(X.length, TRANSFORM_BLOCK, (i0, i1) -> {
      for (int start = i0; start < i1; start += TRANSFORM_BLOCK) {
        int stop = Math.min(i1, start + TRANSFORM_BLOCK);
        for (int f = 0; f < thresholds.length; f++) {
          Search search = searches[f];
          byte[] column = binned[f];
          for (int i = start; i < stop; i++) {
            double x = X[i][f];
            column[i] = (byte) (Double.isNaN(x) ? missingBin : search.firstAtLeast(x));
          }
        }
      }
    });
    return binned;
  }

  /**
   * The first i with {@code x <= t[i]} in one feature's sorted thresholds t (t.length when none),
   * found from a table rather than by halving all of t (eight dependent steps for 255 bins): the
   * range from the first to the last threshold is cut in {@code 8·t.length} equal buckets, and
   * bucket b lists how many thresholds fall in the buckets before it ({@code below[b]}). The
   * bucket of x, {@code (x − t[0])·scale} rounded down, is monotone in x, so every threshold of
   * an earlier bucket is below x and every one of a later bucket above it: the answer is between
   * {@code below[b]} and {@code below[b + 1]}, reached by a few steps that each move on while the
   * threshold is below x (as many as the fullest bucket holds), or by halving that range when a
   * bucket holds more than {@link #MAX_STEPS}. The same answer as a search of all of t.
   */
  static final class Search {
    /** The steps from a bucket's start beyond which its range is halved instead. */
    static final int MAX_STEPS = 4;

    private final double[] t;
    private final double first;
    private final double last;
    private final double scale;
    private final int buckets;
    private final int[] below;
    private final int steps;

    Search(double[] thresholds) {
      t = thresholds;
      int m = t.length;
      first = m == 0 ? Double.POSITIVE_INFINITY : t[0];
      last = m == 0 ? Double.POSITIVE_INFINITY : t[m - 1];
      buckets = Math.max(1, 8 * m);
      scale = m <= 1 ? 0 : buckets / (last - first);
      int[] inBucket = new int[buckets];
      for (double threshold : t) {
        inBucket[bucket(threshold)]++;
      }
      below = new int[buckets + 1];
      int most = 0;
      for (int b = 0; b < buckets; b++) {
        below[b + 1] = below[b] + inBucket[b];
        most = Math.max(most, inBucket[b]);
      }
      steps = most;
    }

    private int bucket(double x) {
      return Math.min((int) ((x - first) * scale), buckets - 1);
    }

    /** The first i with {@code x <= t[i]}, x not NaN. */
    int firstAtLeast(double x) {
      if (x <= first) {
        return 0;
      }
      if (x > last) {
        return t.length;
      }
      int b = bucket(x);
      int i = below[b];
      if (steps > MAX_STEPS) {
        return BinMapper.firstAtLeast(t, i, below[b + 1], x);
      }
      for (int step = 0; step < steps; step++) {
        i += t[i] < x ? 1 : 0;
      }
      return i;
    }
  }

  /**
   * The first i in {@code [from, to]} with {@code x <= t[i]} ({@code to} when none), given that
   * the thresholds before {@code from} are below x: a binary search whose steps choose by a
   * conditional move rather than a branch (the bins of random values are unpredictable).
   */
  static int firstAtLeast(double[] t, int from, int to, double x) {
    int n = to - from;
    if (n == 0) {
      return from;
    }
    int base = from;
    while (n > 1) {
      int half = n >>> 1;
      base = t[base + half] < x ? base + half : base;
      n -= half;
    }
    return base + (t[base] < x ? 1 : 0);
  }
}

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
   * The non-NaN values of each numerical feature (from {@code nCategorical} on) over the rows
   * (every row when null), read row by row.
   */
  private static double[][] columns(double[][] X, int[] rows, int nCategorical) {
    int nFeatures = X[0].length;
    int n = rows == null ? X.length : rows.length;
    double[][] columns = new double[nFeatures][n];
    int[] sizes = new int[nFeatures];
    for (int k = 0; k < n; k++) {
      double[] x = X[rows == null ? k : rows[k]];
      for (int f = nCategorical; f < nFeatures; f++) {
        if (!Double.isNaN(x[f])) {
          columns[f][sizes[f]++] = x[f];
        }
      }
    }
    for (int f = nCategorical; f < nFeatures; f++) {
      columns[f] = sizes[f] == n ? columns[f] : Arrays.copyOf(columns[f], sizes[f]);
    }
    return columns;
  }

  /** {@code _find_binning_thresholds} on the non-NaN values of one feature. */
  static double[] thresholds(double[] values, int maxBins) {
    Arrays.sort(values);
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
   * Blocks of rows are binned in parallel, each feature by feature.
   *
   * @return (n_features, n_samples) bins, unsigned bytes
   */
  static byte[][] transform(double[][] X, double[][] thresholds, int missingBin) {
    byte[][] binned = new byte[thresholds.length][X.length];
    Parallel.forRange(X.length, TRANSFORM_BLOCK, (i0, i1) -> {
      for (int start = i0; start < i1; start += TRANSFORM_BLOCK) {
        int stop = Math.min(i1, start + TRANSFORM_BLOCK);
        for (int f = 0; f < thresholds.length; f++) {
          double[] t = thresholds[f];
          byte[] column = binned[f];
          for (int i = start; i < stop; i++) {
            double x = X[i][f];
            column[i] = (byte) (Double.isNaN(x) ? missingBin : firstAtLeast(t, x));
          }
        }
      }
    });
    return binned;
  }

  /**
   * The first i with {@code x <= t[i]}, t.length when none: a binary search whose steps choose
   * by a conditional move rather than a branch (the bins of random values are unpredictable).
   */
  static int firstAtLeast(double[] t, double x) {
    if (t.length == 0) {
      return 0;
    }
    int base = 0;
    int n = t.length;
    while (n > 1) {
      int half = n >>> 1;
      base = t[base + half] < x ? base + half : base;
      n -= half;
    }
    return base + (t[base] < x ? 1 : 0);
  }
}

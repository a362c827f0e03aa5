package semaine.preprocessing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import semaine.base.BaseEstimator;
import semaine.base.EstimatorSpec;
import semaine.base.Param;
import semaine.base.Rule;
import semaine.base.Transformer;
import semaine.clustering.KMeans;
import semaine.random.RandomState;
import semaine.util.Checks;
import semaine.util.Linspace;
import semaine.util.Percentile;

/**
 * Cuts each column into intervals (bins) and replaces a value by its bin: an ordinal code, or one
 * 0/1 column per bin.
 *
 * <p>As scikit-learn 1.9's {@code KBinsDiscretizer}: the edges of column j are equally spaced
 * between its min and max ("uniform"), its percentiles at {@code linspace(0, 100, n_bins + 1)}
 * ("quantile", with NumPy's {@code quantile_method}, by default "averaged_inverted_cdf" since
 * scikit-learn 1.9), or the midpoints between the sorted centres of a one-dimensional
 * {@link KMeans} started at the uniform bins' centres ("kmeans"); for quantile and kmeans, edges
 * closer than 1e-8 to the previous one are removed. A constant column has one bin. Value x falls in
 * bin {@code searchsorted(inner edges, x, side="right")}. With more than {@code subsample} rows,
 * the edges are learned on {@code subsample} rows drawn with replacement from {@code random_state}
 * ({@code resample}).
 *
 * <h2>Example</h2>
 * <pre>{@code
 * var bins = new KBinsDiscretizer(3).encode("ordinal");  // KBinsDiscretizer(3, encode="ordinal")
 * double[][] codes = bins.fitTransform(X);
 * }</pre>
 *
 * <p>Differences from scikit-learn 1.9: "onehot" gives a dense array, as "onehot-dense" does; no
 * {@code dtype}, no per-column {@code n_bins} and no {@code sample_weight}.
 */
public final class KBinsDiscretizer extends BaseEstimator<KBinsDiscretizer>
    implements Transformer {

  static final Param<Integer> N_BINS = Param.of("n_bins", 5, Rule.ints(2, null));
  static final Param<String> ENCODE = Param.of("encode", "onehot",
      Rule.options("onehot", "onehot-dense", "ordinal"));
  static final Param<String> STRATEGY = Param.of("strategy", "quantile",
      Rule.options("uniform", "quantile", "kmeans"));
  static final Param<String> QUANTILE_METHOD = Param.of("quantile_method",
      "averaged_inverted_cdf", Rule.options("inverted_cdf", "averaged_inverted_cdf",
          "closest_observation", "interpolated_inverted_cdf", "hazen", "weibull", "linear",
          "median_unbiased", "normal_unbiased"));
  static final Param<Integer> SUBSAMPLE = Param.of("subsample", 200_000, Rule.none(),
      Rule.ints(1, null));
  static final Param<Object> RANDOM_STATE = new Param<>("random_state", null,
      List.of(Rule.randomState()));
  private static final EstimatorSpec<KBinsDiscretizer> SPEC = EstimatorSpec.of(
      "sklearn.preprocessing.KBinsDiscretizer", KBinsDiscretizer::new, Fitted.class, N_BINS,
      ENCODE, STRATEGY, QUANTILE_METHOD, SUBSAMPLE, RANDOM_STATE);

  /** The edges of each column's bins (n_bins_[j] + 1 of them) and the number of bins. */
  private record Fitted(List<double[]> binEdges, int[] nBins, int nFeaturesIn) {}

  /** Five bins per column, by quantiles, one-hot encoded (scikit-learn's defaults). */
  public KBinsDiscretizer() {
    super(SPEC);
  }

  /** {@code nBins} bins per column. */
  public KBinsDiscretizer(int nBins) {
    this();
    set(N_BINS, nBins);
  }

  /** "onehot", "onehot-dense" or "ordinal" ({@code encode}, default "onehot"). */
  public KBinsDiscretizer encode(String encode) {
    return set(ENCODE, encode);
  }

  /** "uniform", "quantile" or "kmeans" ({@code strategy}, default "quantile"). */
  public KBinsDiscretizer strategy(String strategy) {
    return set(STRATEGY, strategy);
  }

  /** NumPy's percentile method for "quantile" ({@code quantile_method}). */
  public KBinsDiscretizer quantileMethod(String method) {
    return set(QUANTILE_METHOD, method);
  }

  /** The most rows the edges are learned on, or null for all ({@code subsample}). */
  public KBinsDiscretizer subsample(Integer subsample) {
    return set(SUBSAMPLE, subsample);
  }

  /** The seed of the subsample ({@code random_state}). */
  public KBinsDiscretizer randomState(long seed) {
    return set(RANDOM_STATE, seed);
  }

  /** Learns the edges of each column of X, shape (n_samples, n_features). */
  @Override
  public KBinsDiscretizer fit(double[][] X) {
    validateParams();
    Checks.checkMatrix("X", X);
    Integer subsample = get(SUBSAMPLE);
    if (subsample != null && X.length > subsample) {
      RandomState random = checkRandomState(get(RANDOM_STATE));
      int[] rows = random.choice(X.length, subsample, true);   // resample(replace=True)
      double[][] drawn = new double[subsample][];
      for (int i = 0; i < subsample; i++) {
        drawn[i] = X[rows[i]];
      }
      X = drawn;
    }
    int d = X[0].length;
    List<double[]> edges = new ArrayList<>();
    int[] nBins = new int[d];
    for (int j = 0; j < d; j++) {
      double[] column = new double[X.length];
      for (int i = 0; i < X.length; i++) {
        column[i] = X[i][j];
      }
      edges.add(edges(column));
      nBins[j] = edges.get(j).length - 1;
    }
    fitted(new Fitted(List.copyOf(edges), nBins, d));
    return this;
  }

  /** Each value's bin: codes, shape (n_samples, n_features), or 0/1 columns, Σ n_bins_ wide. */
  @Override
  public double[][] transform(double[][] X) {
    Fitted f = checkInput(X);
    boolean ordinal = get(ENCODE).equals("ordinal");
    int width = ordinal ? f.nFeaturesIn : Arrays.stream(f.nBins).sum();
    double[][] Z = new double[X.length][width];
    for (int i = 0; i < X.length; i++) {
      int offset = 0;
      for (int j = 0; j < f.nFeaturesIn; j++) {
        int bin = bin(f.binEdges.get(j), X[i][j]);
        if (ordinal) {
          Z[i][j] = bin;
        } else {
          Z[i][offset + bin] = 1.0;
          offset += f.nBins[j];
        }
      }
    }
    return Z;
  }

  /** The centre of each code's bin ({@code inverse_transform}); ordinal encoding only. */
  @Override
  public double[][] inverseTransform(double[][] Z) {
    Fitted f = checkInput(Z);
    if (!get(ENCODE).equals("ordinal")) {
      throw new UnsupportedOperationException("inverse_transform maps ordinal codes back: this"
          + " KBinsDiscretizer has encode=\"" + get(ENCODE) + "\"");
    }
    double[][] X = new double[Z.length][f.nFeaturesIn];
    for (int i = 0; i < Z.length; i++) {
      for (int j = 0; j < f.nFeaturesIn; j++) {
        double[] e = f.binEdges.get(j);
        int k = (int) Z[i][j];
        Checks.checkArgument(k >= 0 && k < f.nBins[j] && k == Z[i][j], "Z has code " + Z[i][j]
            + " at row " + i + ", column " + j + ": it must be an int in [0, " + f.nBins[j] + ")");
        X[i][j] = (e[k + 1] + e[k]) * 0.5;
      }
    }
    return X;
  }

  /** The edges of each column's bins ({@code bin_edges_}), n_bins_[j] + 1 values each. */
  public double[][] binEdges() {
    return this.<Fitted>fitted().binEdges.stream().map(double[]::clone).toArray(double[][]::new);
  }

  /** The number of bins of each column ({@code n_bins_}). */
  public int[] nBins() {
    return this.<Fitted>fitted().nBins.clone();
  }

  /** The edges of one column, as scikit-learn's fit loop computes them. */
  private double[] edges(double[] column) {
    double min = Arrays.stream(column).min().orElseThrow();
    double max = Arrays.stream(column).max().orElseThrow();
    if (min == max) {
      return new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
    }
    int nBins = get(N_BINS);
    double[] edges = switch (get(STRATEGY)) {
      case "uniform" -> Linspace.of(min, max, nBins + 1, true);
      case "quantile" -> {
        double[] sorted = column.clone();
        Arrays.sort(sorted);
        double[] levels = Linspace.of(0, 100, nBins + 1, true);
        double[] out = new double[levels.length];
        for (int k = 0; k < levels.length; k++) {
          out[k] = Percentile.ofSorted(sorted, levels[k], get(QUANTILE_METHOD));
        }
        yield out;
      }
      default -> kmeansEdges(column, min, max, nBins);
    };
    if (get(STRATEGY).equals("uniform")) {
      return edges;
    }
    // bins narrower than 1e-8 are removed (np.ediff1d(edges, to_begin=inf) > 1e-8)
    List<Double> kept = new ArrayList<>();
    for (int k = 0; k < edges.length; k++) {
      if (k == 0 || edges[k] - edges[k - 1] > 1e-8) {
        kept.add(edges[k]);
      }
    }
    return kept.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** One-dimensional k-means from the uniform bins' centres; edges at the centres' midpoints. */
  private static double[] kmeansEdges(double[] column, double min, double max, int nBins) {
    double[] uniform = Linspace.of(min, max, nBins + 1, true);
    double[][] init = new double[nBins][1];
    for (int k = 0; k < nBins; k++) {
      init[k][0] = (uniform[k + 1] + uniform[k]) * 0.5;
    }
    double[][] X = new double[column.length][];
    for (int i = 0; i < column.length; i++) {
      X[i] = new double[] {column[i]};
    }
    double[][] centres = new KMeans(nBins).init(init).nInit(1).fit(X).clusterCenters();
    double[] c = Arrays.stream(centres).mapToDouble(row -> row[0]).sorted().toArray();
    double[] edges = new double[nBins + 1];
    edges[0] = min;
    for (int k = 1; k < nBins; k++) {
      edges[k] = (c[k] + c[k - 1]) * 0.5;
    }
    edges[nBins] = max;
    return edges;
  }

  /** {@code np.searchsorted(edges[1:-1], x, side="right")}: the inner edges at most x. */
  private static int bin(double[] edges, double x) {
    int bin = 0;
    while (bin < edges.length - 2 && edges[bin + 1] <= x) {
      bin++;
    }
    return bin;
  }

  private Fitted checkInput(double[][] X) {
    Fitted f = fitted();
    Checks.checkMatrix("X", X);
    if (X[0].length != f.nFeaturesIn) {
      throw new IllegalArgumentException("X has " + X[0].length
          + " features but KBinsDiscretizer was fitted with " + f.nFeaturesIn);
    }
    return f;
  }
}

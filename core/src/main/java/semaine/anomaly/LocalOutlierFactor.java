package semaine.anomaly;

import java.util.ArrayList;
import java.util.List;
import semaine.base.Attribute;
import semaine.base.Derived;
import semaine.base.EstimatorSpec;
import semaine.base.OutlierDetector;
import semaine.base.Param;
import semaine.base.Rule;
import semaine.neighbors.NearestNeighbors;
import semaine.neighbors.NeighborsBase;
import semaine.neighbors.Neighbors;
import semaine.util.Checks;
import semaine.util.MinMax;
import semaine.util.Parallel;
import semaine.util.Sums;

/**
 * The Local Outlier Factor: how much less dense a sample's neighbourhood is than its neighbours'
 * neighbourhoods. scikit-learn 1.9's {@code LocalOutlierFactor}, same scores and labels.
 *
 * <pre>{@code
 * var model = new LocalOutlierFactor(20).contamination(0.5);  // LocalOutlierFactor(n_neighbors=20,
 * int[] predictions = model.fitPredict(X);                     //   contamination=0.5).fit_predict(X)
 * double[] scores = model.negativeOutlierFactor();             // negative_outlier_factor_
 * }</pre>
 *
 * <p>With k = {@code nNeighbors} and N(a) the k nearest other training samples of a:
 * <pre>
 * k-distance(o)     = distance from o to its k-th neighbour
 * reach-dist(a, o)  = max(d(a, o), k-distance(o))
 * lrd(a)            = 1 / (mean_{o ∈ N(a)} reach-dist(a, o) + 1e-10)
 * LOF(a)            = mean_{o ∈ N(a)} lrd(o) / lrd(a)
 * </pre>
 * A sample as dense as its neighbours has LOF ≈ 1; an isolated one has LOF well above 1.
 * {@code negativeOutlierFactor()} is −LOF (larger is more normal), and a training sample is an
 * outlier (−1) when its score is strictly below {@code offset()}: −1.5 with contamination "auto",
 * else the {@code 100·contamination} percentile of the scores (NumPy's linear method). The 1e-10
 * keeps lrd finite when more than k samples are duplicates (their mean reach-distance is 0); both
 * means are NumPy row means (pairwise summation), so the scores match scikit-learn to the last bit
 * whenever the distances do.
 *
 * <p>Neighbours are found by {@link NearestNeighbors} ({@code algorithm}, {@code p},
 * {@code leafSize}); a sample is not its own neighbour, and when duplicates crowd it out of its own
 * row the first neighbour is dropped instead, as scikit-learn does. {@code nNeighbors} larger than
 * the number of samples n is reduced to n − 1 with scikit-learn's warning ({@link #warnings()}).
 *
 * <h2>Novelty detection</h2>
 * With {@code novelty(true)} the fitted model scores NEW samples: {@link #scoreSamples},
 * {@link #decisionFunction} and {@link #predict}; their neighbours are searched among the training
 * samples, which keep their lrd. {@code fitPredict} is then unavailable, and the three methods are
 * unavailable without novelty, as in scikit-learn.
 *
 * <h2>Notes</h2>
 * The cost is the k-neighbour search: O(n log n) with the k-d tree in low dimension, O(n²·d) by
 * brute force. Deliberate differences: one-row data fails with a message (scikit-learn fails later
 * in the neighbour search), and {@code metric} other than Minkowski p = 1 or 2 is not supported.
 *
 * <h2>References</h2>
 * <ol>
 *   <li>Breunig, Kriegel, Ng and Sander, "LOF: identifying density-based local outliers", SIGMOD
 *       2000.</li>
 * </ol>
 *
 * @see IsolationForest
 */
public final class LocalOutlierFactor extends NeighborsBase<LocalOutlierFactor>
    implements OutlierDetector {

  /** scikit-learn's offset for contamination "auto". */
  private static final double AUTO_OFFSET = -1.5;

  /** Keeps lrd finite when the mean reach-distance is 0 (more than k duplicates). */
  private static final double LRD_EPSILON = 1e-10;
  /** Rows per task of the per-sample loops, which are split over the cores. */
  private static final int ROW_BLOCK = 1024;

  /** Scores below this mean duplicates made lrd huge: scikit-learn warns. */
  private static final double DUPLICATE_SCORE = -1e7;

  static final Param<Integer> N_NEIGHBORS = Param.of("n_neighbors", 20, Rule.ints(1, null));
  static final Param<Boolean> NOVELTY = Param.of("novelty", false, Rule.bool());
  private static final EstimatorSpec<LocalOutlierFactor> SPEC = EstimatorSpec.of(
      "sklearn.neighbors.LocalOutlierFactor", LocalOutlierFactor::new, Fitted.class, N_NEIGHBORS,
      ALGORITHM, LEAF_SIZE, P, Contamination.PARAM, NOVELTY);

  /**
   * What {@code fit} learns.
   *
   * @param fitX (n, n_features) the training samples, as given (not copied)
   * @param nNeighbors the number of neighbours used ({@code n_neighbors_})
   * @param kDistance distance of each training sample to its k-th neighbour, shape (n,)
   * @param lrd local reachability density of each training sample, shape (n,)
   * @param negativeOutlierFactor {@code negative_outlier_factor_}, shape (n,)
   * @param offset {@code offset_}
   * @param nFeaturesIn the number of features
   * @param warnings what scikit-learn would warn about
   * @param index the neighbour index over the training samples, rebuilt when read back
   */
  private record Fitted(@Attribute("_fit_X") double[][] fitX, int nNeighbors,
      @Attribute("_k_distance") double[] kDistance, @Attribute("_lrd") double[] lrd,
      double[] negativeOutlierFactor, double offset, int nFeaturesIn,
      @Attribute("_warnings") List<String> warnings, @Derived NearestNeighbors index) {}

  /** {@code LocalOutlierFactor(n_neighbors=nNeighbors)}. */
  public LocalOutlierFactor(int nNeighbors) {
    this();
    nNeighbors(nNeighbors);
  }

  /** {@code LocalOutlierFactor()}: 20 neighbours. */
  public LocalOutlierFactor() {
    super(SPEC);
  }

  /** {@code n_neighbors} (default 20); at most n − 1 are used. */
  public LocalOutlierFactor nNeighbors(int nNeighbors) {
    return set(N_NEIGHBORS, nNeighbors);
  }

  /** {@code contamination}: the expected fraction of outliers, in (0, 0.5]. */
  public LocalOutlierFactor contamination(double fraction) {
    return set(Contamination.PARAM, fraction);
  }

  /**
   * {@code contamination}: "auto" (the default, offset −1.5) or a fraction in (0, 0.5] written as
   * text.
   */
  public LocalOutlierFactor contamination(String contamination) {
    return set(Contamination.PARAM, contamination);
  }

  /** {@code novelty}: score new samples with predict / decisionFunction / scoreSamples. */
  public LocalOutlierFactor novelty(boolean novelty) {
    return set(NOVELTY, novelty);
  }

  /**
   * Finds each training sample's neighbours and computes its lrd and score.
   *
   * @param X training samples, shape (n_samples, n_features), finite, at least 2 rows
   * @return this
   * @throws IllegalArgumentException if X is empty, ragged, not finite or has a single row
   */
  @Override
  public LocalOutlierFactor fit(double[][] X) {
    validateParams();
    int nNeighbors = get(N_NEIGHBORS);
    Checks.checkMatrix("X", X);
    int n = X.length;
    if (n < 2) {
      throw new IllegalArgumentException(
          "X has 1 row: LocalOutlierFactor needs at least 2 samples (each is compared with its"
              + " neighbours)");
    }
    List<String> warnings = new ArrayList<>();
    if (nNeighbors > n) {
      warnings.add("n_neighbors (" + nNeighbors + ") is greater than the total number of samples ("
          + n + "). n_neighbors will be set to (n_samples - 1) for estimation.");
    }
    int k = Math.max(1, Math.min(nNeighbors, n - 1));
    // the index resolves algorithm "auto" with the requested nNeighbors, as scikit-learn's _fit
    NearestNeighbors index = index(X, nNeighbors);
    // the neighbours as flat indices (no pair of arrays per sample); their distances are
    // computed again where needed, the same bits as the search's
    double[] kDistance = new double[n];
    int[] neighbors = index.kneighborIndices(k, kDistance);
    double[] lrd = localReachabilityDensity(neighbors, k, null, index, kDistance);
    double[] scores = negativeOutlierFactor(neighbors, k, lrd, lrd);
    double offset = Contamination.of(get(Contamination.PARAM)).offset(scores, AUTO_OFFSET);
    if (!get(NOVELTY) && min(scores) < DUPLICATE_SCORE) {
      warnings.add("Duplicate values are leading to incorrect results. Increase the number of"
          + " neighbors for more accurate results.");
    }
    fitted(new Fitted(X, k, kDistance, lrd, scores, offset, X[0].length, List.copyOf(warnings),
        index));
    return this;
  }

  @Override
  protected Record restored(Record state) {
    Fitted f = (Fitted) state;
    return new Fitted(f.fitX, f.nNeighbors, f.kDistance, f.lrd, f.negativeOutlierFactor, f.offset,
        f.nFeaturesIn, f.warnings, index(f.fitX, get(N_NEIGHBORS)));
  }

  /**
   * Fits on X and labels its rows: −1 where {@code negativeOutlierFactor() < offset()}, else +1
   * ({@code fit_predict}).
   *
   * @throws IllegalStateException with {@code novelty(true)}: use {@link #predict} on new data
   */
  @Override
  public int[] fitPredict(double[][] X) {
    if (get(NOVELTY)) {
      throw new IllegalStateException("fitPredict is not available when novelty is true: use"
          + " novelty(false) to predict on the training set, or fit(X) then predict(XNew)");
    }
    Fitted model = fit(X).fitted();
    return labels(model.negativeOutlierFactor, model.offset);
  }

  /**
   * The opposite of the LOF of each training sample ({@code negative_outlier_factor_}): about −1
   * for inliers, much lower for outliers.
   */
  public double[] negativeOutlierFactor() {
    return checkFitted().negativeOutlierFactor.clone();
  }

  /** The score threshold below which a sample is an outlier ({@code offset_}). */
  @Override
  public double offset() {
    return checkFitted().offset;
  }

  /** The number of neighbours actually used ({@code n_neighbors_}): nNeighbors, at most n − 1. */
  public int nNeighbors() {
    return checkFitted().nNeighbors;
  }

  /** The local reachability density of each training sample (scikit-learn's {@code _lrd}). */
  public double[] localReachabilityDensity() {
    return checkFitted().lrd.clone();
  }

  /** The algorithm used: "brute" or "kd_tree" ({@code _fit_method}). */
  public String fitMethod() {
    return checkFitted().index.fitMethod();
  }

  /** The warnings scikit-learn would have issued during {@code fit} (empty when none). */
  public List<String> warnings() {
    return checkFitted().warnings;
  }

  /**
   * −LOF of each NEW sample ({@code score_samples}): its neighbours are training samples, with their
   * training lrd. A training sample passed here counts itself as a neighbour.
   *
   * @throws IllegalStateException without {@code novelty(true)}, or before fit
   * @throws IllegalArgumentException if X is empty, not finite, or has another number of features
   */
  public double[] scoreSamples(double[][] X) {
    Fitted model = checkNovelty("scoreSamples");
    Neighbors found = model.index.kneighbors(X, model.nNeighbors);
    int k = model.nNeighbors;
    int[] neighbors = new int[X.length * k];
    double[] distances = new double[X.length * k];
    for (int i = 0; i < X.length; i++) {
      System.arraycopy(found.indices()[i], 0, neighbors, i * k, k);
      System.arraycopy(found.distances()[i], 0, distances, i * k, k);
    }
    double[] lrd = localReachabilityDensity(neighbors, k, distances, null, model.kDistance);
    return negativeOutlierFactor(neighbors, k, lrd, model.lrd);
  }

  /**
   * {@code scoreSamples(X) − offset()} ({@code decision_function}): negative for outliers.
   *
   * @throws IllegalStateException without {@code novelty(true)}, or before fit
   */
  public double[] decisionFunction(double[][] X) {
    Fitted model = checkNovelty("decisionFunction");
    double[] scores = scoreSamples(X);
    for (int i = 0; i < scores.length; i++) {
      scores[i] -= model.offset;
    }
    return scores;
  }

  /**
   * Labels NEW samples: −1 where {@code decisionFunction(X) < 0}, else +1 ({@code predict}).
   *
   * @throws IllegalStateException without {@code novelty(true)}, or before fit
   */
  public int[] predict(double[][] X) {
    double[] decision = decisionFunction(X);
    return labels(decision, 0.0);
  }

  /**
   * lrd of each query row: 1 / (mean over its neighbours o of max(d, k-distance(o)) + 1e-10), the
   * mean a NumPy row mean ({@code _local_reachability_density}). Row i's k neighbours are at
   * {@code neighbors[i·k ..]}, their distances at the same places of {@code distances}, or, when
   * it is null (the training samples themselves), {@code index}'s training distances.
   */
  private static double[] localReachabilityDensity(int[] neighbors, int k, double[] distances,
      NearestNeighbors index, double[] kDistance) {
    int n = neighbors.length / k;
    double[] lrd = new double[n];
    Parallel.forRange(n, ROW_BLOCK, (from, to) -> {
      double[] reach = new double[k];
      for (int i = from; i < to; i++) {
        for (int j = 0; j < k; j++) {
          int o = neighbors[i * k + j];
          double distance = distances != null ? distances[i * k + j]
              : index.trainingDistance(i, o);
          reach[j] = MinMax.max(distance, kDistance[o]);
        }
        lrd[i] = 1.0 / (Sums.pairwise(reach) / k + LRD_EPSILON);
      }
    });
    return lrd;
  }

  /**
   * −mean over the neighbours o of lrd(o) / lrd(query), NumPy's row mean; row i's k neighbours
   * at {@code neighbors[i·k ..]}.
   */
  private static double[] negativeOutlierFactor(int[] neighbors, int k, double[] queryLrd,
      double[] trainLrd) {
    int n = queryLrd.length;
    double[] scores = new double[n];
    Parallel.forRange(n, ROW_BLOCK, (from, to) -> {
      double[] ratios = new double[k];
      for (int i = from; i < to; i++) {
        for (int j = 0; j < k; j++) {
          ratios[j] = trainLrd[neighbors[i * k + j]] / queryLrd[i];
        }
        scores[i] = -(Sums.pairwise(ratios) / k);
      }
    });
    return scores;
  }

  /** +1, or −1 where the score is strictly below the threshold (equal counts as an inlier). */
  private static int[] labels(double[] scores, double threshold) {
    int[] labels = new int[scores.length];
    for (int i = 0; i < scores.length; i++) {
      labels[i] = scores[i] < threshold ? -1 : 1;
    }
    return labels;
  }

  private static double min(double[] values) {
    double min = Double.POSITIVE_INFINITY;
    for (double v : values) {
      min = Math.min(min, v);
    }
    return min;
  }

  private Fitted checkNovelty(String method) {
    if (!get(NOVELTY)) {
      throw new IllegalStateException(method + " is not available when novelty is false: the"
          + " training scores are negativeOutlierFactor(); use novelty(true) to score new data");
    }
    return checkFitted();
  }

  private Fitted checkFitted() {
    return fitted();
  }
}

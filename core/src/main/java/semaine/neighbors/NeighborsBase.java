package semaine.neighbors;

import semaine.base.BaseEstimator;
import semaine.base.EstimatorSpec;
import semaine.base.Param;
import semaine.base.Rule;
import semaine.util.Checks;

/**
 * What the estimators built on the neighbour search share (scikit-learn's {@code NeighborsBase}):
 * the search parameters {@code algorithm}, {@code leaf_size} and {@code p}, their setters, and
 * the index they build over the training samples. k-NN, LOF and the density-based clusterings
 * extend it.
 *
 * @param <E> the estimator class, returned by the chained setters
 */
public abstract class NeighborsBase<E extends NeighborsBase<E>> extends BaseEstimator<E> {

  /** The search: "auto" (brute force or a k-d tree, as scikit-learn decides), or one of them. */
  public static final Param<String> ALGORITHM = Param.of("algorithm", "auto",
      Rule.options("auto", "brute", "kd_tree", "ball_tree"));
  /** The k-d tree's leaf size; it changes the speed and which tied points are kept. */
  public static final Param<Integer> LEAF_SIZE = Param.of("leaf_size", 30, Rule.ints(1, null));
  /** The Minkowski power: 1 (Manhattan) or 2 (Euclidean). */
  public static final Param<Integer> P = Param.of("p", 2, Rule.ints(1, 2));
  /** The vote or average of k-NN: "uniform" or "distance" ({@link NeighborWeights}). */
  public static final Param<String> WEIGHTS = Param.of("weights", "uniform",
      Rule.options("uniform", "distance"));

  protected NeighborsBase(EstimatorSpec<E> spec) {
    super(spec);
  }

  /** {@code algorithm}: "auto" (default), "brute", "kd_tree" or "ball_tree". */
  public E algorithm(String algorithm) {
    return set(ALGORITHM, algorithm);
  }

  /** The Minkowski power {@code p}: 1 or 2 (default). */
  public E p(int p) {
    return set(P, p);
  }

  /**
   * {@code leaf_size} (default 30). It changes the speed and, with points tied at the k-th distance,
   * which of them count, exactly as in scikit-learn.
   */
  public E leafSize(int leafSize) {
    return set(LEAF_SIZE, leafSize);
  }

  /**
   * The neighbour index over X with this estimator's search parameters; {@code nNeighbors} is
   * what "auto" weighs against the number of samples, as scikit-learn's {@code _fit} does.
   */
  protected final NearestNeighbors index(double[][] X, int nNeighbors) {
    return new NearestNeighbors(nNeighbors).algorithm(get(ALGORITHM)).p(get(P))
        .leafSize(get(LEAF_SIZE)).fit(X);
  }

  /** {@link #index(double[][], int)} over float32 samples ({@link NearestNeighbors#fit(float[][])}). */
  protected final NearestNeighbors index(float[][] X, int nNeighbors) {
    return new NearestNeighbors(nNeighbors).algorithm(get(ALGORITHM)).p(get(P))
        .leafSize(get(LEAF_SIZE)).fit(X);
  }

  /**
   * The index over the training samples read back from a model: float64 or float32 ones, whichever
   * the fit kept.
   */
  protected final NearestNeighbors index(double[][] X, float[][] X32, int nNeighbors) {
    return X != null ? index(X, nNeighbors) : index(X32, nNeighbors);
  }

  /**
   * Checks what a k-NN fit needs beyond the samples themselves: as many targets as samples, and
   * no more neighbours than samples.
   */
  protected static void checkFit(int nSamples, int nTargets, int nNeighbors) {
    Checks.checkSameLength("X", nSamples, "y", nTargets);
    if (nNeighbors > nSamples) {
      throw new IllegalArgumentException("n_neighbors (" + nNeighbors
          + ") must be <= the number of training samples (" + nSamples + ")");
    }
  }
}

package semaine.base;

/**
 * A model that groups samples without labels, as scikit-learn's {@code ClusterMixin}: after
 * {@code fit(X)}, {@link #labels()} gives each training sample's cluster.
 */
public interface Clusterer extends Estimator {

  /** Learns the clusters of X, shape (n_samples, n_features); returns this. */
  Clusterer fit(double[][] X);

  /** The cluster of each training sample, shape (n_samples,) ({@code labels_}). */
  int[] labels();

  /**
   * The cluster of each row of new data X ({@code predict}).
   *
   * @throws UnsupportedOperationException for a clustering that labels only the data it was
   *     fitted on (as DBSCAN)
   */
  default int[] predict(double[][] X) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " labels only the data"
        + " it was fitted on (no predict): refit it with the new rows");
  }

  /** {@code fit(X)}, then {@link #labels()} ({@code fit_predict}). */
  default int[] fitPredict(double[][] X) {
    return fit(X).labels();
  }
}

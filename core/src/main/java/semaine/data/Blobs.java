package semaine.data;

/**
 * The output of {@link MakeBlobs}: {@code X, y, centers = make_blobs(..., return_centers=True)}.
 *
 * @param X samples, shape (n_samples, n_features)
 * @param y the cluster index of each sample, shape (n_samples,)
 * @param centers the cluster centres, shape (n_centers, n_features)
 */
public record Blobs(double[][] X, int[] y, double[][] centers) {}

package semaine.clustering;

/**
 * One assignment step of a k-means run, for pictures of the algorithm at work: the centres used
 * and the label each sample got from them. The first step shows the initial centres, the next ones
 * the centres after each move; the last one the converged clustering.
 *
 * @param centers the centres used for this assignment, shape (n_clusters, n_features)
 * @param labels the index of the closest centre for each sample, shape (n_samples,)
 */
public record KMeansStep(double[][] centers, int[] labels) {}

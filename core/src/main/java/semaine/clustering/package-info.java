/**
 * Clustering, the book's day 4: {@link semaine.clustering.KMeans} (Lloyd's iterations from
 * k-means++ seeds, as {@code sklearn.cluster.KMeans} 1.9, same labels and inertia for the same
 * seed) and {@link semaine.clustering.ElbowMethod} (inertia for a range of k, with the elbow found
 * by {@link semaine.clustering.Kneedle}). Differences from scikit-learn: no sample weights, no
 * Elkan or mini-batch variants.
 *
 * <p>Beyond k-means, the chapter's other families: {@link semaine.clustering.DBSCAN} and
 * {@link semaine.clustering.OPTICS} (density, on the neighbour engine of
 * {@code semaine.neighbors}, one neighbourhood at a time), and
 * {@link semaine.clustering.AgglomerativeClustering} with {@link semaine.clustering.Hierarchy}
 * (SciPy's {@code linkage} and {@code fcluster}), each with scikit-learn's or SciPy's labels, ties
 * included. Not supported: connectivity constraints, HDBSCAN.
 */
package semaine.clustering;

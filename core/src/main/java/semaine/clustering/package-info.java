/**
 * Clustering, the book's day 4: {@link semaine.clustering.KMeans} (Lloyd's iterations from
 * k-means++ seeds, as {@code sklearn.cluster.KMeans} 1.9, same labels and inertia for the same
 * seed) and {@link semaine.clustering.ElbowMethod} (inertia for a range of k, with the elbow found
 * by {@link semaine.clustering.Kneedle}). Differences from scikit-learn: no sample weights, no
 * Elkan or mini-batch variants.
 */
package semaine.clustering;

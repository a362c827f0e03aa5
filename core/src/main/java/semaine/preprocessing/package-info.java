/**
 * Feature scaling before distance-based and gradient-based models (the book's chapters on k-NN,
 * k-means and gradient descent): {@link semaine.preprocessing.StandardScaler}, mirroring
 * {@code sklearn.preprocessing.StandardScaler} on dense data. Sparse input, sample weights and
 * {@code partial_fit} are not supported.
 */
package semaine.preprocessing;

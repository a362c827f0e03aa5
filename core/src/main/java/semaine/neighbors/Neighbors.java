package semaine.neighbors;

/**
 * The answer of a neighbour query: row i lists the neighbours of query i, nearest first, as
 * scikit-learn's {@code kneighbors} returns {@code (neigh_dist, neigh_ind)}.
 *
 * <p>For {@code kneighbors} both arrays have shape (n_queries, k); for {@code radiusNeighbors}
 * rows may differ in length. The record holds the arrays it was given (the search builds fresh
 * ones); callers should not modify them.
 *
 * @param distances distance to each neighbour, shape (n_queries, k)
 * @param indices row of the neighbour in the training set, shape (n_queries, k)
 */
public record Neighbors(double[][] distances, int[][] indices) {

  /** Checks that both arrays have the same shape. */
  public Neighbors {
    if (distances == null || indices == null || distances.length != indices.length) {
      throw new IllegalArgumentException("distances and indices must have one row per query");
    }
    for (int i = 0; i < distances.length; i++) {
      if (distances[i].length != indices[i].length) {
        throw new IllegalArgumentException("row " + i + " of distances and indices differ in length");
      }
    }
  }
}

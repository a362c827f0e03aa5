/**
 * Exact neighbour search, the engine of day 3 (k-nearest neighbours) and later of the outlier and
 * clustering chapters (LOF, DBSCAN): scikit-learn 1.9's {@code sklearn.neighbors} search layer.
 *
 * <p>{@link semaine.neighbors.NearestNeighbors} is the public entry point; it picks a brute-force
 * scan or a k-d tree as {@code algorithm='auto'} does and returns {@link semaine.neighbors.Neighbors}
 * (distances and indices sorted by distance, for {@code kneighbors} and {@code radiusNeighbors}).
 * Ties between equal distances are resolved as scikit-learn's bounded heap and sort resolve them,
 * after its brute search or its k-d tree (same partition, node order and traversal), so
 * predictions agree even on integer grids. For two features the k-d tree's k-nearest answers are
 * found on a grid of cells ({@code GridIndex}), which hands the queries with ties, and the radius
 * queries, to the tree itself.
 * The distance kernels ({@code Distances}) are the only code using the incubating Vector API; they
 * fall back to plain Java when the JVM runs without {@code --add-modules jdk.incubator.vector}.
 */
package semaine.neighbors;

package semaine.neighbors;

/**
 * How scikit-learn's brute search ({@code ArgKmin}) splits its work, which decides the order in
 * which candidates reach the heaps and therefore which of several equally distant points are
 * kept, and in what order they are listed.
 *
 * <ul>
 *   <li>{@link #PARALLEL_ON_X}: one heap per query, fed with the training points in index order,
 *       then sorted.
 *   <li>{@link #PARALLEL_ON_Y}: the training points are cut into chunks of 256, the chunks shared
 *       statically among the threads; each thread fills its own heap; the thread heaps are then
 *       pushed, thread after thread and each in array order, into a fresh heap, which is sorted.
 *   <li>{@link #AUTO}: {@code PARALLEL_ON_X} when there are fewer training points than queries or
 *       more than 4 · 256 · threads queries, else {@code PARALLEL_ON_Y} (scikit-learn's rule).
 * </ul>
 */
enum Strategy {
  AUTO, PARALLEL_ON_X, PARALLEL_ON_Y;

  /** scikit-learn's chunk size ({@code pairwise_dist_chunk_size}). */
  static final int CHUNK = 256;

  /** The number of OpenMP threads scikit-learn would use here: one per available core. */
  static final int THREADS = Runtime.getRuntime().availableProcessors();

  /** The strategy {@code AUTO} resolves to for {@code nQueries} queries and {@code nTrain} points. */
  Strategy resolve(int nQueries, int nTrain) {
    if (this != AUTO) {
      return this;
    }
    if (nTrain < nQueries || 4L * CHUNK * THREADS < nQueries) {
      return PARALLEL_ON_X;
    }
    return PARALLEL_ON_Y;
  }
}

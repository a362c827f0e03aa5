package semaine.clustering;

import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Work over samples cut into fixed chunks of {@value #SIZE}, run on the common fork-join pool.
 *
 * <p>Chunk boundaries depend only on n, never on the number of threads, and every chunk writes
 * only its own samples' slots, so results are the same on one core or many.
 */
final class Chunks {

  /** Samples per chunk, NumPy's buffer size; only the parallel split depends on it. */
  static final int SIZE = 8192;

  /** Below this many samples the work runs on the calling thread. */
  private static final int PARALLEL_THRESHOLD = 2 * SIZE;

  private Chunks() {}

  /** Calls {@code body.accept(chunk)} for chunk = 0 .. count(n) − 1, in parallel for large n. */
  static void forEach(int n, IntConsumer body) {
    int count = count(n);
    if (n < PARALLEL_THRESHOLD) {
      for (int chunk = 0; chunk < count; chunk++) {
        body.accept(chunk);
      }
    } else {
      IntStream.range(0, count).parallel().forEach(body);
    }
  }

  /** The number of chunks for n samples. */
  static int count(int n) {
    return (n + SIZE - 1) / SIZE;
  }

  /** First sample of {@code chunk}. */
  static int start(int chunk) {
    return chunk * SIZE;
  }

  /** One past the last sample of {@code chunk}. */
  static int end(int chunk, int n) {
    return Math.min(n, (chunk + 1) * SIZE);
  }
}

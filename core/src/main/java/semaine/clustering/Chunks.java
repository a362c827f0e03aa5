package semaine.clustering;

import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import semaine.util.Sums;

/**
 * Work over samples cut into fixed chunks of {@value #SIZE}, run on the common fork-join pool.
 *
 * <p>Chunk boundaries depend only on n, never on the number of threads, and every chunk writes
 * only its own samples' slots, so results are the same on one core or many.
 */
final class Chunks {

  /**
   * Samples per chunk: NumPy's 8192-element summation buffer, so that pairwise sums of the chunks
   * added in order equal {@link semaine.util.Sums#pairwise} of the whole array.
   */
  static final int SIZE = 8192;

  /** Below this many samples the work runs on the calling thread. */
  private static final int PARALLEL_THRESHOLD = 2 * SIZE;

  /**
   * Fills out[i] for every sample in parallel and returns Σ out in NumPy's order: pairwise within
   * each chunk, chunks added in sequence (exactly {@code Sums.pairwise(out)}).
   */
  static double fillAndSum(int n, double[] out, RangeFill fill) {
    double[] partial = new double[count(n)];
    forEach(n, chunk -> {
      int start = start(chunk);
      int end = end(chunk, n);
      fill.fill(start, end);
      partial[chunk] = Sums.pairwise(out, start, end);
    });
    double total = 0.0;
    for (double p : partial) {
      total += p;
    }
    return total;
  }

  /**
   * Fills out[t][i] for every sample and every t in parallel and returns Σ out[t] for each t, each
   * in NumPy's order, as {@link #fillAndSum}.
   */
  static double[] fillAndSumEach(int n, double[][] out, RangeFill fill) {
    double[][] partial = new double[out.length][count(n)];
    forEach(n, chunk -> {
      int start = start(chunk);
      int end = end(chunk, n);
      fill.fill(start, end);
      for (int t = 0; t < out.length; t++) {
        partial[t][chunk] = Sums.pairwise(out[t], start, end);
      }
    });
    double[] totals = new double[out.length];
    for (int t = 0; t < out.length; t++) {
      double total = 0.0;
      for (double p : partial[t]) {
        total += p;
      }
      totals[t] = total;
    }
    return totals;
  }

  /** Fills a range [start, end) of samples. */
  @FunctionalInterface
  interface RangeFill {
    void fill(int start, int end);
  }

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

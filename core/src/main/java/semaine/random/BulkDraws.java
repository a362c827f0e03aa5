package semaine.random;

import java.util.function.Consumer;
import semaine.util.Parallel;

/**
 * Many uniform or Gaussian draws at once, the same values and the same generator state afterwards
 * as one {@link MersenneTwister#nextDouble()} or {@link RandomState#randn()} call per value.
 *
 * <p>Uniforms: MT19937's state advances a block of 624 words at a time. The twist must run in
 * order (4 ms for the words of 10^7 doubles on one core); the tempering of a block's words and
 * their pairing into doubles (7 ms, vectorised) are independent from block to block. So the
 * blocks of a segment are twisted one after the other on one thread, each state kept, then
 * tempered and converted on all cores (the words of the block in progress are used first, one
 * double at a time).
 *
 * <p>Gaussians, NumPy's legacy polar method: each attempt takes two uniforms u1, u2, sets
 * x = 2u − 1, and is kept when 0 &lt; r² = x1² + x2² &lt; 1, giving f·x2 then f·x1 with
 * f = √(−2 log r² / r²). Which attempts are kept depends only on the uniforms, so a round draws
 * the uniforms of as many attempts as values are still wanted, in pairs (never more: an attempt
 * gives at most one pair), into the output itself; chunks of it, on all cores, turn their kept
 * attempts into values at their front, and the chunks' values then move down end to end. The
 * attempts that failed leave room for the next round.
 */
final class BulkDraws {

  /** Blocks twisted per segment: 1.25 MB of states, 159,744 doubles. */
  private static final int SEGMENT_BLOCKS = 512;
  /** Below this many values the draws run one at a time. */
  private static final int MIN_BULK = 4096;
  /** The uniforms (an even number) of one chunk of a Gaussian round: 128 KB. */
  private static final int CHUNK = 1 << 14;
  /** The blocks converted by one task. */
  private static final int GRAIN_BLOCKS = 32;

  private BulkDraws() {}

  /**
   * The twisted states of a segment, kept from call to call of one bulk draw (a matrix drawn a
   * buffer at a time makes hundreds of calls): fresh 1.25 MB arrays each time were garbage that
   * set off collections, each copying the matrix's rows made so far (make_blobs of 10^6 × 16
   * spent more time collecting than drawing).
   */
  static final class Scratch {
    private int[] states = new int[0];

    int[] states(int size) {
      if (states.length < size) {
        states = new int[size];
      }
      return states;
    }
  }

  /** dst[from, to) = the next {@code random_sample} draws of {@code mt}. */
  static void uniforms(MersenneTwister mt, double[] dst, int from, int to) {
    uniforms(mt, dst, from, to, new Scratch());
  }

  /** {@link #uniforms(MersenneTwister, double[], int, int)} with the states in scratch. */
  static void uniforms(MersenneTwister mt, double[] dst, int from, int to, Scratch scratch) {
    int i = from;
    if (to - from < MIN_BULK || mt.position() % 2 != 0) {
      // an odd position (after an odd number of 32-bit draws) pairs words across blocks
      for (; i < to; i++) {
        dst[i] = mt.nextDouble();
      }
      return;
    }
    while (i < to && mt.position() != MersenneTwister.N) {
      dst[i++] = mt.nextDouble();
    }
    int perBlock = MersenneTwister.N / 2;
    int blocks = (to - i) / perBlock;
    int[] states = scratch.states(Math.min(blocks, SEGMENT_BLOCKS) * MersenneTwister.N);
    for (int b0 = 0; b0 < blocks; b0 += SEGMENT_BLOCKS) {
      int count = Math.min(SEGMENT_BLOCKS, blocks - b0);
      for (int b = 0; b < count; b++) {
        mt.twistInto(states, b * MersenneTwister.N);
      }
      int start = i + b0 * perBlock;
      Parallel.forRange(count, GRAIN_BLOCKS, (c0, c1) -> {
        int[] high = new int[perBlock];
        int[] low = new int[perBlock];
        for (int b = c0; b < c1; b++) {
          MersenneTwister.temperedDoubles(states, b * MersenneTwister.N, dst, start + b * perBlock,
              high, low);
        }
      });
    }
    i += blocks * perBlock;
    for (; i < to; i++) {
      dst[i] = mt.nextDouble();
    }
  }

  /**
   * Fills out[from, end) with Gaussians by whole polar pairs, as {@link RandomState#randn()}
   * called for each slot with no value cached, and returns end: as far as the bulk rounds reach
   * (to − from must be even; the last few thousand slots, if any, are the caller's, one call
   * each). The generator ends where those calls leave it, with no value cached.
   */
  static int gaussianPairs(MersenneTwister mt, double[] out, int from, int to, Scratch scratch) {
    int start = from;
    while (to - start >= MIN_BULK) {
      uniforms(mt, out, start, to, scratch);
      // each chunk turns its kept attempts into values at its front, the chunks on all cores;
      // then the chunks' values move down in order, end to end
      int first = start;
      int chunks = (to - start + CHUNK - 1) / CHUNK;
      int[] kept = new int[chunks];
      Parallel.forRange(chunks, 1, (c0, c1) -> {
        for (int c = c0; c < c1; c++) {
          int begin = first + c * CHUNK;
          kept[c] = keptValues(out, begin, Math.min(to, begin + CHUNK)) - begin;
        }
      });
      for (int c = 0; c < chunks; c++) {
        System.arraycopy(out, first + c * CHUNK, out, start, kept[c]);
        start += kept[c];
      }
    }
    return start;
  }

  /** The polar method's factor f = √(−2 log r² / r²) of a kept attempt, with glibc's log. */
  static double polarScale(double r2) {
    return Math.sqrt(-2.0 * GlibcLog.log(r2) / r2);
  }

  /**
   * Turns the polar attempts of out[begin, end) (pairs of uniforms) into Gaussian pairs f·x2,
   * f·x1 packed from {@code begin}, the rejected attempts dropped; returns the end of the values.
   * Every attempt is written at the next free pair, which only a kept one claims: no branch on
   * the unpredictable test (that pair is at or before the attempt's own, already read).
   */
  private static int keptValues(double[] out, int begin, int end) {
    int kept = begin;
    for (int a = begin; a < end; a += 2) {
      double x1 = 2.0 * out[a] - 1.0;
      double x2 = 2.0 * out[a + 1] - 1.0;
      double r2 = x1 * x1 + x2 * x2;
      out[kept] = x1;
      out[kept + 1] = x2;
      kept += r2 < 1.0 && r2 != 0.0 ? 2 : 0;
    }
    for (int p = begin; p < kept; p += 2) {
      double x1 = out[p];
      double x2 = out[p + 1];
      double f = polarScale(x1 * x1 + x2 * x2);
      out[p] = f * x2;
      out[p + 1] = f * x1;
    }
    return kept;
  }

  /** The value of column c made from the draw v. */
  @FunctionalInterface
  interface ColumnMap {
    double apply(int c, double v);
  }

  /** The draws per buffer of {@link #fillRows}: 2 MB, even, so no Gaussian is left cached. */
  private static final int ROWS_BUFFER = 1 << 18;
  /** The values of a buffer one task moves to the rows. */
  private static final int COPY_GRAIN = 1 << 15;

  /**
   * Fills the rows in C order with map(c, v) of the draws v that {@code draw} puts in a buffer, a
   * buffer at a time: the same values as one draw per element. A buffer's values go to their rows
   * on all cores (each element is written once, from its own draw, whoever writes it).
   */
  static void fillRows(double[][] out, Consumer<double[]> draw, ColumnMap map) {
    if (out.length == 0 || out[0].length == 0) {
      return;
    }
    int cols = out[0].length;
    long total = (long) out.length * cols;
    double[] buffer = new double[0];
    for (long done = 0; done < total; done += buffer.length) {
      int size = (int) Math.min(ROWS_BUFFER, total - done);
      if (size != buffer.length) {
        buffer = new double[size];
      }
      draw.accept(buffer);
      double[] values = buffer;
      long first = done;
      Parallel.forRange(size, COPY_GRAIN, (k0, k1) -> {
        long element = first + k0;
        int r = (int) (element / cols);
        int c = (int) (element % cols);
        for (int k = k0; k < k1; k++) {
          out[r][c] = map.apply(c, values[k]);
          if (++c == cols) {
            c = 0;
            r++;
          }
        }
      });
    }
  }
}

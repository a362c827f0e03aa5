package semaine.tree;

import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link SimultaneousSort}'s Dutch-flag partition with the Vector API (eight keys a vector): the
 * same keys left in the same places, found without following the partition step by step.
 *
 * <p>The step-by-step partition reads the part from the front; each key above the pivot is
 * swapped with the last unread key, which is read next. With T keys above the pivot the front
 * reads end at R = n − T, and the keys are read in this order: the front keys up to R (and the key
 * at R itself when it is above the pivot), each one above the pivot followed by the back keys,
 * from the end down, up to the next one not above it. Hence:
 * <ul>
 *   <li>below the pivot, positions [0, L): slot by slot over the front, the slot's front key, or,
 *       where the front key is above the pivot, the next back key not above it;</li>
 *   <li>above the pivot, positions [R, n): at n − 1 the first front key above the pivot; at each
 *       q in [R, n − 1) the key from q + 1 when it is above the pivot, else the next front key
 *       above it, those taken from the last one back;</li>
 *   <li>equal to the pivot, [L, R): a single key here (with more, the step-by-step partition
 *       reorders them in a way this does not follow, and the caller takes it).</li>
 * </ul>
 * Those two streams (front keys above the pivot, back keys not above it) are gathered by
 * compress, and spread into the holes by expand. The only class of the package that imports
 * {@code jdk.incubator.vector}; loaded only when the module is present.
 */
final class VectorPartition {

  private static final VectorSpecies<Long> S = LongVector.SPECIES_512;
  private static final int LANES = S.length();
  private static final VectorShuffle<Long> REVERSE = VectorShuffle.fromOp(S, i -> LANES - 1 - i);
  /** Per thread: the two streams, each with a vector of room before and after. */
  private static final ThreadLocal<long[][]> STREAMS = ThreadLocal.withInitial(() -> new long[2][0]);

  private VectorPartition() {}

  /**
   * The partition of {@code k[from:from+n]}: keys below {@code below} first, then those from
   * {@code below} to {@code above}, then those above {@code above}; returns {@code l << 32 | r}
   * as {@link SimultaneousSort}'s partition does, or −1 (nothing moved) when more than one key
   * equals the pivot.
   */
  static long partition(long[] k, int from, int n, long below, long above) {
    int end = from + n;
    int aboveCount = 0;
    int belowCount = 0;
    int p = from;
    for (; p + LANES <= end; p += LANES) {
      LongVector v = LongVector.fromArray(S, k, p);
      aboveCount += v.compare(VectorOperators.GT, above).trueCount();
      belowCount += v.compare(VectorOperators.LT, below).trueCount();
    }
    for (; p < end; p++) {
      aboveCount += k[p] > above ? 1 : 0;
      belowCount += k[p] < below ? 1 : 0;
    }
    if (n - aboveCount - belowCount != 1) {
      return -1;
    }
    int r = end - aboveCount;
    long[][] streams = streams(n);
    long[] frontAbove = streams[0];   // from LANES: front keys above the pivot, in front order
    long[] backRest = streams[1];     // from LANES: back keys not above it, increasing positions
    int frontAboveEnd = LANES + gather(k, from, Math.min(r + 1, end), above, false, frontAbove);
    int backRestEnd = LANES + gather(k, r, end, above, true, backRest);
    int l = belowPart(k, from, r, below, above, backRest, backRestEnd);
    abovePart(k, r, end, above, frontAbove, frontAboveEnd);
    return (long) l << 32 | r;
  }

  /**
   * The keys of {@code k[from:to]} above {@code above} (or not above it, when {@code rest}) into
   * {@code out} from {@link #LANES}, in order; returns how many.
   */
  private static int gather(long[] k, int from, int to, long above, boolean rest, long[] out) {
    int count = 0;
    int p = from;
    for (; p + LANES <= to; p += LANES) {
      LongVector v = LongVector.fromArray(S, k, p);
      VectorMask<Long> m = v.compare(VectorOperators.GT, above);
      if (rest) {
        m = m.not();
      }
      v.compress(m).intoArray(out, LANES + count);
      count += m.trueCount();
    }
    for (; p < to; p++) {
      if ((k[p] > above) != rest) {
        out[LANES + count++] = k[p];
      }
    }
    return count;
  }

  /**
   * The front slots {@code [from, r)}: each slot's key (a back key not above the pivot in place of
   * one above it, the last of {@code backRest} first), those below the pivot packed from
   * {@code from}, then the one equal to it; returns where that one went (l).
   */
  private static int belowPart(long[] k, int from, int r, long below, long above,
      long[] backRest, int backRestEnd) {
    int l = from;
    int next = backRestEnd;   // backRest[next − 1] is the next back key to take
    long pivot = 0;
    int p = from;
    for (; p + LANES <= r; p += LANES) {
      LongVector x = LongVector.fromArray(S, k, p);
      VectorMask<Long> gt = x.compare(VectorOperators.GT, above);
      if (gt.anyTrue()) {
        LongVector back = LongVector.fromArray(S, backRest, next - LANES).rearrange(REVERSE);
        x = x.blend(back.expand(gt), gt);
        next -= gt.trueCount();
      }
      VectorMask<Long> lt = x.compare(VectorOperators.LT, below);
      if (lt.trueCount() < LANES) {
        pivot = x.compress(lt.not()).lane(0);
      }
      int count = lt.trueCount();
      x.compress(lt).intoArray(k, l, VectorMask.fromLong(S, (1L << count) - 1));
      l += count;
    }
    for (; p < r; p++) {
      long x = k[p];
      if (x > above) {
        x = backRest[--next];
      }
      if (x < below) {
        k[l++] = x;
      } else {
        pivot = x;
      }
    }
    k[l] = pivot;
    return l;
  }

  /**
   * The keys above the pivot into {@code [r, end)}: at each q below end − 1 the key from q + 1
   * when above the pivot, else the next of {@code frontAbove} from its last back; at end − 1 the
   * first of {@code frontAbove}.
   */
  private static void abovePart(long[] k, int r, int end, long above, long[] frontAbove,
      int frontAboveEnd) {
    if (r == end) {
      return;
    }
    int next = frontAboveEnd;   // frontAbove[next − 1] is the next front key to place
    int q = r;
    for (; q + LANES <= end - 1; q += LANES) {
      LongVector x = LongVector.fromArray(S, k, q + 1);
      VectorMask<Long> holes = x.compare(VectorOperators.GT, above).not();
      if (holes.anyTrue()) {
        LongVector front = LongVector.fromArray(S, frontAbove, next - LANES).rearrange(REVERSE);
        x = x.blend(front.expand(holes), holes);
        next -= holes.trueCount();
      }
      x.intoArray(k, q);
    }
    for (; q < end - 1; q++) {
      long x = k[q + 1];
      k[q] = x > above ? x : frontAbove[--next];
    }
    k[end - 1] = frontAbove[LANES];
  }

  /** This thread's two stream buffers, each with room for n keys and a vector either side. */
  private static long[][] streams(int n) {
    long[][] streams = STREAMS.get();
    if (streams[0].length < n + 2 * LANES) {
      int size = Math.max(n, 2 * streams[0].length) + 2 * LANES;
      streams[0] = new long[size];
      streams[1] = new long[size];
    }
    return streams;
  }
}

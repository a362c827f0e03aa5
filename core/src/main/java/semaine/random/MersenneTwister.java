package semaine.random;

import java.security.SecureRandom;

/**
 * The MT19937 bit generator as NumPy's legacy {@code RandomState} runs it: 624 32-bit words of state,
 * Matsumoto and Nishimura's {@code init_genrand} seeding, block regeneration and output tempering.
 *
 * <p>Words are kept in {@code int}s and shifted with {@code >>>}; {@link #nextUint32()} widens them to
 * an unsigned {@code long}. Package-private: {@link RandomState} is the public face.
 */
final class MersenneTwister {

  /** Words of state, and of each block of output. */
  static final int N = 624;
  private static final int M = 397;
  private static final int MATRIX_A = 0x9908b0df;
  private static final int UPPER_MASK = 0x80000000;
  private static final int LOWER_MASK = 0x7fffffff;

  private final int[] key = new int[N]; // (624,) state words
  private final int[] out = new int[N]; // (624,) the current block, tempered
  private int pos;

  /** Seeds with {@code init_genrand(seed)}, NumPy's {@code mt19937_seed}; {@code seed} in [0, 2^32). */
  void seed(long seed) {
    key[0] = (int) seed;
    for (int i = 1; i < N; i++) {
      int previous = key[i - 1];
      key[i] = 1812433253 * (previous ^ (previous >>> 30)) + i; // int arithmetic wraps mod 2^32
    }
    pos = N; // the first draw regenerates the whole block
  }

  /**
   * Seeds with Matsumoto and Nishimura's {@code init_by_array(key)}, which Python's
   * {@code random.seed(n)} uses with the 32-bit words of |n|: {@code init_genrand(19650218)}, then
   * two mixing passes over the state, and the top bit of word 0 set.
   */
  void seedByArray(int[] initKey) {
    seed(19650218L);
    int i = 1;
    int j = 0;
    for (int k = Math.max(N, initKey.length); k > 0; k--) {
      int previous = key[i - 1];
      key[i] = (key[i] ^ ((previous ^ (previous >>> 30)) * 1664525)) + initKey[j] + j;
      i++;
      j++;
      if (i >= N) {
        key[0] = key[N - 1];
        i = 1;
      }
      if (j >= initKey.length) {
        j = 0;
      }
    }
    for (int k = N - 1; k > 0; k--) {
      int previous = key[i - 1];
      key[i] = (key[i] ^ ((previous ^ (previous >>> 30)) * 1566083941)) - i;
      i++;
      if (i >= N) {
        key[0] = key[N - 1];
        i = 1;
      }
    }
    key[0] = UPPER_MASK;
    pos = N;
  }

  /**
   * Fills the state from {@link SecureRandom}. The top bit of word 0 is set, as {@code init_by_array}
   * does, so the state can never be all zeros (MT19937's one bad state).
   */
  void seedFromEntropy() {
    SecureRandom entropy = new SecureRandom();
    for (int i = 0; i < N; i++) {
      key[i] = entropy.nextInt();
    }
    key[0] = UPPER_MASK;
    pos = N;
  }

  /** Takes the state of {@code other}: both then draw the same words. */
  void copyFrom(MersenneTwister other) {
    System.arraycopy(other.key, 0, key, 0, N);
    System.arraycopy(other.out, 0, out, 0, N);
    pos = other.pos;
  }

  /** Returns the next tempered 32-bit word as an unsigned value in [0, 2^32). */
  long nextUint32() {
    return nextInt() & 0xffffffffL;
  }

  /** Returns the next tempered 32-bit word (signed view of the same bits). */
  int nextInt() {
    if (pos == N) {
      regenerate();
    }
    return out[pos++];
  }

  /** Returns a 64-bit draw: the first word is the high half, as in NumPy's {@code next_uint64}. */
  long nextLong() {
    long high = nextUint32();
    return (high << 32) | nextUint32();
  }

  /** Returns (a * 2^26 + b) / 2^53 with a = word1 >>> 5 and b = word2 >>> 6: a double in [0, 1). */
  double nextDouble() {
    int a = nextInt() >>> 5;
    int b = nextInt() >>> 6;
    return (a * 67108864.0 + b) * 0x1.0p-53; // the same as / 2^53: scaling by a power of two is exact
  }

  /**
   * The standard MT step over the whole block, written as three loops so that no index needs a
   * modulo, then the tempering of all 624 words at once (a simple loop the JIT vectorises).
   */
  private void regenerate() {
    twistKey();
    for (int j = 0; j < N; j++) {
      out[j] = temper(key[j]);
    }
    pos = 0;
  }

  /** The standard MT step over the whole state. */
  private void twistKey() {
    int i = 0;
    for (; i < N - M; i++) {
      key[i] = twist(key[i + M], key[i], key[i + 1]);
    }
    for (; i < N - 1; i++) {
      key[i] = twist(key[i + M - N], key[i], key[i + 1]);
    }
    key[N - 1] = twist(key[M - 1], key[N - 1], key[0]);
  }

  private static int temper(int y) {
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    return y ^ (y >>> 18);
  }

  /** The words of the current block already drawn: N when the next draw starts a new block. */
  int position() {
    return pos;
  }

  /**
   * Moves on by one whole block without drawing from it: the state twisted once, copied into
   * {@code states[offset, offset + N)}; the block is then used up ({@link #temperedDoubles}
   * gives its draws).
   */
  void twistInto(int[] states, int offset) {
    twistKey();
    System.arraycopy(key, 0, states, offset, N);
    pos = N;
  }

  /**
   * The N/2 doubles of one block's state {@code states[offset, offset + N)}, as
   * {@link #nextDouble()} draws them, into {@code dst[at, at + N/2)}; {@code high} and {@code low}
   * (N/2 words each) are scratch. The words of each pair are first dealt into two arrays, so that
   * the tempering and the conversion run as plain loops over consecutive elements, which C2
   * vectorises (three times faster than tempering the pairs in place: 7 ms against 21 ms for 10^7
   * doubles on one core).
   */
  static void temperedDoubles(int[] states, int offset, double[] dst, int at, int[] high,
      int[] low) {
    for (int j = 0; j < N / 2; j++) {
      high[j] = states[offset + 2 * j];
      low[j] = states[offset + 2 * j + 1];
    }
    for (int j = 0; j < N / 2; j++) {
      high[j] = temper(high[j]) >>> 5;
    }
    for (int j = 0; j < N / 2; j++) {
      low[j] = temper(low[j]) >>> 6;
    }
    for (int j = 0; j < N / 2; j++) {
      dst[at + j] = (high[j] * 67108864.0 + low[j]) * 0x1.0p-53;
    }
  }

  private static int twist(int far, int current, int next) {
    int y = (current & UPPER_MASK) | (next & LOWER_MASK);
    return far ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
  }
}

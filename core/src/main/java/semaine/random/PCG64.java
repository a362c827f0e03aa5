package semaine.random;

/**
 * NumPy's {@code np.random.Generator(np.random.PCG64(seed))}, the generator Gymnasium gives every
 * environment ({@code env.np_random}): a 128-bit linear congruential state with the XSL-RR output
 * (O'Neill's PCG64), seeded through {@link SeedSequence}, and the draws environments use,
 * {@link #random()} and {@link #uniform(double, double)}. Bit for bit NumPy's for the same seed.
 */
public final class PCG64 {

  private static final long MULT_HI = 0x2360ED051FC65DA4L;
  private static final long MULT_LO = 0x4385DF649FCCF645L;

  private long stateHi;
  private long stateLo;
  private final long incHi;
  private final long incLo;

  /** {@code PCG64(seed)} with {@code seed >= 0}, seeded as NumPy seeds it. */
  public PCG64(long seed) {
    long[] words = new SeedSequence(seed).generateState(4);
    // pcg64_set_seed: the state from words 0 (high) and 1 (low), the stream from 2 and 3
    long seedHi = words[0];
    long seedLo = words[1];
    long hi = words[2];
    long lo = words[3];
    incHi = (hi << 1) | (lo >>> 63);
    incLo = (lo << 1) | 1L;
    stateHi = 0;
    stateLo = 0;
    step();
    long sum = stateLo + seedLo;
    stateHi = stateHi + seedHi + (Long.compareUnsigned(sum, stateLo) < 0 ? 1 : 0);
    stateLo = sum;
    step();
  }

  /** The next 64 random bits ({@code random_raw()}). */
  public long nextLong() {
    step();
    long value = stateHi ^ stateLo;
    return Long.rotateRight(value, (int) (stateHi >>> 58));
  }

  /** A double in [0, 1): the top 53 bits of {@link #nextLong()}, {@code Generator.random()}. */
  public double random() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** {@code Generator.uniform(low, high)}: {@code low + (high - low) * random()}. */
  public double uniform(double low, double high) {
    return low + (high - low) * random();
  }

  /** {@code Generator.uniform(low, high, size=n)}: n draws in order. */
  public double[] uniform(double low, double high, int n) {
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = uniform(low, high);
    }
    return out;
  }

  /** state = state * MULT + inc, modulo 2^128. */
  private void step() {
    long lo = stateLo * MULT_LO;
    long hi = Math.unsignedMultiplyHigh(stateLo, MULT_LO) + stateLo * MULT_HI + stateHi * MULT_LO;
    long sum = lo + incLo;
    stateHi = hi + incHi + (Long.compareUnsigned(sum, lo) < 0 ? 1 : 0);
    stateLo = sum;
  }
}

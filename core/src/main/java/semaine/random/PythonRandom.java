package semaine.random;

import java.math.BigInteger;

/**
 * Python's own {@code random} module ({@code random.Random}), the generator behind
 * {@code random.random()}: the same MT19937 as {@link RandomState}, seeded another way.
 *
 * <p>{@code random.seed(n)} for an integer n calls {@code init_by_array} with the 32-bit words of
 * |n|, least significant first ({@code [0]} for 0), where NumPy's {@code np.random.seed(n)} calls
 * {@code init_genrand(n)}: the same seed gives two different streams. {@link #random()} is
 * {@code genrand_res53}, the same 53-bit double as NumPy's {@code random_sample()}. So
 * {@code new PythonRandom(42).random()} is Python's {@code random.seed(42); random.random()},
 * 0.6394267984578837.
 *
 * <p>A listing that uses {@code random} without seeding it gets Python's entropy seed, which no
 * run can repeat: {@link #PythonRandom()} does the same. Not thread-safe.
 */
public final class PythonRandom {

  private final MersenneTwister mt = new MersenneTwister();

  /** Seeded from system entropy, like Python's {@code random} module at import. */
  public PythonRandom() {
    mt.seedFromEntropy();
  }

  /** Seeded like {@code random.seed(seed)}: any integer, its absolute value is used. */
  public PythonRandom(long seed) {
    mt.seedByArray(words(BigInteger.valueOf(seed).abs()));
  }

  /** {@code random.random()}: a double in [0, 1) with 53 random bits. */
  public double random() {
    return mt.nextDouble();
  }

  /** The 32-bit words of {@code n}, least significant first; {@code [0]} for 0 (CPython's key). */
  private static int[] words(BigInteger n) {
    int count = Math.max(1, (n.bitLength() + 31) / 32);
    int[] words = new int[count];
    for (int i = 0; i < count; i++) {
      words[i] = n.shiftRight(32 * i).intValue();
    }
    return words;
  }
}

package semaine.random;

/**
 * NumPy's {@code np.random.SeedSequence} for an integer seed without spawn key: it mixes the seed's
 * 32-bit words into a pool of four words, then draws the words that seed a bit generator
 * ({@link #generateState}). Same constants and order as NumPy's {@code bit_generator.pyx}
 * (hashmix, mix, a pool of 4, XSHIFT 16), so {@link PCG64} seeded here matches
 * {@code np.random.PCG64(seed)} word for word.
 */
public final class SeedSequence {

  private static final int INIT_A = 0x43b0d7e5;
  private static final int MULT_A = 0x931e8875;
  private static final int INIT_B = 0x8b51f9dd;
  private static final int MULT_B = 0x58f38ded;
  private static final int MIX_MULT_L = 0xca01f9dd;
  private static final int MIX_MULT_R = 0x4973f715;
  private static final int POOL_SIZE = 4;

  private final int[] pool = new int[POOL_SIZE];

  /** {@code SeedSequence(seed)} for a seed {@code >= 0}. */
  public SeedSequence(long seed) {
    if (seed < 0) {
      throw new IllegalArgumentException("seed (" + seed + ") must be >= 0");
    }
    // the seed as little-endian 32-bit words, at least one (NumPy's _coerce_to_uint32_array)
    int[] entropy = (seed >>> 32) == 0 ? new int[] {(int) seed}
        : new int[] {(int) seed, (int) (seed >>> 32)};
    int[] hashConst = {INIT_A};
    for (int i = 0; i < POOL_SIZE; i++) {
      pool[i] = hashmix(i < entropy.length ? entropy[i] : 0, hashConst);
    }
    for (int src = 0; src < POOL_SIZE; src++) {
      for (int dst = 0; dst < POOL_SIZE; dst++) {
        if (src != dst) {
          pool[dst] = mix(pool[dst], hashmix(pool[src], hashConst));
        }
      }
    }
    for (int src = POOL_SIZE; src < entropy.length; src++) {
      for (int dst = 0; dst < POOL_SIZE; dst++) {
        pool[dst] = mix(pool[dst], hashmix(entropy[src], hashConst));
      }
    }
  }

  /** {@code generate_state(n, np.uint64)}: n words, each two 32-bit draws, low word first. */
  public long[] generateState(int n) {
    long[] out = new long[n];
    int hashConst = INIT_B;
    for (int i = 0; i < 2 * n; i++) {
      int value = pool[i % POOL_SIZE] ^ hashConst;
      hashConst *= MULT_B;
      value *= hashConst;
      value ^= value >>> 16;
      out[i / 2] |= (value & 0xFFFF_FFFFL) << (i % 2 == 0 ? 0 : 32);
    }
    return out;
  }

  private static int hashmix(int value, int[] hashConst) {
    value ^= hashConst[0];
    hashConst[0] *= MULT_A;
    value *= hashConst[0];
    return value ^ (value >>> 16);
  }

  private static int mix(int x, int y) {
    int result = MIX_MULT_L * x - MIX_MULT_R * y;
    return result ^ (result >>> 16);
  }
}

package semaine.tree;

/**
 * scikit-learn's tree random generator ({@code sklearn.tree._utils}: {@code our_rand_r},
 * {@code rand_int}, {@code rand_uniform}): a 32-bit xorshift (Marsaglia 2003, shifts 13, 17, 5)
 * whose output is reduced modulo 2^31. The splitter of each tree seeds it once from a
 * {@code RandomState} draw in [0, 2^31 − 1); coordinate descent (Lasso, ElasticNet) draws its
 * random coordinates from it too.
 */
public final class XorShiftRandom {

  /** {@code RAND_R_MAX}: the largest value (2^31 − 1) and the divisor of {@link #uniform}. */
  public static final int RAND_R_MAX = Integer.MAX_VALUE;

  private int state;   // uint32, held in an int

  /** A generator whose state starts at {@code seed}, taken as a uint32. */
  public XorShiftRandom(long seed) {
    this.state = (int) seed;
  }

  /** {@code our_rand_r}: the next value in [0, 2^31); a zero state is replaced by 1 first. */
  public int next() {
    if (state == 0) {
      state = 1;
    }
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return state & RAND_R_MAX;   // modulo RAND_R_MAX + 1 = 2^31
  }

  /** {@code rand_int(low, high)}: {@code low + next() % (high − low)}, in [low, high). */
  public int randInt(int low, int high) {
    return low + next() % (high - low);
  }

  /** {@code rand_uniform(low, high)}: {@code (high − low) · next() / RAND_R_MAX + low}. */
  public double uniform(double low, double high) {
    return (high - low) * (double) next() / RAND_R_MAX + low;
  }
}

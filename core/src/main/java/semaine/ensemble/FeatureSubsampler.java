package semaine.ensemble;

import semaine.random.PCG64;

/**
 * The features a split may use when {@code max_features} is below 1: scikit-learn draws, for each
 * node whose split is searched, {@code max(1, ceil(max_features · n_features))} of them by
 * shuffling a mask of that many Trues then Falses with one NumPy {@code Generator} (PCG64, seeded
 * with the second draw of {@code random_state}) shared by every tree of the fit.
 *
 * <p>{@code Generator.shuffle} swaps, for i from n − 1 down to 1, entry i with entry
 * {@code random_interval(i)}: the low bits of 32-bit draws under the smallest all-ones mask at
 * least i, redrawn while above i. PCG64 gives 32-bit draws from its 64-bit ones, the low half
 * first, the high half kept for the next.
 */
final class FeatureSubsampler {

  private final PCG64 bits;
  private final double fraction;
  private boolean hasHalf;
  private long half;

  FeatureSubsampler(long seed, double fraction) {
    this.bits = new PCG64(seed);
    this.fraction = fraction;
  }

  /** The mask of the features a node's split may use. */
  boolean[] draw(int nFeatures) {
    int n = Math.max(1, (int) Math.ceil(fraction * nFeatures));
    boolean[] mask = new boolean[nFeatures];
    for (int f = 0; f < n; f++) {
      mask[f] = true;
    }
    for (int i = nFeatures - 1; i >= 1; i--) {
      int j = (int) interval(i);
      boolean t = mask[i];
      mask[i] = mask[j];
      mask[j] = t;
    }
    return mask;
  }

  private long interval(long max) {
    long mask = max;
    mask |= mask >>> 1;
    mask |= mask >>> 2;
    mask |= mask >>> 4;
    mask |= mask >>> 8;
    mask |= mask >>> 16;
    long value;
    do {
      value = nextUint32() & mask;
    } while (value > max);
    return value;
  }

  private long nextUint32() {
    if (hasHalf) {
      hasHalf = false;
      return half;
    }
    long next = bits.nextLong();
    hasHalf = true;
    half = next >>> 32;
    return next & 0xFFFFFFFFL;
  }
}

package semaine.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The float species of the vector kernels and their one lane reduction, shared by
 * {@link Kernels}, {@link MatMulSimd} and {@link InferenceKernels} so that each depends on it one
 * way. Loaded only when {@link Kernels#VECTOR} is true.
 */
final class FloatLanes {

  /** The preferred float species, chosen once. */
  static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  /** Lanes per vector. */
  static final int L = S.length();
  /** Rotations by L/2, L/4, ..., 1 lanes: the steps of {@link #sumLanes}. */
  private static final VectorShuffle<Float>[] HALVES = halves();

  private FloatLanes() {}

  @SuppressWarnings("unchecked")
  private static VectorShuffle<Float>[] halves() {
    int steps = Integer.numberOfTrailingZeros(L);
    VectorShuffle<Float>[] out = new VectorShuffle[steps];
    for (int k = 0, h = L / 2; k < steps; k++, h /= 2) {
      out[k] = VectorShuffle.iota(S, h, 1, true);
    }
    return out;
  }

  /**
   * The sum of the lanes of v in a fixed tree order: lane i plus lane i + L/2, then + L/4, ...
   * {@code reduceLanes(ADD)} leaves the order to the implementation, and its Java fallback (before
   * C2 compiles a loop) and its intrinsic add in different orders, so a float sum could change in
   * its last bits as a program warms up; this one is the same in both.
   */
  static float sumLanes(FloatVector v) {
    for (VectorShuffle<Float> rotation : HALVES) {
      v = v.add(v.rearrange(rotation));
    }
    return v.lane(0);
  }
}

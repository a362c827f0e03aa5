package semaine.nn.optim;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Adam's element-wise update on flat arrays, the kernel of {@link Adam}: a Vector API path and
 * its scalar twin, which finishes the tail and is the test oracle. With
 * {@code -Dsemaine.vector=false} or without the incubator module the nested {@code Simd} class is
 * never loaded and the scalar twin does all the work.
 */
final class AdamUpdate {

  /** True when the incubator module is present and not turned off (as the kernels of nn). */
  static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
      && !"false".equals(System.getProperty("semaine.vector"));

  private AdamUpdate() {}

  /**
   * Adam's update of {@code p} in place, element by element as PyTorch's single-tensor Adam:
   * {@code m += b1·(g − m)}, {@code v = b2·v + (1−b2)·g²},
   * {@code p −= step · m / (√v / bias2Sqrt + eps)}; g gets {@code wd·p} added first when
   * {@code wd ≠ 0} (L2). Vector and scalar paths round identically (sqrt and division are exact
   * in both).
   */
  static void adam(float[] p, float[] g, float[] m, float[] v, float b1, float b2,
      float oneMinusB2, float step, float bias2Sqrt, float eps, float wd) {
    if (g.length != p.length || m.length != p.length || v.length != p.length) {
      throw new IllegalArgumentException("adam: p, g, m and v must have the same length ("
          + p.length + ", " + g.length + ", " + m.length + ", " + v.length + ")");
    }
    int i = VECTOR ? Simd.adam(p, g, m, v, b1, b2, oneMinusB2, step, bias2Sqrt, eps, wd) : 0;
    adamScalar(p, g, m, v, b1, b2, oneMinusB2, step, bias2Sqrt, eps, wd, i);
  }

  static void adamScalar(float[] p, float[] g, float[] m, float[] v, float b1, float b2,
      float oneMinusB2, float step, float bias2Sqrt, float eps, float wd, int from) {
    for (int k = from; k < p.length; k++) {
      float grad = g[k];
      if (wd != 0) {
        grad += wd * p[k];
      }
      m[k] += b1 * (grad - m[k]);
      v[k] = b2 * v[k] + oneMinusB2 * grad * grad;
      float denom = (float) Math.sqrt(v[k]) / bias2Sqrt + eps;
      p[k] += -step * (m[k] / denom);
    }
  }

  /** The vector path; loaded only when {@link #VECTOR} is true. */
  private static final class Simd {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    static int adam(float[] p, float[] g, float[] m, float[] v, float b1, float b2,
        float oneMinusB2, float step, float bias2Sqrt, float eps, float wd) {
      int i = 0;
      for (int bound = S.loopBound(p.length); i < bound; i += L) {
        FloatVector pi = FloatVector.fromArray(S, p, i);
        FloatVector grad = FloatVector.fromArray(S, g, i);
        if (wd != 0) {
          grad = grad.add(pi.mul(wd));
        }
        FloatVector mi = FloatVector.fromArray(S, m, i);
        mi = mi.add(grad.sub(mi).mul(b1));
        FloatVector vi = FloatVector.fromArray(S, v, i).mul(b2)
            .add(grad.mul(oneMinusB2).mul(grad));
        FloatVector denom = vi.sqrt().div(bias2Sqrt).add(eps);
        pi.add(mi.div(denom).mul(-step)).intoArray(p, i);
        mi.intoArray(m, i);
        vi.intoArray(v, i);
      }
      return i;
    }
  }
}

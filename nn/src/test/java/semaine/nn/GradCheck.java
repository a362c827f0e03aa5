package semaine.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import semaine.random.RandomState;

/**
 * Finite-difference check of backward: the scalar {@code L = Σ f(inputs) ⊙ R}, R fixed random
 * weights, is differentiated numerically by central differences {@code (L(x+ε) − L(x−ε)) / 2ε}
 * and compared with the gradient from backward().
 *
 * <p>The forward pass runs in float32, so the tolerance is chosen for it: with ε = 1e-2 and
 * inputs of order 1 the truncation error is about ε² ≈ 1e-4 and the float rounding of L (about
 * 1e-7 · Σ|terms|) divided by 2ε stays near 1e-5 for these small tensors; we accept
 * {@code |analytic − numeric| <= 3e-3 · max(1, |numeric|)}. L itself is summed in double.
 */
public final class GradCheck {

  static final float EPS = 1e-2f;
  static final double TOL = 3e-3;

  private GradCheck() {}

  static void check(String name, Function<Tensor[], Tensor> f, Tensor... inputs) {
    for (Tensor t : inputs) {
      t.requiresGrad(true).zeroGrad();
    }
    Tensor out = f.apply(inputs);
    float[] r = new RandomState(7).uniform(-1, 1, out.numel()) instanceof double[] u ? toFloat(u) : null;
    Tensor weights = Tensor.of(r, out.shape());
    out.mul(weights).sum().backward();
    boolean anyNonZero = false;
    for (int k = 0; k < inputs.length; k++) {
      Tensor t = inputs[k];
      float[] analytic = t.grad().toFloatArray();
      for (int i = 0; i < t.data.length; i++) {
        float saved = t.data[i];
        t.data[i] = saved + EPS;
        double plus = weighted(f, inputs, r);
        t.data[i] = saved - EPS;
        double minus = weighted(f, inputs, r);
        t.data[i] = saved;
        double numeric = (plus - minus) / (2 * EPS);
        double error = Math.abs(analytic[i] - numeric);
        assertTrue(error <= TOL * Math.max(1, Math.abs(numeric)), name + ": input " + k + " element " + i
            + " analytic " + analytic[i] + " numeric " + numeric);
        anyNonZero |= analytic[i] != 0f;
      }
    }
    assertTrue(anyNonZero, name + ": every gradient is zero, the check proves nothing");
  }

  private static double weighted(Function<Tensor[], Tensor> f, Tensor[] inputs, float[] r) {
    try (var scope = Tensor.noGrad()) {
      float[] y = f.apply(inputs).toFloatArray();
      double s = 0;
      for (int i = 0; i < y.length; i++) {
        s += (double) y[i] * r[i];
      }
      return s;
    }
  }

  public static float[] toFloat(double[] u) {
    float[] out = new float[u.length];
    for (int i = 0; i < u.length; i++) {
      out[i] = (float) u[i];
    }
    return out;
  }

  /** A leaf tensor of uniform values in [low, high). */
  static Tensor rand(long seed, double low, double high, int... shape) {
    return Tensor.uniform(new RandomState(seed), low, high, shape).contiguous().detach();
  }
}

package semaine.nn.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import semaine.nn.GradCheck;
import semaine.random.RandomState;

/** Adam's vector kernel against its scalar twin (moved here with the kernel from KernelsTest). */
class AdamUpdateTest {

  static float[] random(int n, long seed) {
    return GradCheck.toFloat(new RandomState(seed).uniform(-1, 1, n));
  }

  @Test
  void adamVectorPathGivesTheScalarTwinsBits() {
    for (float wd : new float[] {0f, 0.01f}) {
      for (int n : new int[] {1, 17, 100}) {
        float[] p = random(n, 13);
        float[] g = random(n, 14);
        float[] m = random(n, 15);
        float[] v = GradCheck.toFloat(new RandomState(16).uniform(0, 1, n));
        float[] p2 = p.clone(), m2 = m.clone(), v2 = v.clone();
        AdamUpdate.adam(p, g, m, v, 0.1f, 0.999f, 0.001f, 0.01f, 0.3f, 1e-8f, wd);
        AdamUpdate.adamScalar(p2, g, m2, v2, 0.1f, 0.999f, 0.001f, 0.01f, 0.3f, 1e-8f, wd, 0);
        assertArrayEquals(p2, p, "p, n=" + n);
        assertArrayEquals(m2, m, "m, n=" + n);
        assertArrayEquals(v2, v, "v, n=" + n);
      }
    }
  }
}

package semaine.svm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import semaine.random.RandomState;

/**
 * The solver's matrix with partial rows: every entry it hands out is ±(float) K as {@link
 * KernelCache#value} computes it, whatever was asked before (prefixes, extensions, swaps, rows
 * dropped by a small budget), and the vector exponential gives Math.exp's floats.
 */
class SvcQTest {

  private static final int L = 300;

  private static void checkRows(Kernel kernel, double[][] x, int[] columns) {
    // 0.2 MB: 174 rows of L floats, fewer than L: rows are dropped and their arrays reused
    KernelCache cache = new KernelCache(kernel, x, columns, 0.2);
    Random random = new Random(7);
    byte[] y = new byte[L];
    for (int t = 0; t < L; t++) {
      y[t] = (byte) (random.nextBoolean() ? 1 : -1);
    }
    QMatrix q = SmoSolver.q(cache, identity(L), y);
    int[] sampleAt = identity(L);
    byte[] yAt = y.clone();
    for (int step = 0; step < 3000; step++) {
      if (random.nextInt(10) == 0) {
        int i = random.nextInt(L);
        int j = random.nextInt(L);
        q.swap(i, j);
        swap(sampleAt, i, j);
        byte t = yAt[i];
        yAt[i] = yAt[j];
        yAt[j] = t;
        continue;
      }
      int i = random.nextInt(L);
      int len = 1 + random.nextInt(L);
      float[] row = random.nextBoolean() ? q.row(i, len) : q.longer(i, len);
      for (int k = 0; k < len; k++) {
        float v = (float) cache.value(sampleAt[i], sampleAt[k]);
        assertEquals(yAt[i] == yAt[k] ? v : -v, row[k], "row " + i + " entry " + k);
      }
    }
  }

  private static int[] identity(int n) {
    int[] a = new int[n];
    for (int t = 0; t < n; t++) {
      a[t] = t;
    }
    return a;
  }

  private static void swap(int[] a, int i, int j) {
    int t = a[i];
    a[i] = a[j];
    a[j] = t;
  }

  @Test
  void rbfRowsAreTheKernelInFloatThroughSwapsExtensionsAndEvictions() {
    double[][] x = new RandomState(0).randn(L, 13);   // 13 features: whole vectors and a tail
    checkRows(new Kernel(Kernel.Type.RBF, 0.07, 3, 0), x, identity(L));
  }

  @Test
  void polyAndPrecomputedRowsToo() {
    double[][] x = new RandomState(1).randn(L, 5);
    checkRows(new Kernel(Kernel.Type.POLY, 0.3, 3, 1.0), x, identity(L));
    double[][] gram = new double[L][L];
    for (int i = 0; i < L; i++) {
      for (int j = 0; j < L; j++) {
        gram[i][j] = Kernel.dot(x[i], x[j]);
      }
    }
    checkRows(new Kernel(Kernel.Type.PRECOMPUTED, 0, 3, 0), gram, identity(L));
  }

  @Test
  void regressionRowsGatherWholeSampleRowsWithTheirSigns() {
    double[][] x = new RandomState(2).randn(50, 4);
    KernelCache cache = new KernelCache(new Kernel(Kernel.Type.RBF, 0.2, 3, 0), x, null, 1);
    int[] sampleOf = new int[100];
    byte[] y = new byte[100];
    for (int t = 0; t < 100; t++) {
      sampleOf[t] = t % 50;
      y[t] = (byte) (t < 50 ? 1 : -1);
    }
    QMatrix q = SmoSolver.q(cache, sampleOf, y);
    q.swap(3, 70);
    swap(sampleOf, 3, 70);
    byte t = y[3];
    y[3] = y[70];
    y[70] = t;
    float[] row = q.row(3, 100);
    for (int k = 0; k < 100; k++) {
      float v = (float) cache.value(sampleOf[3], sampleOf[k]);
      assertEquals(y[3] == y[k] ? v : -v, row[k]);
    }
  }

  @Test
  void anExponentialWithinAFewUnitsRoundsToMathExpsFloat() {
    Random random = new Random(3);
    for (int n = 0; n < 200_000; n++) {
      double arg = -random.nextDouble() * (n % 5 == 0 ? 120 : 10);
      double exact = Math.exp(arg);
      for (int ulps = -3; ulps <= 3; ulps++) {
        double near = Double.longBitsToDouble(Double.doubleToRawLongBits(exact) + ulps);
        assertEquals((float) exact, Kernel.expToFloat(near, arg), "exp(" + arg + ")");
      }
    }
    // a value exactly between two floats: the dropped bits are 2^28
    double tie = Double.longBitsToDouble(Double.doubleToRawLongBits(0.75) | (1L << 28));
    double arg = Math.log(tie);
    assertEquals((float) Math.exp(arg), Kernel.expToFloat(tie, arg));
  }

  @Test
  void predictVotesWithTheSignsOfTheExactDecisionValues() {
    RandomState rs = new RandomState(4);
    double[][] x = rs.randn(1500, 6);
    double[] noise = rs.randn(1500);
    int[] labels = new int[x.length];
    for (int i = 0; i < x.length; i++) {
      labels[i] = x[i][0] + 0.5 * x[i][1] + noise[i] > 0 ? 1 : 0;
    }
    SVC model = new SVC().fit(x, labels);
    double[] decision = column(model, x);
    int[] predicted = model.predict(x);
    int[] expected = new int[x.length];
    for (int i = 0; i < x.length; i++) {
      expected[i] = decision[i] >= 0 ? 1 : 0;   // a zero raw value votes for classes_[1]
    }
    assertArrayEquals(expected, predicted);
  }

  private static double[] column(SVC model, double[][] x) {
    double[][] d = model.decisionFunction(x);
    double[] c = new double[d.length];
    for (int i = 0; i < d.length; i++) {
      c[i] = d[i][0];
    }
    return c;
  }
}

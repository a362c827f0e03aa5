package semaine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The kernels of GPT-2's prompt pass and 8-bit weights, and the worker team that splits them. */
class InferenceKernelsAdditionsTest {

  private static final int[][] SIZES = {{1, 1}, {3, 7}, {5, 17}, {9, 33}, {13, 70}, {40, 200},
      {7, 768}, {37, 512}};

  private static float[] gaussian(SplittableRandom random, int n) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) random.nextGaussian();
    }
    return x;
  }

  private static double exactDot(float[] w, int wOff, float[] x, int xOff, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += (double) w[wOff + i] * x[xOff + i];
    }
    return s;
  }

  @Test
  void streamedMatvecAndBatchedProductAgreeWithExactSums() {
    SplittableRandom random = new SplittableRandom(5);
    for (int[] size : SIZES) {
      int rows = size[0];
      int cols = size[1];
      int n = 5;
      float[] w = gaussian(random, rows * cols);
      float[] x = gaussian(random, n * cols);
      float[] bias = gaussian(random, rows);
      for (boolean vector : new boolean[] {false, Kernels.VECTOR}) {
        float[] batched = new float[n * rows];
        InferenceKernels.matmulTransposedRows(w, x, bias, batched, rows, cols, n, 0, rows, vector);
        for (int t = 0; t < n; t++) {
          float[] xt = java.util.Arrays.copyOfRange(x, t * cols, (t + 1) * cols);
          float[] one = new float[rows];
          InferenceKernels.matvecStreamRows(w, xt, bias, one, cols, 0, rows, vector);
          for (int r = 0; r < rows; r++) {
            double exact = bias[r] + exactDot(w, r * cols, x, t * cols, cols);
            double tol = 1e-5 * Math.sqrt(cols) * (1 + Math.abs(exact));
            assertEquals(exact, one[r], tol, "matvec " + rows + "x" + cols + " row " + r);
            // the batched product sums in its own order (tiles): within float rounding too
            assertEquals(exact, batched[t * rows + r], tol,
                "batched " + rows + "x" + cols + " input " + t + " row " + r);
          }
        }
      }
    }
  }

  @Test
  void rowsStreamedTogetherHaveTheBitsOfRowsStreamedAlone() {
    // 37 rows: more than one group of partial sums when x is held in registers
    SplittableRandom random = new SplittableRandom(11);
    for (int cols : new int[] {768, 3072}) {
      int rows = 37;
      float[] w = gaussian(random, rows * cols);
      float[] x = gaussian(random, cols);
      float[] bias = gaussian(random, rows);
      for (int from = 0; from < 3; from++) {
        float[] together = new float[rows];
        InferenceKernels.matvecStreamRows(w, x, bias, together, cols, from, rows, Kernels.VECTOR);
        for (int r = from; r < rows; r++) {
          float[] alone = new float[rows];
          InferenceKernels.matvecStreamRows(w, x, bias, alone, cols, r, r + 1, Kernels.VECTOR);
          assertEquals(Float.floatToIntBits(alone[r]), Float.floatToIntBits(together[r]),
              cols + " columns, rows from " + from + ", row " + r);
        }
      }
    }
  }

  @Test
  void taperedChunksCoverTheRangeOnceAtMultiplesOfTheGrain() {
    WorkerTeam team = WorkerTeam.shared();
    for (int n : new int[] {0, 1, 16, 17, 2304, 50_257}) {
      int[] hits = new int[n];
      java.util.Set<String> chunks = java.util.concurrent.ConcurrentHashMap.newKeySet();
      team.forRangeTapered(n, 16, (from, to) -> {
        chunks.add(from + ".." + to);
        for (int i = from; i < to; i++) {
          hits[i]++;
        }
      });
      for (int i = 0; i < n; i++) {
        assertEquals(1, hits[i], "n " + n + " index " + i);
      }
      for (String chunk : chunks) {
        int from = Integer.parseInt(chunk.substring(0, chunk.indexOf('.')));
        int to = Integer.parseInt(chunk.substring(chunk.lastIndexOf('.') + 1));
        assertEquals(0, from % 16, "chunk " + chunk + " of " + n);
        assertTrue(to - from >= 16 || to == n, "chunk " + chunk + " of " + n);
      }
      // the bounds depend on n and the grain only: a second run cuts the same chunks
      java.util.Set<String> again = java.util.concurrent.ConcurrentHashMap.newKeySet();
      team.forRangeTapered(n, 16, (from, to) -> again.add(from + ".." + to));
      assertEquals(chunks, again, "n " + n);
      if (n == 50_257 && team.size() > 1) {
        assertTrue(chunks.size() < 50_257 / 16 / 4, chunks.size() + " chunks: the first are large");
        assertTrue(chunks.contains("50240..50256") || chunks.contains("50224..50240"),
            "the last chunks are one grain: " + chunks);
      }
    }
    var bad = assertThrows(IllegalArgumentException.class,
        () -> team.forRangeTapered(10, 0, (from, to) -> { }));
    assertTrue(bad.getMessage().startsWith("grain (0)"), bad.getMessage());
  }

  @Test
  void geluTanhFollowsTheFormulaOnVectorsAndTail() {
    float[] x = new float[1001];
    for (int i = 0; i < x.length; i++) {
      x[i] = -10f + 20f * i / (x.length - 1);
    }
    float[] y = x.clone();
    InferenceKernels.geluTanh(y, 3, x.length);
    for (int i = 0; i < x.length; i++) {
      double v = x[i];
      double expected = i < 3 ? v
          : 0.5 * v * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (v + 0.044715 * v * v * v)));
      assertEquals(expected, y[i], 2e-6 * (1 + Math.abs(expected)), "x = " + v);
    }
  }

  @Test
  void q8ProductEqualsTheProductWithTheDequantisedWeights() {
    SplittableRandom random = new SplittableRandom(6);
    for (int[] size : SIZES) {
      int rows = size[0];
      int cols = size[1];
      float[] w = gaussian(random, rows * cols);
      float[] x = gaussian(random, cols);
      Q8Matrix q = Q8Matrix.quantize(w, rows, cols);
      float[] back = new float[rows * cols];
      q.dequantizeRows(0, rows, back);
      for (int i = 0; i < w.length; i++) {
        // round to nearest: at most half a step, the step being the block's max|w| / 127
        float d = q.scales()[(i / cols) * Q8Matrix.blocksPerRow(cols) + (i % cols) / Q8Matrix.BLOCK];
        assertTrue(Math.abs(back[i] - w[i]) <= d / 2 * (1 + 1e-6), "weight " + i);
      }
      float[] scalar = new float[rows];
      float[] fast = new float[rows];
      InferenceKernels.matvecQ8Rows(q.q(), q.scales(), x, null, scalar, cols, 0, rows, false);
      InferenceKernels.matvecQ8Rows(q, x, null, fast, 0, rows);
      for (int r = 0; r < rows; r++) {
        double exact = exactDot(back, r * cols, x, 0, cols);
        double tol = 1e-5 * Math.sqrt(cols) * (1 + Math.abs(exact));
        assertEquals(exact, scalar[r], tol, "scalar " + rows + "x" + cols + " row " + r);
        assertEquals(exact, fast[r], tol, "vector " + rows + "x" + cols + " row " + r);
      }
    }
  }

  @Test
  void q8OfZerosAndBadShapes() {
    Q8Matrix zero = Q8Matrix.quantize(new float[64], 2, 32);
    assertEquals(0f, zero.scales()[0]);
    var e = assertThrows(IllegalArgumentException.class, () -> Q8Matrix.quantize(new float[5], 2, 3));
    assertTrue(e.getMessage().startsWith("w (5 values)"), e.getMessage());
  }

  @Test
  void workerTeamCoversTheRangeOnceAndPropagatesFailures() {
    WorkerTeam team = WorkerTeam.shared();
    for (int n : new int[] {0, 1, 7, 1000, 100_003}) {
      int[] hits = new int[n];
      team.forRange(n, 16, (from, to) -> {
        for (int i = from; i < to; i++) {
          hits[i]++;
        }
      });
      for (int i = 0; i < n; i++) {
        assertEquals(1, hits[i], "n " + n + " index " + i);
      }
    }
    AtomicInteger calls = new AtomicInteger();
    var failure = assertThrows(IllegalStateException.class, () -> team.forRange(1000, 10,
        (from, to) -> {
          if (calls.incrementAndGet() == 3) {
            throw new IllegalStateException("chunk failed");
          }
        }));
    assertEquals("chunk failed", failure.getMessage());
    // still usable, and a loop inside a loop runs on the calling thread
    int[] inner = new int[1];
    team.forRange(64, 8, (from, to) -> team.forRange(10, 1, (a, b) -> {
      synchronized (inner) {
        inner[0] += b - a;
      }
    }));
    assertEquals(80, inner[0]);
    var bad = assertThrows(IllegalArgumentException.class, () -> new WorkerTeam(0));
    assertTrue(bad.getMessage().startsWith("size (0)"), bad.getMessage());
  }
}

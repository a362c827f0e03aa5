package semaine.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The vector paths of {@link Kernels}' matrix products: register-blocked tiles of 4 rows by 2
 * vectors of columns, over B read in place or packed into panels, and the product with a
 * transposed B. Loaded only when {@link Kernels#VECTOR} is true; the scalar twins in
 * {@link Kernels} finish the edges and serve as the test oracle. The species comes from
 * {@link FloatLanes}, which both use, so neither depends on the other's nested classes.
 */
final class MatMulSimd {

  private static final VectorSpecies<Float> S = FloatLanes.S;
  private static final int L = FloatLanes.L;

  private MatMulSimd() {}

  /**
   * B (k, m) above this many floats (256 KB) is packed before the product: read in place, its
   * rows at a stride of m floats evict each other from the cache; below it, packing costs more
   * than it saves.
   */
  static final long PACK_FLOATS = 1L << 16;

  /**
   * Register-blocked product: 4 rows of C by 2 vectors of columns held in 8 accumulators while p
   * runs over all of k, so every element keeps the scalar twin's FMA chain. Columns left over
   * (fewer than 2L) take one vector at a time; returns the first column left to the scalar twin.
   */
  static int matmulRows(float[] a, int aOff, int si, int sp, float[] b, int bOff, float[] c,
      int cOff, int k, int m, int from, int to, boolean accumulate) {
    int j = (long) k * m >= PACK_FLOATS && to > from
        ? packedPanels(a, aOff, si, sp, b, bOff, c, cOff, k, m, from, to, accumulate)
        : stridedPanels(a, aOff, si, sp, b, bOff, c, cOff, k, m, from, to, accumulate);
    for (; j + L <= m; j += L) {
      for (int i = from; i < to; i++) {
        int aRow = aOff + i * si;
        FloatVector acc = FloatVector.zero(S);
        for (int p = 0; p < k; p++) {
          acc = FloatVector.broadcast(S, a[aRow + p * sp])
              .fma(FloatVector.fromArray(S, b, bOff + p * m + j), acc);
        }
        store(acc, c, cOff + i * m + j, accumulate);
      }
    }
    return j;
  }

  /** Panels of 2L columns of B read in place; returns the first column not done. */
  private static int stridedPanels(float[] a, int aOff, int si, int sp, float[] b, int bOff,
      float[] c, int cOff, int k, int m, int from, int to, boolean accumulate) {
    int j = 0;
    for (; j + 2 * L <= m; j += 2 * L) {
      int i = from;
      for (; i + 4 <= to; i += 4) {
        block4x2(a, aOff + i * si, si, sp, b, bOff + j, c, cOff + i * m + j, k, m, accumulate);
      }
      for (; i < to; i++) {
        block1x2(a, aOff + i * si, sp, b, bOff + j, c, cOff + i * m + j, k, m, accumulate);
      }
    }
    return j;
  }

  /**
   * Panels of 2L columns on packed copies: A's rows once (see {@link #packRows}), and each panel
   * of B into a contiguous (k, 2L) block, so the inner loop reads both with unit stride whatever
   * A's layout (transposed or not) and B's row length. Returns the first column not done.
   */
  private static int packedPanels(float[] a, int aOff, int si, int sp, float[] b, int bOff,
      float[] c, int cOff, int k, int m, int from, int to, boolean accumulate) {
    int w = 2 * L;
    float[] ap = packRows(a, aOff, si, sp, k, from, to);
    float[] bp = new float[k * w]; // (k, 2L)
    int j = 0;
    for (; j + w <= m; j += w) {
      for (int p = 0; p < k; p++) {
        System.arraycopy(b, bOff + p * m + j, bp, p * w, w);
      }
      panel(ap, bp, k, c, cOff + j, m, from, to, w, accumulate);
    }
    return j;
  }

  /**
   * {@code C (+)= A · Bᵀ}, B stored (m, k), rows from..to-1, every column: each panel of 2L rows
   * of B is packed transposed into a (k, 2L) block, the last one padded with zero columns.
   */
  static void matmulTransBRows(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff,
      int k, int m, int from, int to, boolean accumulate) {
    if (to <= from) {
      return;
    }
    int w = 2 * L;
    float[] ap = packRows(a, aOff, k, 1, k, from, to);
    float[] bp = new float[k * w]; // (k, 2L)
    for (int j = 0; j < m; j += w) {
      int cols = Math.min(w, m - j);
      if (cols < w) {
        java.util.Arrays.fill(bp, 0f);
      }
      for (int x = 0; x < cols; x++) {
        int row = bOff + (j + x) * k;
        for (int p = 0; p < k; p++) {
          bp[p * w + x] = b[row + p];
        }
      }
      panel(ap, bp, k, c, cOff + j, m, from, to, cols, accumulate);
    }
  }

  /**
   * A's rows from..to-1 ({@code A(i, p)} at {@code aOff + i·si + p·sp}) in groups of 4 rows
   * interleaved by p, {@code ap[g·4k + 4p + r]}, zero rows padding the last group.
   */
  private static float[] packRows(float[] a, int aOff, int si, int sp, int k, int from, int to) {
    float[] ap = new float[(to - from + 3) / 4 * 4 * k]; // (groups, k, 4)
    for (int i = from; i < to; i++) {
      int at = (i - from) / 4 * 4 * k + (i - from) % 4;
      int aRow = aOff + i * si;
      for (int p = 0; p < k; p++) {
        ap[at + 4 * p] = a[aRow + p * sp];
      }
    }
    return ap;
  }

  /**
   * Rows from..to-1 of the first {@code cols} columns of C at cAt, one packed panel of B. A
   * narrower panel goes through a (4, 2L) scratch block and scalar stores: masked vector stores
   * here make C2 box the accumulators of the whole kernel.
   */
  private static void panel(float[] ap, float[] bp, int k, float[] c, int cAt, int m, int from,
      int to, int cols, boolean accumulate) {
    int w = 2 * L;
    float[] t = cols < w ? new float[4 * w] : null;
    for (int i = from; i < to; i += 4) {
      int rows = Math.min(4, to - i);
      if (t == null) {
        packed4x2(ap, (i - from) * k, bp, k, c, cAt + i * m, m, rows, accumulate);
        continue;
      }
      packed4x2(ap, (i - from) * k, bp, k, t, 0, w, 4, false);
      for (int r = 0; r < rows; r++) {
        int row = cAt + (i + r) * m;
        for (int x = 0; x < cols; x++) {
          c[row + x] = accumulate ? c[row + x] + t[r * w + x] : t[r * w + x];
        }
      }
    }
  }

  // packed A group at aAt (k, 4), packed B panel (k, 2L); C block at cAt (rows ldc apart), its
  // first `rows` rows
  private static void packed4x2(float[] ap, int aAt, float[] bp, int k, float[] c, int cAt,
      int ldc, int rows, boolean accumulate) {
    tile4x2(ap, aAt, 1, 4, bp, 0, 2 * L, k, c, cAt, ldc, rows, accumulate);
  }

  // A rows at aRow (A(i, p) at i·si + p·sp), B columns from bCol (stride m), C block at cAt
  private static void block4x2(float[] a, int aRow, int si, int sp, float[] b, int bCol,
      float[] c, int cAt, int k, int m, boolean accumulate) {
    tile4x2(a, aRow, si, sp, b, bCol, m, k, c, cAt, m, 4, accumulate);
  }

  /**
   * The 4×2L tile of C at cAt (rows ldc apart, the first {@code rows} stored): eight accumulators
   * while p runs over k, A(r, p) at {@code a[aAt + r·ra + p·pa]} broadcast, B(p, ·) two vectors at
   * {@code b[bAt + p·pb]}. Each element keeps the scalar twin's FMA chain.
   */
  private static void tile4x2(float[] a, int aAt, int ra, int pa, float[] b, int bAt, int pb,
      int k, float[] c, int cAt, int ldc, int rows, boolean accumulate) {
    FloatVector c00 = FloatVector.zero(S), c01 = c00, c10 = c00, c11 = c00;
    FloatVector c20 = c00, c21 = c00, c30 = c00, c31 = c00;
    for (int p = 0; p < k; p++) {
      int bq = bAt + p * pb;
      int aq = aAt + p * pa;
      FloatVector b0 = FloatVector.fromArray(S, b, bq);
      FloatVector b1 = FloatVector.fromArray(S, b, bq + L);
      FloatVector x0 = FloatVector.broadcast(S, a[aq]);
      FloatVector x1 = FloatVector.broadcast(S, a[aq + ra]);
      FloatVector x2 = FloatVector.broadcast(S, a[aq + 2 * ra]);
      FloatVector x3 = FloatVector.broadcast(S, a[aq + 3 * ra]);
      c00 = x0.fma(b0, c00);
      c01 = x0.fma(b1, c01);
      c10 = x1.fma(b0, c10);
      c11 = x1.fma(b1, c11);
      c20 = x2.fma(b0, c20);
      c21 = x2.fma(b1, c21);
      c30 = x3.fma(b0, c30);
      c31 = x3.fma(b1, c31);
    }
    store(c00, c, cAt, accumulate);
    store(c01, c, cAt + L, accumulate);
    if (rows > 1) {
      store(c10, c, cAt + ldc, accumulate);
      store(c11, c, cAt + ldc + L, accumulate);
    }
    if (rows > 2) {
      store(c20, c, cAt + 2 * ldc, accumulate);
      store(c21, c, cAt + 2 * ldc + L, accumulate);
    }
    if (rows > 3) {
      store(c30, c, cAt + 3 * ldc, accumulate);
      store(c31, c, cAt + 3 * ldc + L, accumulate);
    }
  }

  private static void block1x2(float[] a, int aRow, int sp, float[] b, int bCol, float[] c,
      int cAt, int k, int m, boolean accumulate) {
    FloatVector c0 = FloatVector.zero(S), c1 = c0;
    for (int p = 0; p < k; p++) {
      int bp = bCol + p * m;
      FloatVector x = FloatVector.broadcast(S, a[aRow + p * sp]);
      c0 = x.fma(FloatVector.fromArray(S, b, bp), c0);
      c1 = x.fma(FloatVector.fromArray(S, b, bp + L), c1);
    }
    store(c0, c, cAt, accumulate);
    store(c1, c, cAt + L, accumulate);
  }

  private static void store(FloatVector v, float[] c, int at, boolean accumulate) {
    (accumulate ? v.add(FloatVector.fromArray(S, c, at)) : v).intoArray(c, at);
  }
}

package semaine.nn;

/**
 * A weight matrix (rows, cols) in 8-bit blocks, as llama.cpp's Q8_0: each row is cut into blocks of
 * {@link #BLOCK} columns (the last one shorter when cols is not a multiple), and each block keeps
 * one float scale d = max|w| / 127 and the integers q = round(w / d) in [−127, 127]; w is read
 * back as d·q. The rounding error of a weight is at most d / 2, i.e. 1/254 of its block's largest
 * magnitude. Storage is 1 + 4/32 bytes per weight instead of 4.
 *
 * @param q the integers, row-major (rows·cols)
 * @param scales the block scales, row-major (rows, blocksPerRow(cols))
 * @param rows output size
 * @param cols input size
 */
public record Q8Matrix(byte[] q, float[] scales, int rows, int cols) {

  /** Columns per block. */
  public static final int BLOCK = 32;

  public Q8Matrix {
    if (q.length != (long) rows * cols || scales.length != (long) rows * blocksPerRow(cols)) {
      throw new IllegalArgumentException("q (" + q.length + " values) and scales (" + scales.length
          + ") must hold rows·cols (" + rows + "·" + cols + ") values and one scale per block");
    }
  }

  /** Blocks in a row of {@code cols} columns. */
  public static int blocksPerRow(int cols) {
    return (cols + BLOCK - 1) / BLOCK;
  }

  /** Quantises a row-major float matrix (rows, cols). */
  public static Q8Matrix quantize(float[] w, int rows, int cols) {
    if (w.length != (long) rows * cols) {
      throw new IllegalArgumentException("w (" + w.length + " values) must hold rows·cols ("
          + rows + "·" + cols + ") values");
    }
    int blocks = blocksPerRow(cols);
    byte[] q = new byte[w.length];
    float[] scales = new float[rows * blocks];
    for (int r = 0; r < rows; r++) {
      for (int b = 0; b < blocks; b++) {
        int lo = r * cols + b * BLOCK;
        int hi = r * cols + Math.min(cols, (b + 1) * BLOCK);
        float max = 0f;
        for (int i = lo; i < hi; i++) {
          max = Math.max(max, Math.abs(w[i]));
        }
        float d = max / 127f;
        float inverse = d == 0f ? 0f : 1f / d;
        for (int i = lo; i < hi; i++) {
          q[i] = (byte) Math.max(-127, Math.min(127, Math.round(w[i] * inverse)));
        }
        scales[r * blocks + b] = d;
      }
    }
    return new Q8Matrix(q, scales, rows, cols);
  }

  /** Writes rows {@code from..to-1} read back as floats (d·q) into {@code out} from offset 0. */
  public void dequantizeRows(int from, int to, float[] out) {
    int blocks = blocksPerRow(cols);
    for (int r = from; r < to; r++) {
      int o = (r - from) * cols;
      for (int i = 0; i < cols; i++) {
        out[o + i] = q[r * cols + i] * scales[r * blocks + i / BLOCK];
      }
    }
  }
}

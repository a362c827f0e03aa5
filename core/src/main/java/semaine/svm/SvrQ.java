package semaine.svm;

/**
 * Q for the problems with two variables per sample (ε-SVR and ν-SVR, libsvm's {@code SVR_Q}): the
 * kernel rows are cached whole by sample in {@link KernelCache}, and a row of Q is gathered in
 * solver positions with its signs into one of two buffers used in turn (a step needs two rows at
 * once).
 */
final class SvrQ implements QMatrix {

  private final KernelCache cache;
  private final byte[] y;
  private final int[] sampleAt;
  private final float[][] buffers;
  private int nextBuffer;
  /** The kernel rows of the last two requests and their samples (for {@link #longer}). */
  private final float[][] recent = new float[2][];
  private final int[] recentSample = {-1, -1};
  private int nextRecent;

  /**
   * @param cache the kernel rows by sample
   * @param sampleOf each variable's sample
   * @param y each variable's sign
   */
  SvrQ(KernelCache cache, int[] sampleOf, byte[] y) {
    this.cache = cache;
    this.y = y.clone();
    this.sampleAt = sampleOf.clone();
    buffers = new float[2][y.length];
  }

  @Override
  public float[] row(int i, int len) {
    float[] kernelRow = cache.row(sampleAt[i]);
    recent[nextRecent] = kernelRow;
    recentSample[nextRecent] = sampleAt[i];
    nextRecent ^= 1;
    return gather(i, kernelRow, len);
  }

  @Override
  public float[] longer(int i, int len) {
    int s = sampleAt[i];
    float[] kernelRow = recentSample[0] == s ? recent[0]
        : recentSample[1] == s ? recent[1] : cache.rowUncounted(s);
    return gather(i, kernelRow, len);
  }

  private float[] gather(int i, float[] kernelRow, int len) {
    float[] buffer = buffers[nextBuffer];
    nextBuffer ^= 1;
    byte yi = y[i];
    for (int k = 0; k < len; k++) {
      float v = kernelRow[sampleAt[k]];
      buffer[k] = y[k] == yi ? v : -v;
    }
    return buffer;
  }

  @Override
  public void swap(int i, int j) {
    Swaps.swapByte(y, i, j);
    Swaps.swapInt(sampleAt, i, j);
  }
}

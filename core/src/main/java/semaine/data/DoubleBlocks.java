package semaine.data;

import java.util.ArrayList;
import java.util.List;

/**
 * A column of numbers grown in blocks of 4096, so that growing never copies and never holds more
 * than one partly filled block: reading a column costs its values plus at most a block. The
 * values are kept as doubles (32 KB a block) or, for a column read as float32, rounded to floats
 * (16 KB a block), as NumPy's {@code astype(np.float32)} rounds them.
 */
final class DoubleBlocks {

  private static final int BLOCK = 4096;

  private final boolean float32;
  private final List<Object> blocks = new ArrayList<>(); // double[] or float[] blocks
  private final List<Integer> counts = new ArrayList<>(); // values in each block
  private double[] last;
  private float[] last32;
  private int lastCount;
  private long size;

  /** A column of doubles. */
  DoubleBlocks() {
    this(false);
  }

  /** A column of doubles, or of floats when {@code float32}. */
  DoubleBlocks(boolean float32) {
    this.float32 = float32;
  }

  /** Whether the values are kept as floats. */
  boolean float32() {
    return float32;
  }

  /** Appends {@code value} (rounded to float32 for a float32 column). */
  void add(double value) {
    if (lastCount == BLOCK || (last == null && last32 == null)) {
      seal();
      if (float32) {
        last32 = new float[BLOCK];
      } else {
        last = new double[BLOCK];
      }
    }
    if (float32) {
      last32[lastCount++] = (float) value;
    } else {
      last[lastCount++] = value;
    }
    size++;
  }

  /** Appends every value of {@code other} (of the same precision), sharing its blocks. */
  void addAll(DoubleBlocks other) {
    other.seal();
    seal();
    blocks.addAll(other.blocks);
    counts.addAll(other.counts);
    size += other.size;
  }

  /** Number of values. */
  long size() {
    return size;
  }

  /** Number of blocks: columns read together have the same blocks (same counts). */
  int blocks() {
    seal();
    return blocks.size();
  }

  /** Lets block b go (its memory can be reclaimed); it must not be read afterwards. */
  void release(int b) {
    blocks.set(b, null);
  }

  /** Number of values in block b. */
  int count(int b) {
    return counts.get(b);
  }

  /** Block b's values into column {@code column} of rows {@code X[row ..]}. */
  void copyTo(int b, double[][] X, int row, int column) {
    int count = counts.get(b);
    if (blocks.get(b) instanceof float[] block) {
      for (int i = 0; i < count; i++) {
        X[row + i][column] = block[i];
      }
    } else {
      double[] block = (double[]) blocks.get(b);
      for (int i = 0; i < count; i++) {
        X[row + i][column] = block[i];
      }
    }
  }

  /** Block b's values, rounded to float32, into column {@code column} of rows {@code X[row ..]}. */
  void copyTo(int b, float[][] X, int row, int column) {
    int count = counts.get(b);
    if (blocks.get(b) instanceof float[] block) {
      for (int i = 0; i < count; i++) {
        X[row + i][column] = block[i];
      }
    } else {
      double[] block = (double[]) blocks.get(b);
      for (int i = 0; i < count; i++) {
        X[row + i][column] = (float) block[i];
      }
    }
  }

  /** The values as one array of doubles. */
  double[] toArray() {
    seal();
    double[] values = new double[Math.toIntExact(size)];
    int at = 0;
    for (int b = 0; b < blocks.size(); b++) {
      if (blocks.get(b) instanceof float[] block) {
        for (int i = 0; i < counts.get(b); i++) {
          values[at + i] = block[i];
        }
      } else {
        System.arraycopy((double[]) blocks.get(b), 0, values, at, counts.get(b));
      }
      at += counts.get(b);
    }
    return values;
  }

  private void seal() {
    if (last != null || last32 != null) {
      blocks.add(float32 ? last32 : last);
      counts.add(lastCount);
      last = null;
      last32 = null;
      lastCount = 0;
    }
  }
}

package semaine.data;

import java.util.ArrayList;
import java.util.List;

/**
 * A column of doubles grown in blocks of 4096 (32 KB), so that growing never copies and never holds
 * more than one partly filled block: reading a column costs its values plus at most a block.
 */
final class DoubleBlocks {

  private static final int BLOCK = 4096;

  private final List<double[]> blocks = new ArrayList<>();
  private final List<Integer> counts = new ArrayList<>(); // values in each block
  private double[] last;
  private int lastCount;
  private long size;

  /** Appends {@code value}. */
  void add(double value) {
    if (last == null || lastCount == last.length) {
      seal();
      last = new double[BLOCK];
    }
    last[lastCount++] = value;
    size++;
  }

  /** Appends every value of {@code other}, sharing its blocks. */
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

  /** Writes value i into {@code X[i][column]}, for every i. */
  void copyToColumn(double[][] X, int column) {
    seal();
    int row = 0;
    for (int b = 0; b < blocks.size(); b++) {
      double[] block = blocks.get(b);
      for (int i = 0, n = counts.get(b); i < n; i++) {
        X[row++][column] = block[i];
      }
    }
  }

  /** The values as one array. */
  double[] toArray() {
    seal();
    double[] values = new double[Math.toIntExact(size)];
    int at = 0;
    for (int b = 0; b < blocks.size(); b++) {
      System.arraycopy(blocks.get(b), 0, values, at, counts.get(b));
      at += counts.get(b);
    }
    return values;
  }

  private void seal() {
    if (last != null) {
      blocks.add(last);
      counts.add(lastCount);
      last = null;
      lastCount = 0;
    }
  }
}

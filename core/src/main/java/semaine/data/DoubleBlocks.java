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

  /** Number of blocks: columns read together have the same blocks (same counts). */
  int blocks() {
    seal();
    return blocks.size();
  }

  /** Block b; its first {@link #count(int)} values are set. */
  double[] block(int b) {
    return blocks.get(b);
  }

  /** Number of values in block b. */
  int count(int b) {
    return counts.get(b);
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

package semaine.rl.agents;

import java.util.Arrays;
import semaine.util.Checks;

/**
 * A Q-table that stores a row only for the states written to: an open-addressing hash map from a
 * state number (a {@code long} in [0, nStates)) to its row, with linear probing and no boxing. A
 * state never written reads as {@code initialValue} (0 by default) in every action, as the zeros of
 * the book's dense table would. Memory grows with the states visited, not with the space: the book's
 * LunarLander table (11^8 x 4 = 857,435,524 doubles, 6.9 GB dense) keeps a few thousand rows.
 */
public final class SparseQTable implements QTable {

  private static final long EMPTY = -1;

  private final long nStates;
  private final int nActions;
  private final double initialValue;
  private long[] keys; // (capacity) state numbers, EMPTY where free
  private double[] values; // (capacity, nActions) row-major
  private int size;

  /** A table over {@code nStates} states whose unseen rows read as 0. */
  public SparseQTable(long nStates, int nActions) {
    this(nStates, nActions, 0.0);
  }

  /** A table over {@code nStates} states whose unseen rows read as {@code initialValue}. */
  public SparseQTable(long nStates, int nActions, double initialValue) {
    Checks.checkArgument(nStates >= 1, "nStates (" + nStates + ") must be >= 1");
    this.nStates = nStates;
    this.nActions = Checks.checkPositive("nActions", nActions);
    this.initialValue = Checks.checkFinite("initialValue", initialValue);
    allocate(1024);
  }

  /** The number of states the table can address (not how many it stores). */
  public long nStates() {
    return nStates;
  }

  @Override
  public int nActions() {
    return nActions;
  }

  @Override
  public double get(long state, int action) {
    checkAction(action);
    int slot = find(checkState(state));
    return keys[slot] == EMPTY ? initialValue : values[slot * nActions + action];
  }

  @Override
  public void set(long state, int action, double value) {
    checkAction(action);
    int slot = find(checkState(state));
    if (keys[slot] == EMPTY) {
      if (2 * (size + 1) > keys.length) {
        grow();
        slot = find(state);
      }
      keys[slot] = state;
      Arrays.fill(values, slot * nActions, (slot + 1) * nActions, initialValue);
      size++;
    }
    values[slot * nActions + action] = value;
  }

  @Override
  public long storedStates() {
    return size;
  }

  /** The numbers of the states stored, in increasing order. */
  public long[] states() {
    long[] out = new long[size];
    int n = 0;
    for (long key : keys) {
      if (key != EMPTY) {
        out[n++] = key;
      }
    }
    Arrays.sort(out);
    return out;
  }

  /** Bytes held by the two arrays (keys and rows), capacity included. */
  public long bytes() {
    return 8L * keys.length + 8L * values.length;
  }

  /** The slot of {@code state}, or the free slot where it would go. */
  private int find(long state) {
    int mask = keys.length - 1;
    int slot = (int) mix(state) & mask;
    while (keys[slot] != EMPTY && keys[slot] != state) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private void grow() {
    long[] oldKeys = keys;
    double[] oldValues = values;
    allocate(keys.length * 2);
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY) {
        int slot = find(oldKeys[i]);
        keys[slot] = oldKeys[i];
        System.arraycopy(oldValues, i * nActions, values, slot * nActions, nActions);
      }
    }
  }

  private void allocate(int capacity) {
    Checks.checkArgument((long) capacity * nActions < Integer.MAX_VALUE,
        "the sparse Q-table outgrew " + size + " states");
    keys = new long[capacity];
    Arrays.fill(keys, EMPTY);
    values = new double[capacity * nActions];
  }

  /** A 64-bit finaliser (MurmurHash3's fmix64), so that neighbouring states spread over slots. */
  private static long mix(long x) {
    x ^= x >>> 33;
    x *= 0xff51afd7ed558ccdL;
    x ^= x >>> 33;
    x *= 0xc4ceb9fe1a85ec53L;
    return x ^ (x >>> 33);
  }

  private long checkState(long state) {
    if (state < 0 || state >= nStates) {
      throw new IllegalArgumentException("state (" + state + ") must be in [0, " + (nStates - 1)
          + "]");
    }
    return state;
  }

  private void checkAction(int action) {
    if (action < 0 || action >= nActions) {
      throw new IllegalArgumentException("action (" + action + ") must be in [0, " + (nActions - 1)
          + "]");
    }
  }
}

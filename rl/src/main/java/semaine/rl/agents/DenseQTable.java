package semaine.rl.agents;

import semaine.random.RandomState;
import semaine.util.Checks;

/**
 * A Q-table with one row per state, in one flat array: {@code np.zeros((n_states, n_actions))}, or
 * with {@link #random} the book's {@code np.random.rand(n_states, n_actions)}.
 */
public final class DenseQTable implements QTable {

  private final int nStates;
  private final int nActions;
  private final double[] values; // (nStates, nActions) row-major

  /** A table of zeros. */
  public DenseQTable(int nStates, int nActions) {
    this.nStates = Checks.checkPositive("nStates", nStates);
    this.nActions = Checks.checkPositive("nActions", nActions);
    Checks.checkArgument((long) nStates * nActions <= Integer.MAX_VALUE - 8,
        "nStates x nActions (" + (long) nStates * nActions + ") is too large for a dense table: "
            + "use a SparseQTable");
    this.values = new double[nStates * nActions];
  }

  /** A table of uniform values in [0, 1), drawn row by row as {@code random.rand(nStates, nActions)}. */
  public static DenseQTable random(int nStates, int nActions, RandomState random) {
    DenseQTable table = new DenseQTable(nStates, nActions);
    for (int i = 0; i < table.values.length; i++) {
      table.values[i] = random.randomSample();
    }
    return table;
  }

  /** The number of states. */
  public int nStates() {
    return nStates;
  }

  @Override
  public int nActions() {
    return nActions;
  }

  @Override
  public double get(long state, int action) {
    return values[offset(state, action)];
  }

  @Override
  public void set(long state, int action, double value) {
    values[offset(state, action)] = value;
  }

  @Override
  public long storedStates() {
    return nStates;
  }

  /** The table as {@code double[nStates][nActions]}. */
  public double[][] toArray() {
    double[][] out = new double[nStates][];
    for (int s = 0; s < nStates; s++) {
      out[s] = java.util.Arrays.copyOfRange(values, s * nActions, (s + 1) * nActions);
    }
    return out;
  }

  private int offset(long state, int action) {
    if (state < 0 || state >= nStates) {
      throw new IllegalArgumentException("state (" + state + ") must be in [0, " + (nStates - 1)
          + "]");
    }
    if (action < 0 || action >= nActions) {
      throw new IllegalArgumentException("action (" + action + ") must be in [0, " + (nActions - 1)
          + "]");
    }
    return (int) state * nActions + action;
  }
}

package semaine.rl.agents;

/**
 * The action values Q(s, a) of a tabular agent, indexed by a state number and an action in
 * {@code [0, nActions)}. {@link DenseQTable} holds every state (NumPy's
 * {@code np.zeros((n_states, n_actions))}); {@link SparseQTable} holds only the states written to,
 * for discretised continuous spaces whose full table would not fit (the book's LunarLander table has
 * 11^8 x 4 entries).
 */
public sealed interface QTable permits DenseQTable, SparseQTable {

  /** The number of actions, the width of a row. */
  int nActions();

  /** Q(state, action). */
  double get(long state, int action);

  /** Sets Q(state, action). */
  void set(long state, int action, double value);

  /** The number of states whose row is held in memory. */
  long storedStates();

  /** max_a Q(state, a), NumPy's {@code np.max(Q[state])}. */
  default double max(long state) {
    double best = get(state, 0);
    for (int a = 1; a < nActions(); a++) {
      best = Math.max(best, get(state, a));
    }
    return best;
  }

  /** The first action with the largest value, as {@code np.argmax(Q[state])} (ties: lowest). */
  default int argmax(long state) {
    int best = 0;
    double value = get(state, 0);
    for (int a = 1; a < nActions(); a++) {
      double q = get(state, a);
      if (q > value) {
        value = q;
        best = a;
      }
    }
    return best;
  }

  /** A copy of the row Q(state, ·). */
  default double[] row(long state) {
    double[] row = new double[nActions()];
    for (int a = 0; a < row.length; a++) {
      row[a] = get(state, a);
    }
    return row;
  }
}

package semaine.nn.rl;

import semaine.random.RandomState;

/**
 * SB3's {@code ReplayBuffer} for one environment: a ring of the last {@code capacity} transitions
 * {@code (s, a, r, s', done)} in float32, where {@code done} is true only for a terminal state (a
 * time-limit truncation is not an end of the MDP: its target bootstraps, as SB3's
 * {@code handle_timeout_termination}). {@link #sample} draws indices uniformly with replacement.
 */
final class ReplayBuffer {

  private final int capacity;
  private final int dim;
  private final float[] observations;
  private final float[] nextObservations;
  private final int[] actions;
  private final float[] rewards;
  private final boolean[] dones;
  private int position;
  private boolean full;

  ReplayBuffer(int capacity, int dim) {
    this.capacity = capacity;
    this.dim = dim;
    observations = new float[capacity * dim];
    nextObservations = new float[capacity * dim];
    actions = new int[capacity];
    rewards = new float[capacity];
    dones = new boolean[capacity];
  }

  void add(double[] observation, int action, double reward, double[] next, boolean terminal) {
    Networks.copyObservation(observation, observations, position * dim, dim);
    Networks.copyObservation(next, nextObservations, position * dim, dim);
    actions[position] = action;
    rewards[position] = (float) reward;
    dones[position] = terminal;
    position++;
    if (position == capacity) {
      position = 0;
      full = true;
    }
  }

  int size() {
    return full ? capacity : position;
  }

  /** A batch: observations and next observations (n, dim) flat, actions, rewards, dones. */
  record Batch(float[] observations, float[] nextObservations, int[] actions, float[] rewards,
      boolean[] dones) {}

  Batch sample(int n, RandomState random) {
    float[] obs = new float[n * dim];
    float[] next = new float[n * dim];
    int[] a = new int[n];
    float[] r = new float[n];
    boolean[] d = new boolean[n];
    int upper = size();
    for (int i = 0; i < n; i++) {
      int j = (int) random.randint(0, upper);
      System.arraycopy(observations, j * dim, obs, i * dim, dim);
      System.arraycopy(nextObservations, j * dim, next, i * dim, dim);
      a[i] = actions[j];
      r[i] = rewards[j];
      d[i] = dones[j];
    }
    return new Batch(obs, next, a, r, d);
  }
}

package semaine.rl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Gymnasium 1.3's {@code SyncVectorEnv}: {@code n} copies of an environment stepped one after the
 * other, with batched observations, rewards and flags, and its default autoreset mode,
 * {@link AutoresetMode#NEXT_STEP}: the step after a sub-environment ended resets it (its action is
 * ignored) and returns the reset observation with reward 0 and both flags false.
 * {@link AutoresetMode#SAME_STEP} resets within the ending step (the returned observation is the
 * next episode's first; the last one is in {@link VectorStep#finalObservations}), as Gymnasium
 * 0.29 did and SB3's VecEnv does; {@link AutoresetMode#DISABLED} leaves resets to the caller.
 *
 * <p>{@code reset(seed)} seeds copy i with {@code seed + i}, as Gymnasium does. {@link EnvPool}
 * steps the same copies on several threads, with the same results.
 */
public sealed class SyncVectorEnv<A> implements AutoCloseable permits EnvPool {

  /** When a finished sub-environment is reset, Gymnasium's {@code AutoresetMode}. */
  public enum AutoresetMode { NEXT_STEP, SAME_STEP, DISABLED }

  /**
   * One batched step.
   *
   * @param observations (n, obs_dim) the observations
   * @param rewards the rewards
   * @param terminated whether each copy reached a terminal state
   * @param truncated whether each copy was cut by a limit
   * @param finalObservations SAME_STEP only: the last observation of each copy that ended, null
   *     elsewhere
   */
  public record VectorStep(double[][] observations, double[] rewards, boolean[] terminated,
      boolean[] truncated, double[][] finalObservations) {

    /** Whether copy i ended on this step. */
    public boolean done(int i) {
      return terminated[i] || truncated[i];
    }
  }

  private final List<Env<double[], A>> envs;
  private final AutoresetMode mode;
  private final boolean[] autoreset;
  private final double[][] observations;

  /** {@code n} copies made by {@code factory}, next-step autoreset. */
  public SyncVectorEnv(Supplier<? extends Env<double[], A>> factory, int n) {
    this(factory, n, AutoresetMode.NEXT_STEP);
  }

  /** {@code n} copies made by {@code factory}. */
  public SyncVectorEnv(Supplier<? extends Env<double[], A>> factory, int n, AutoresetMode mode) {
    semaine.util.Checks.checkPositive("n", n);
    this.envs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      envs.add(Objects.requireNonNull(factory.get(), "factory gave null"));
    }
    this.mode = Objects.requireNonNull(mode, "mode");
    this.autoreset = new boolean[n];
    this.observations = new double[n][];
  }

  /** The number of copies. */
  public int numEnvs() {
    return envs.size();
  }

  /** Copy {@code i}. */
  public Env<double[], A> env(int i) {
    return envs.get(i);
  }

  /** A copy's action space ({@code single_action_space}). */
  public Space<A> singleActionSpace() {
    return envs.get(0).actionSpace();
  }

  /** A copy's observation space ({@code single_observation_space}). */
  public Space<double[]> singleObservationSpace() {
    return envs.get(0).observationSpace();
  }

  /** Resets copy i with {@code seed + i}. */
  public double[][] reset(long seed) {
    forEachCopy(i -> observations[i] = envs.get(i).reset(seed + i).observation());
    Arrays.fill(autoreset, false);
    return copy(observations);
  }

  /** Resets every copy, continuing their generators. */
  public double[][] reset() {
    forEachCopy(i -> observations[i] = envs.get(i).reset().observation());
    Arrays.fill(autoreset, false);
    return copy(observations);
  }

  /** Steps copy i with {@code actions.get(i)}, resetting finished copies as the mode says. */
  public VectorStep step(List<A> actions) {
    if (actions.size() != envs.size()) {
      throw new IllegalArgumentException("actions has " + actions.size() + " values but there are "
          + envs.size() + " environments");
    }
    int n = envs.size();
    double[] rewards = new double[n];
    boolean[] terminated = new boolean[n];
    boolean[] truncated = new boolean[n];
    double[][] finals = mode == AutoresetMode.SAME_STEP ? new double[n][] : null;
    forEachCopy(i -> {
      Env<double[], A> env = envs.get(i);
      if (mode == AutoresetMode.NEXT_STEP && autoreset[i]) {
        observations[i] = env.reset().observation();
        return;
      }
      StepResult<double[]> r = env.step(actions.get(i));
      observations[i] = r.observation();
      rewards[i] = r.reward();
      terminated[i] = r.terminated();
      truncated[i] = r.truncated();
      if (mode == AutoresetMode.SAME_STEP && r.done()) {
        finals[i] = r.observation();
        observations[i] = env.reset().observation();
      }
    });
    for (int i = 0; i < n; i++) {
      autoreset[i] = terminated[i] || truncated[i];
    }
    return new VectorStep(copy(observations), rewards, terminated, truncated, finals);
  }

  /**
   * Runs {@code body} for every copy index; here one after the other. Each call touches only its
   * copy and its own slots of the batch arrays, so {@link EnvPool} may run them concurrently.
   */
  void forEachCopy(java.util.function.IntConsumer body) {
    for (int i = 0; i < envs.size(); i++) {
      body.accept(i);
    }
  }

  @Override
  public void close() {
    envs.forEach(Env::close);
  }

  private static double[][] copy(double[][] rows) {
    double[][] out = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      out[i] = rows[i].clone();
    }
    return out;
  }
}

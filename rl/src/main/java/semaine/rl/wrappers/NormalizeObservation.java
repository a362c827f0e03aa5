package semaine.rl.wrappers;

import semaine.rl.Box;
import semaine.rl.Env;
import semaine.rl.ResetResult;
import semaine.rl.Space;
import semaine.rl.StepResult;
import semaine.rl.Wrapper;

/**
 * Gymnasium's {@code NormalizeObservation}: each observation (at reset and at every step) first
 * updates a running mean and variance per coordinate, then comes out as
 * {@code (obs - mean) / sqrt(var + epsilon)} in float32. As in Gymnasium for a float32 space, the
 * statistics are float32 and every operation rounds to float32 (NumPy 2 keeps Python floats weak);
 * only the count is a double. The observation space becomes an unbounded Box.
 */
public final class NormalizeObservation<A> extends Wrapper<double[], A> {

  private final double epsilon;
  private final float[] mean;
  private final float[] var;
  private double count = 1e-4;
  private boolean updateRunningMean = true;

  /** With {@code epsilon} 1e-8. */
  public NormalizeObservation(Env<double[], A> env) {
    this(env, 1e-8);
  }

  /** With the given {@code epsilon}, added to the variance. */
  public NormalizeObservation(Env<double[], A> env, double epsilon) {
    super(env);
    this.epsilon = semaine.util.Checks.checkFinite("epsilon", epsilon);
    if (!((Object) env.observationSpace() instanceof Box box)) {
      throw new IllegalArgumentException("env's observation space (" + env.observationSpace()
          + ") must be a Box");
    }
    mean = new float[box.dimension()];
    var = new float[box.dimension()];
    java.util.Arrays.fill(var, 1f);
  }

  /** Whether observations still update the statistics (Gymnasium's update_running_mean). */
  public NormalizeObservation<A> updateRunningMean(boolean update) {
    this.updateRunningMean = update;
    return this;
  }

  /** The running means (float32 values). */
  public double[] mean() {
    return toDoubles(mean);
  }

  /** The running variances (float32 values). */
  public double[] var() {
    return toDoubles(var);
  }

  @Override
  public Space<double[]> observationSpace() {
    return Box.of(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, mean.length);
  }

  @Override
  public ResetResult<double[]> reset(long seed) {
    ResetResult<double[]> r = env.reset(seed);
    return new ResetResult<>(normalize(r.observation()), r.info());
  }

  @Override
  public ResetResult<double[]> reset() {
    ResetResult<double[]> r = env.reset();
    return new ResetResult<>(normalize(r.observation()), r.info());
  }

  @Override
  public StepResult<double[]> step(A action) {
    StepResult<double[]> r = env.step(action);
    return new StepResult<>(normalize(r.observation()), r.reward(), r.terminated(),
        r.truncated(), r.info());
  }

  private double[] normalize(double[] observation) {
    if (updateRunningMean) {
      double total = count + 1;
      float totalF = (float) total;
      float countF = (float) count;
      for (int i = 0; i < mean.length; i++) {
        float delta = (float) observation[i] - mean[i];
        mean[i] = mean[i] + delta / totalF;
        float m2 = var[i] * countF + 0f + delta * delta * countF / totalF;
        var[i] = m2 / totalF;
      }
      count = total;
    }
    double[] out = new double[mean.length];
    float eps = (float) epsilon;
    for (int i = 0; i < out.length; i++) {
      out[i] = ((float) observation[i] - mean[i]) / (float) Math.sqrt(var[i] + eps);
    }
    return out;
  }

  private static double[] toDoubles(float[] values) {
    double[] out = new double[values.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = values[i];
    }
    return out;
  }
}

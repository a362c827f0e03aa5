package semaine.rl.wrappers;

import semaine.rl.Env;
import semaine.rl.RunningMeanStd;
import semaine.rl.StepResult;
import semaine.rl.Wrapper;

/**
 * Gymnasium's {@code NormalizeReward}: keeps the discounted return
 * {@code G ← G · γ · (1 − terminated) + r} (not reset at a truncation, nor at a reset, as in
 * Gymnasium), updates a running variance of G, and returns {@code r / sqrt(var + epsilon)}, so that
 * rewards have roughly unit scale. γ 0.99, epsilon 1e-8 by default; all in double.
 */
public final class NormalizeReward<O, A> extends Wrapper<O, A> {

  private final double gamma;
  private final double epsilon;
  private final RunningMeanStd returnRms = new RunningMeanStd();
  private double discountedReward;
  private boolean updateRunningMean = true;

  /** γ 0.99, epsilon 1e-8. */
  public NormalizeReward(Env<O, A> env) {
    this(env, 0.99, 1e-8);
  }

  /** The given discount and epsilon. */
  public NormalizeReward(Env<O, A> env, double gamma, double epsilon) {
    super(env);
    if (!(gamma >= 0 && gamma <= 1)) {
      throw new IllegalArgumentException("gamma (" + gamma + ") must be in [0, 1]");
    }
    this.gamma = gamma;
    this.epsilon = semaine.util.Checks.checkFinite("epsilon", epsilon);
  }

  /** Whether rewards still update the statistics. */
  public NormalizeReward<O, A> updateRunningMean(boolean update) {
    this.updateRunningMean = update;
    return this;
  }

  /** The running statistics of the discounted return. */
  public RunningMeanStd returnRms() {
    return returnRms;
  }

  @Override
  public StepResult<O> step(A action) {
    StepResult<O> r = env.step(action);
    discountedReward = discountedReward * gamma * (r.terminated() ? 0 : 1) + r.reward();
    if (updateRunningMean) {
      returnRms.update(discountedReward);
    }
    double normalized = r.reward() / Math.sqrt(returnRms.var() + epsilon);
    return new StepResult<>(r.observation(), normalized, r.terminated(), r.truncated(), r.info());
  }
}

package semaine.rl.agents;

import java.util.function.Function;
import java.util.function.ToIntFunction;
import semaine.rl.Env;
import semaine.rl.StepResult;
import semaine.util.Checks;

/**
 * SB3's {@code evaluate_policy}: plays {@code nEpisodes} whole episodes with a policy (for a
 * trained agent, its deterministic, greedy one) and gives the mean and the (population) standard
 * deviation of their returns. The first episode resets with {@code seed}, the next ones continue
 * the environment's stream (Gymnasium's rule), so a seed fixes all the start states.
 */
public final class Evaluation {

  private Evaluation() {}

  /**
   * The returns of an evaluation.
   *
   * @param meanReturn the mean return
   * @param stdReturn the standard deviation of the returns ({@code np.std}, ddof 0)
   * @param returns each episode's return
   * @param lengths each episode's number of steps
   */
  public record Result(double meanReturn, double stdReturn, double[] returns, int[] lengths) {}

  /** Told the last step of each evaluation episode (to count landings, for instance). */
  @FunctionalInterface
  public interface EpisodeEnd {
    void ended(int episode, StepResult<double[]> last);
  }

  /** Plays {@code nEpisodes} episodes of {@code policy} on {@code env}, the first from {@code seed}. */
  public static Result evaluate(ToIntFunction<double[]> policy, Env<double[], Integer> env,
      int nEpisodes, long seed) {
    return evaluate(policy::applyAsInt, env, nEpisodes, seed, null);
  }

  /**
   * Plays {@code nEpisodes} episodes of {@code policy} (any action type: an index, or a vector
   * for a Box) on {@code env}, the first from {@code seed}, telling {@code onEnd} (may be null)
   * each episode's last step.
   */
  public static <A> Result evaluate(Function<double[], A> policy, Env<double[], A> env,
      int nEpisodes, long seed, EpisodeEnd onEnd) {
    Checks.checkPositive("nEpisodes", nEpisodes);
    double[] returns = new double[nEpisodes];
    int[] lengths = new int[nEpisodes];
    for (int e = 0; e < nEpisodes; e++) {
      double[] observation = (e == 0 ? env.reset(seed) : env.reset()).observation();
      double total = 0;
      int steps = 0;
      while (true) {
        StepResult<double[]> r = env.step(policy.apply(observation));
        total += r.reward();
        steps++;
        observation = r.observation();
        if (r.done()) {
          if (onEnd != null) {
            onEnd.ended(e, r);
          }
          break;
        }
      }
      returns[e] = total;
      lengths[e] = steps;
    }
    double mean = 0;
    for (double r : returns) {
      mean += r;
    }
    mean /= nEpisodes;
    double var = 0;
    for (double r : returns) {
      var += (r - mean) * (r - mean);
    }
    return new Result(mean, Math.sqrt(var / nEpisodes), returns, lengths);
  }
}

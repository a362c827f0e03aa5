package semaine.bench;

import java.util.Locale;
import semaine.random.RandomState;
import semaine.rl.Env;
import semaine.rl.Envs;

/**
 * Environment steps per second on one thread with uniformly random actions, resetting at the end
 * of each episode (the loop of Gymnasium's speed figures): {@code java -cp benchmarks.jar
 * semaine.bench.EnvSpeed [SECONDS] [ID...]}. Each id gets a warm-up of SECONDS, then the median of
 * three measurements of SECONDS each. The Python side is {@code bench/compare-envs}.
 */
public final class EnvSpeed {

  private EnvSpeed() {}

  public static void main(String[] args) {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
    String[] ids = args.length > 1 ? java.util.Arrays.copyOfRange(args, 1, args.length)
        : new String[] {"LunarLander-v3", "CartPole-v1"};
    for (String id : ids) {
      Env<double[], Integer> env = Envs.make(id);
      int actions = ((semaine.rl.Discrete) (Object) env.actionSpace()).n();
      RandomState random = new RandomState(0);
      env.reset(0);
      run(env, actions, random, seconds);
      double[] rates = new double[3];
      for (int r = 0; r < 3; r++) {
        rates[r] = run(env, actions, random, seconds);
      }
      java.util.Arrays.sort(rates);
      System.out.printf(Locale.ROOT, "%s: %.0f steps/s (median of 3 runs of %.1f s, one thread)%n",
          id, rates[1], seconds);
    }
  }

  /** Steps for about {@code seconds}; the rate. */
  private static double run(Env<double[], Integer> env, int actions, RandomState random,
      double seconds) {
    long start = System.nanoTime();
    long deadline = start + (long) (seconds * 1e9);
    long steps = 0;
    long now;
    do {
      for (int k = 0; k < 1000; k++) {
        if (env.step((int) random.randint(0, actions)).done()) {
          env.reset();
        }
      }
      steps += 1000;
      now = System.nanoTime();
    } while (now < deadline);
    return steps / ((now - start) / 1e9);
  }
}

package semaine.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToIntFunction;
import semaine.base.Estimator;
import semaine.nn.rl.DQN;
import semaine.nn.rl.PPO;
import semaine.rl.Env;
import semaine.rl.Envs;
import semaine.rl.StepResult;
import semaine.rl.agents.Training;

/**
 * {@code semaine rl train --agent dqn|ppo}: a deep agent (SB3's defaults, changed by
 * {@code --param NAME=VALUE}) trained on LunarLander-v3 for {@code --timesteps} steps, then one
 * greedy episode from the seed, and the agent saved with {@code --save}.
 */
final class DeepRlRuns {

  private DeepRlRuns() {}

  static Result train(String agent, String env, int timesteps, long seed, List<String> params,
      Path save) {
    if (!env.equals("lunar-lander")) {
      throw new UsageException("--agent " + agent + " learns from a vector observation: use --env "
          + "lunar-lander, not " + env);
    }
    Estimator model = agent.equals("dqn") ? new DQN() : new PPO();
    model.setParam("random_state", seed);
    for (String setting : params) {
      int eq = setting.indexOf('=');
      if (eq <= 0) {
        throw new UsageException("--param (" + setting + ") must be NAME=VALUE, as gamma=0.99");
      }
      usage(() -> model.setParam(setting.substring(0, eq).strip(), setting.substring(eq + 1)
          .strip()));
    }
    usage(() -> {
      model.validateParams();
      return null;
    });
    long start = System.nanoTime();
    ToIntFunction<double[]> policy;
    double[] returns;
    if (model instanceof DQN dqn) {
      usage(() -> dqn.learn(Envs.make("LunarLander-v3"), timesteps, seed));
      policy = dqn::predict;
      returns = dqn.episodeReturns();
    } else {
      PPO ppo = (PPO) model;
      usage(() -> ppo.learn(() -> Envs.make("LunarLander-v3"), timesteps, seed));
      policy = ppo::predict;
      returns = ppo.episodeReturns();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double greedy = greedyReturn(policy, seed);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("env", "LunarLander-v3");
    json.put("agent", agent);
    json.put("timesteps", timesteps);
    json.put("seed", seed);
    json.put("params", model.getParams());
    json.put("returns", returns);
    double last = returns.length == 0 ? Double.NaN
        : Training.movingAverage(returns, 100)[returns.length - 1];
    if (returns.length > 0) {
      json.put("mean_return_last_100", last);
    }
    json.put("fit_seconds", seconds);
    json.put("greedy_return", greedy);
    if (save != null) {
      usage(() -> {
        semaine.base.Models.save(model, save);
        return null;
      });
      json.put("saved", save.toString());
    }
    return new Result(json, out -> {
      out.printf(Locale.ROOT, "%s on LunarLander-v3, %d steps (%.1f s): %d episodes%s%n",
          agent.toUpperCase(Locale.ROOT), timesteps, seconds, returns.length,
          returns.length == 0 ? "" : String.format(Locale.ROOT,
              ", mean return of the last 100 %.2f", last));
      out.printf(Locale.ROOT, "greedy policy from seed %d: return %.2f%n", seed, greedy);
      if (save != null) {
        out.println("agent saved: " + save);
      }
    });
  }

  /** The return of one greedy episode from {@code reset(seed)}. */
  static double greedyReturn(ToIntFunction<double[]> policy, long seed) {
    Env<double[], Integer> env = Envs.make("LunarLander-v3");
    double[] observation = env.reset(seed).observation();
    double total = 0;
    while (true) {
      StepResult<double[]> r = env.step(policy.applyAsInt(observation));
      total += r.reward();
      observation = r.observation();
      if (r.done()) {
        return total;
      }
    }
  }

  private static <T> T usage(java.util.function.Supplier<T> action) {
    try {
      return action.get();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }
}

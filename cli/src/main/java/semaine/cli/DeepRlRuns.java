package semaine.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import semaine.base.Estimator;
import semaine.base.Models;
import semaine.nn.rl.Agents;
import semaine.nn.rl.DQN;
import semaine.nn.rl.LearnListener;
import semaine.nn.rl.PPO;
import semaine.nn.rl.ShippedAgents;
import semaine.rl.Env;
import semaine.rl.Envs;
import semaine.rl.StepResult;
import semaine.rl.agents.Training;

/**
 * {@code semaine rl train --agent dqn|ppo}: a deep agent (SB3's defaults, changed by
 * {@code --param NAME=VALUE}) trained on a vector environment for {@code --timesteps} steps with a
 * progress bar of the recent mean return, then one greedy episode from the seed, and the agent
 * saved with {@code --save}. Also what {@code rl eval} and {@code rl play --agent} share: loading
 * an agent file (or the shipped {@code lunar-lander}) and finding or checking its environment.
 */
final class DeepRlRuns {

  private DeepRlRuns() {}

  static Result train(String agent, String env, int timesteps, long seed, List<String> params,
      Path save, PrintWriter log) {
    if (!RlRuns.VECTOR_ENVS.contains(env)) {
      throw new UsageException("--agent " + agent + " learns from a vector observation: use --env "
          + String.join(", ", RlRuns.VECTOR_ENVS) + ", not " + env);
    }
    String id = RlRuns.envId(env);
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
    Progress progress = new Progress(log, timesteps, "steps");
    List<Long> ends = new ArrayList<>();
    double[] recent = new double[100];
    double[] sum = {0};
    LearnListener listener = (steps, episodeReturn) -> {
      int k = ends.size() % recent.length;
      sum[0] += episodeReturn - recent[k];
      recent[k] = episodeReturn;
      ends.add(steps);
      progress.update((int) Math.min(steps, timesteps), "mean return",
          sum[0] / Math.min(ends.size(), recent.length));
    };
    long start = System.nanoTime();
    double[] returns;
    if (model instanceof DQN dqn) {
      usage(() -> dqn.learn(Envs.make(id), timesteps, seed, listener));
      returns = dqn.episodeReturns();
    } else {
      PPO ppo = (PPO) model;
      usage(() -> ppo.learn(() -> Envs.make(id), timesteps, seed, listener));
      returns = ppo.episodeReturns();
    }
    progress.finish();
    double seconds = (System.nanoTime() - start) / 1e9;
    double greedy = Agents.evaluate(model, Envs.make(id), 1, seed).returns()[0];
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("env", id);
    json.put("agent", agent);
    json.put("timesteps", timesteps);
    json.put("seed", seed);
    json.put("params", model.getParams());
    json.put("returns", returns);
    json.put("episode_end_timesteps", ends);
    double last = returns.length == 0 ? Double.NaN
        : Training.movingAverage(returns, 100)[returns.length - 1];
    if (returns.length > 0) {
      json.put("mean_return_last_100", last);
    }
    json.put("fit_seconds", seconds);
    json.put("greedy_return", greedy);
    if (save != null) {
      usage(() -> {
        Models.save(model, save);
        return null;
      });
      json.put("saved", save.toString());
    }
    return new Result(json, out -> {
      out.printf(Locale.ROOT, "%s on %s, %d steps (%.1f s): %d episodes%s%n",
          agent.toUpperCase(Locale.ROOT), id, timesteps, seconds, returns.length,
          returns.length == 0 ? "" : String.format(Locale.ROOT,
              ", mean return of the last 100 %.2f", last));
      out.printf(Locale.ROOT, "greedy policy from seed %d: return %.2f%n", seed, greedy);
      if (save != null) {
        out.println("agent saved: " + save);
      }
    });
  }

  /**
   * The agent named by {@code --agent}: {@code lunar-lander} (the shipped one) or a model file
   * holding a DQN or a PPO.
   */
  static Estimator load(String agent) {
    if (agent.equals(ShippedAgents.LUNAR_LANDER)) {
      return ShippedAgents.lunarLander();
    }
    Path file = Path.of(agent);
    if (!Files.isRegularFile(file)) {
      throw new UsageException("--agent (" + agent + ") must be lunar-lander (the shipped agent) "
          + "or an agent file saved by rl train --agent dqn|ppo --save; no such file");
    }
    Estimator model = usage(() -> Models.load(file));
    if (!(model instanceof DQN) && !(model instanceof PPO)) {
      throw new UsageException("--agent (" + agent + ") holds a " + model.getClass()
          .getSimpleName() + ", not a DQN or a PPO agent");
    }
    return model;
  }

  /**
   * The CLI name of the environment to run {@code agent} in: {@code env} when given, after
   * checking that the agent was trained on its shapes; otherwise the one environment whose shapes
   * it fits.
   */
  static String envFor(Estimator agent, String agentName, String env) {
    if (env != null) {
      if (!RlRuns.VECTOR_ENVS.contains(env)) {
        throw new UsageException("--env (" + env + ") must be one of "
            + String.join(", ", RlRuns.VECTOR_ENVS) + " for a deep agent");
      }
      String id = RlRuns.envId(env);
      try {
        Agents.checkFits(agent, Envs.make(id), id);
      } catch (IllegalArgumentException e) {
        throw new UsageException("--agent (" + agentName + ") does not fit --env (" + env + "): "
            + e.getMessage());
      }
      return env;
    }
    for (String name : RlRuns.VECTOR_ENVS) {
      try {
        Agents.checkFits(agent, Envs.make(RlRuns.envId(name)), name);
        return name;
      } catch (IllegalArgumentException e) {
        // not this one
      }
    }
    throw new UsageException("--agent (" + agentName + ") reads " + Agents.observationSize(agent)
        + " values and acts in " + Agents.actionSpace(agent) + ": no environment of "
        + String.join(", ", RlRuns.VECTOR_ENVS) + " has these shapes");
  }

  /** The agent's greedy policy on the observations {@link RlRuns#play} hands over. */
  static Function<Object, Object> policy(Estimator agent) {
    Function<double[], Object> greedy = Agents.policy(agent);
    return observation -> greedy.apply((double[]) observation);
  }

  /** The return of one greedy episode of LunarLander-v3 from {@code reset(seed)}. */
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

  static <T> T usage(java.util.function.Supplier<T> action) {
    try {
      return action.get();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }
}

package semaine.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import semaine.base.Estimator;
import semaine.nn.rl.Agents;
import semaine.rl.Envs;
import semaine.rl.agents.Evaluation;
import semaine.rl.lunar.LanderEnv;

/**
 * {@code semaine rl eval}: SB3's {@code evaluate_policy} on a saved deep agent (or the shipped
 * {@code lunar-lander}): the greedy policy for {@code --episodes} episodes, the first reset with
 * {@code --seed} and the next ones continuing its stream; the mean and standard deviation of the
 * returns and, on LunarLander, how many episodes ended landed (both legs down, at rest).
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "Evaluate a deep agent (an agent file, or lunar-lander, the shipped one): mean "
        + "and standard deviation of the greedy policy's return over N episodes.")
final class RlEvalCommand extends ResultCommand {

  @Option(names = "--agent", required = true, paramLabel = "AGENT|lunar-lander",
      description = "An agent file (rl train --agent dqn|ppo --save), or lunar-lander, the agent "
          + "semaine ships.")
  String agent;

  @Option(names = "--env", description = "The environment (default: the one whose observation "
      + "and action shapes the agent fits).")
  String env;

  @Option(names = "--episodes", converter = Options.PositiveInt.class, defaultValue = "100",
      description = "Evaluation episodes (default: ${DEFAULT-VALUE}).")
  int episodes;

  @Option(names = "--seed", converter = Options.Seed.class, defaultValue = "1000",
      description = "Seeds the first episode's reset (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  protected Result compute() {
    RlRuns.checkEpisodes(episodes);
    Estimator model = DeepRlRuns.load(agent);
    String name = DeepRlRuns.envFor(model, agent, env);
    String id = RlRuns.envId(name);
    boolean lander = name.startsWith("lunar-lander");
    int[] landed = {0};
    Progress progress = new Progress(log(), episodes, "episodes");
    long start = System.nanoTime();
    Evaluation.Result result = Agents.evaluate(model, Envs.make(id), episodes, seed,
        (episode, last) -> {
          landed[0] += lander && LanderEnv.landed(last) ? 1 : 0;
          progress.update(episode + 1, "landed", landed[0]);
        });
    progress.finish();
    double seconds = (System.nanoTime() - start) / 1e9;
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("agent", agent);
    json.put("algorithm", model.getClass().getSimpleName());
    json.put("env", id);
    json.put("episodes", episodes);
    json.put("seed", seed);
    json.put("mean_return", result.meanReturn());
    json.put("std_return", result.stdReturn());
    if (lander) {
      json.put("landed", landed[0]);
    }
    json.put("returns", result.returns());
    json.put("lengths", result.lengths());
    json.put("seconds", seconds);
    return new Result(json, out -> {
      out.printf(Locale.ROOT, "%s (%s) on %s, %d episodes from seed %d: mean_return %.2f "
          + "std_return %.2f%n", agent, json.get("algorithm"), id, episodes, seed,
          result.meanReturn(), result.stdReturn());
      if (lander) {
        out.printf(Locale.ROOT, "landed %d of %d (both legs down, at rest)%n", landed[0],
            episodes);
      }
    });
  }
}

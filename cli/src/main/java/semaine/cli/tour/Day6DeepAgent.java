package semaine.cli.tour;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import semaine.cli.RlRuns;
import semaine.nn.rl.PPO;
import semaine.nn.rl.ShippedAgents;
import semaine.plot.Axes;
import semaine.plot.Figure;
import semaine.rl.Env;
import semaine.rl.Envs;
import semaine.rl.agents.Evaluation;
import semaine.rl.agents.Training;
import semaine.rl.lunar.LanderEnv;

/**
 * Day 6's answer to "how do I make it land?": the PPO agent semaine ships (trained once by
 * {@code models/train-lunar-lander.sh}, loaded here, never trained in the tour) beside the book's
 * Q-learning on the same start states, their learning curves side by side, and a GIF of the deep
 * agent landing.
 */
final class Day6DeepAgent {

  /** Evaluation episodes of each agent, all from the same start states. */
  static final int EPISODES = 20;
  /** The first evaluation seed: fresh, neither agent trained from it. */
  static final long SEED = 1000;

  private Day6DeepAgent() {}

  /** What the section shows: a paragraph (linking the GIF), the curves, the table. */
  record Parts(String html, TourFigure curves, Table comparison) {}

  /** Runs both agents, draws the curves and the GIF; the numbers go into {@code numbers}. */
  static Parts run(TourContext context, RlRuns.Trained qLearning, Map<String, Object> numbers)
      throws IOException {
    PPO ppo = ShippedAgents.lunarLander();
    int[] landed = new int[2];
    Env<double[], Integer> env = Envs.make("LunarLander-v3");
    Evaluation.Result table = Evaluation.evaluate(o -> qLearning.greedyAction(o), env, EPISODES,
        SEED, (e, last) -> landed[0] += LanderEnv.landed(last) ? 1 : 0);
    Evaluation.Result deep = Evaluation.evaluate(o -> ppo.predict(o), env, EPISODES, SEED,
        (e, last) -> landed[1] += LanderEnv.landed(last) ? 1 : 0);
    numbers.put("qlearning_greedy_mean_return_seeds_1000", table.meanReturn());
    numbers.put("qlearning_greedy_landed_of_20", landed[0]);
    numbers.put("ppo_shipped_mean_return_seeds_1000", deep.meanReturn());
    numbers.put("ppo_shipped_landed_of_20", landed[1]);
    context.log(String.format(Locale.ROOT, "lander, same %d starts: Q-learning %.1f, shipped PPO "
        + "%.1f", EPISODES, table.meanReturn(), deep.meanReturn()));

    Table comparison = new Table("The book's Q-learning (trained above, " + qLearning.returns()
        .length + " episodes) and the shipped PPO agent, greedy, on the same " + EPISODES
        + " start states (reset(seed=" + SEED + "), then reset())",
        List.of("agent", "trained for", "mean return", "std", "landed"),
        List.of(
            List.of("Q-learning, table of 11^8 cells", qLearning.returns().length + " episodes",
                fmt(table.meanReturn()), fmt(table.stdReturn()), landed[0] + " of " + EPISODES),
            List.of("PPO, MLP 64-64 (models/lunar-lander-ppo.semaine)",
                "1,000,000 steps (" + ppo.episodeReturns().length + " episodes)",
                fmt(deep.meanReturn()), fmt(deep.stdReturn()), landed[1] + " of " + EPISODES)));

    double[] qReturns = qLearning.returns();
    double[] ppoReturns = ppo.episodeReturns();
    Figure fig = Figure.create(1080, 400);
    Axes[][] axes = fig.subplots(1, 2);
    curve(axes[0][0], qReturns, 50, "Q-learning (the book's table)");
    curve(axes[0][1], ppoReturns, 100, "PPO (shipped agent, 16 copies)");
    TourFigure curves = new TourFigure(fig.savefig(context.figure("day6-lander-curves.png")),
        "Learning curves side by side, return per training episode: the book's Q-learning ("
            + qReturns.length + " episodes) stays far below 200; PPO (" + ppoReturns.length
            + " episodes over 1,000,000 steps, recorded in the model file) crosses the solved "
            + "line of 200 and stays there.");

    RlRuns.Episode landing = RlRuns.playToGif(Envs.make("LunarLander-v3"),
        o -> ppo.predict((double[]) o), SEED, 1000, context.figure("day6-lander-ppo.gif"), null);
    numbers.put("ppo_gif_return", landing.episodeReturn());
    return new Parts("<p>How do you make it land? With a deep agent: "
            + "PPO learns a policy network and a value network from 16 copies of the lander "
            + "(semaine.nn.rl.PPO, Stable-Baselines3's algorithm and rl-zoo's settings). The "
            + "agent semaine ships is loaded, not trained, here (retrain it with "
            + "models/train-lunar-lander.sh, about 16 minutes). <a href=\"figures/"
            + "day6-lander-ppo.gif\">The PPO agent landing</a> from seed " + SEED + ": return "
            + fmt(landing.episodeReturn()) + " in " + landing.steps() + " steps. Try "
            + "<code>./semaine rl eval --agent lunar-lander --episodes 100</code>.</p>", curves,
        comparison);
  }

  private static void curve(Axes ax, double[] returns, int window, String title) {
    double[] x = new double[returns.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = i + 1;
    }
    ax.plot(x, returns).label("episode return").color("tab:blue");
    ax.plot(x, Training.movingAverage(returns, window)).label("moving average (" + window + ")")
        .color("tab:orange");
    ax.axhline(200).color("tab:green").label("solved (200)");
    ax.title(title).xlabel("training episode").ylabel("return").legend("lower right");
  }

  private static String fmt(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}

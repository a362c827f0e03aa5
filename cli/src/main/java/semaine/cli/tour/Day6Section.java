package semaine.cli.tour;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import semaine.cli.RlRuns;
import semaine.rl.maze.Maze;

/**
 * Day 6: reinforcement learning. Q-learning walks out of a random 12 x 12 maze (its greedy path is
 * checked against breadth-first search), the same agent on LunarLander with the observation cut
 * into 11^8 cells (a shorter training than the listing's 1000 episodes, to keep the tour quick),
 * and Gymnasium's heuristic lander for comparison. GIFs of the episodes are linked.
 */
final class Day6Section implements TourSection {

  /** LunarLander episodes in the tour; the listing ({@code semaine example lunar-lander}) runs 1000. */
  static final int LANDER_EPISODES = 300;
  static final int MAZE_SIZE = 12;
  static final int HEURISTIC_SEEDS = 20;

  @Override
  public int day() {
    return 6;
  }

  @Override
  public String title() {
    return "Reinforcement learning: a maze and a lunar lander";
  }

  @Override
  public SectionResult run(TourContext context) throws IOException {
    Map<String, Object> numbers = new LinkedHashMap<>();
    RlRuns.Trained maze = RlRuns.train("maze", MAZE_SIZE, 1000, 0, 1000, null);
    RlRuns.Episode mazePath = RlRuns.play(maze.env(),
        o -> maze.agent().greedyAction(maze.states().applyAsLong(o)), 0, 1440, true, null);
    int optimal = ((Maze) (Object) maze.env().unwrapped()).shortestPath().length - 1;
    numbers.put("maze_size", MAZE_SIZE + " x " + MAZE_SIZE);
    numbers.put("maze_episodes", 1000);
    numbers.put("maze_greedy_steps", mazePath.steps());
    numbers.put("maze_shortest_path_steps", optimal);
    context.log("maze: greedy path " + mazePath.steps() + " steps, shortest " + optimal);

    RlRuns.Trained lander = RlRuns.train("lunar-lander", 0, LANDER_EPISODES, 0, 1000, null);
    double[] returns = lander.returns();
    numbers.put("lander_episodes", LANDER_EPISODES);
    numbers.put("lander_mean_return_first_50", mean(returns, 0, 50));
    numbers.put("lander_mean_return_last_50", mean(returns, returns.length - 50, returns.length));
    numbers.put("lander_q_table_states", lander.table().storedStates());
    numbers.put("lander_training_seconds", lander.seconds());
    context.log("lander: " + LANDER_EPISODES + " episodes in "
        + String.format(java.util.Locale.ROOT, "%.1f s", lander.seconds()));

    double sum = 0;
    int landed = 0;
    for (int seed = 0; seed < HEURISTIC_SEEDS; seed++) {
      RlRuns.Episode episode = RlRuns.play(lander.env(), RlRuns::heuristic, seed, 1000, false,
          null);
      sum += episode.episodeReturn();
      landed += episode.terminated() && episode.lastReward() == 100 ? 1 : 0;
    }
    numbers.put("heuristic_mean_return_seeds_0_19", sum / HEURISTIC_SEEDS);
    numbers.put("heuristic_landed_of_20", landed);

    List<TourFigure> figures = Day6Figures.draw(context, maze, mazePath, lander);
    SectionResult result = SectionResult.of(numbers).withHtml(
        "<p>An agent learns by trial and error: in a state it picks an action, the environment "
            + "answers with a reward and the next state. Q-learning keeps a table Q(s, a) of what "
            + "each action is worth and improves it after every step with "
            + "Q ← (1 − α) Q + α (r + γ max Q'), exploring at random with probability ε, which "
            + "decays. Episodes as GIFs: <a href=\"figures/day6-maze.gif\">the maze, greedy "
            + "policy</a>, <a href=\"figures/day6-lander-heuristic.gif\">the heuristic lander</a>, "
            + "<a href=\"figures/day6-lander-qlearning.gif\">the Q-learning lander</a>.</p>");
    for (TourFigure figure : figures) {
      result = result.withFigure(figure.path(), figure.caption());
    }
    return result;
  }

  private static double mean(double[] values, int from, int to) {
    double s = 0;
    for (int i = from; i < to; i++) {
      s += values[i];
    }
    return s / (to - from);
  }
}

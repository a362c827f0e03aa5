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
 * and Gymnasium's heuristic lander for comparison; then the shipped deep agent (PPO) beside the
 * table on the same start states ({@link Day6DeepAgent}). GIFs of the episodes are linked.
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
        maze::greedyAction, 0, 1440, true, null);
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

    Table bookRules = bookRules(context, numbers);
    Day6DeepAgent.Parts deep = Day6DeepAgent.run(context, lander, numbers);
    List<TourFigure> figures = Day6Figures.draw(context, maze, mazePath, lander);
    SectionResult result = SectionResult.of(numbers).withHtml(
        "<p>An agent learns by trial and error: in a state it picks an action, the environment "
            + "answers with a reward and the next state. Q-learning keeps a table Q(s, a) of what "
            + "each action is worth and improves it after every step with "
            + "Q ← (1 − α) Q + α (r + γ max Q'), exploring at random with probability ε, which "
            + "decays. Episodes as GIFs: <a href=\"figures/day6-maze.gif\">the maze, greedy "
            + "policy</a>, <a href=\"figures/day6-lander-heuristic.gif\">the heuristic lander</a>, "
            + "<a href=\"figures/day6-lander-qlearning.gif\">the Q-learning lander</a>.</p>"
            + deep.html());
    for (TourFigure figure : figures) {
      result = result.withFigure(figure.path(), figure.caption());
    }
    return result.withFigure(deep.curves().path(), deep.curves().caption()).withTable(bookRules)
        .withTable(deep.comparison());
  }

  /** The book's three quirks beside the corrected rules, each run for LANDER_EPISODES episodes. */
  private static Table bookRules(TourContext context, Map<String, Object> numbers) {
    Day6BookRules.Run book = Day6BookRules.run(Day6BookRules.BOOK, LANDER_EPISODES, 0);
    Day6BookRules.Run fixed = Day6BookRules.run(Day6BookRules.CORRECTED, LANDER_EPISODES, 0);
    context.log("lander, the book's rules and the corrected ones: " + LANDER_EPISODES
        + " episodes each");
    int n = LANDER_EPISODES;
    numbers.put("book_rules_distinct_starts", book.distinctStarts());
    numbers.put("book_rules_terminal_bootstraps", book.terminalBootstraps());
    numbers.put("book_rules_mean_return_last_50", book.meanReturn(n - 50, n));
    numbers.put("corrected_rules_mean_return_last_50", fixed.meanReturn(n - 50, n));
    return new Table("The book's LunarLander listing (semaine example lunar-lander) beside the "
        + "corrected rules, " + n + " episodes each from the same seeds",
        List.of("rule", "the book", "corrected", "why"),
        List.of(
            List.of("start of an episode",
                "env.reset(seed=42) every episode: " + book.distinctStarts() + " distinct start",
                "seed once, then reset(): " + fixed.distinctStarts() + " distinct starts",
                "with the same seed every time, every episode starts from the same terrain and "
                    + "push: the agent learns one start, not the task"),
            List.of("target of the last step",
                "r + γ max Q(s'): " + book.terminalBootstraps() + " crashes or landings took a "
                    + "nonzero max",
                "r alone: " + fixed.terminalBootstraps(),
                "after a crash or a landing there is no future; the bins put end states in the "
                    + "same cells as ordinary ones, so the book's term carries their values across "
                    + "the end of an episode"),
            List.of("ε after 1000 episodes",
                "if ε > ε_min: ε *= 0.995 → " + Day6BookRules.finalEpsilon(true, 1000),
                "max(ε_min, 0.995 ε) → " + Day6BookRules.finalEpsilon(false, 1000),
                "the book's rule steps once below ε_min = 0.01 (harmless, but not the floor it "
                    + "names)"),
            List.of("mean return, last 50 episodes",
                String.format(java.util.Locale.ROOT, "%.1f (on its one start)",
                    book.meanReturn(n - 50, n)),
                String.format(java.util.Locale.ROOT, "%.1f", fixed.meanReturn(n - 50, n)),
                "not comparable as a score: the book's agent is tested on the one start it "
                    + "trained on")));
  }

  private static double mean(double[] values, int from, int to) {
    double s = 0;
    for (int i = from; i < to; i++) {
      s += values[i];
    }
    return s / (to - from);
  }
}

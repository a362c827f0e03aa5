package semaine.cli.tour;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import semaine.cli.RlRuns;
import semaine.plot.Axes;
import semaine.plot.Figure;
import semaine.rl.agents.Training;
import semaine.rl.maze.Maze;
import semaine.rl.maze.MazeRenderer;

/**
 * Day 6's pictures: the maze with the learned path, the two learning curves, a LunarLander frame;
 * and the GIFs the section links (maze, heuristic lander, Q-learning lander).
 */
final class Day6Figures {

  private Day6Figures() {}

  static List<TourFigure> draw(TourContext context, RlRuns.Trained maze, RlRuns.Episode mazePath,
      RlRuns.Trained lander) throws IOException {
    List<TourFigure> figures = new ArrayList<>();
    Maze env = (Maze) (Object) maze.env().unwrapped();
    int[] path = mazePath.path().stream().mapToInt(Integer::intValue).toArray();
    context.savePng(MazeRenderer.draw(env.layout(), 0, path), "day6-maze.png");
    figures.add(new TourFigure(context.figure("day6-maze.png"), "A random 12 x 12 maze (seed 0) "
        + "and the path of the greedy policy after 1000 episodes of Q-learning: " + mazePath.steps()
        + " steps, the shortest path found by breadth-first search."));
    RlRuns.gif(mazePath, context.figure("day6-maze.gif"), true);

    figures.add(curve(context, maze.returns(), 50, "day6-maze-returns.png",
        "Q-learning on the 12 x 12 maze", -(path.length - 1), "shortest path",
        "The maze's learning curve: the return is minus the number of steps; it climbs to minus "
            + "the shortest path as ε decays."));
    figures.add(curve(context, lander.returns(), 50, "day6-lander-returns.png",
        "Q-learning on LunarLander-v3 (" + lander.returns().length + " episodes)", 200,
        "solved (200)", "LunarLander's learning curve with the book's table of 11^8 states, over "
            + lander.returns().length + " episodes (the listing runs 1000): the average rises a "
            + "little but stays far below 200; a coarse table cannot land reliably."));

    RlRuns.Episode heuristic = RlRuns.play(lander.env(), RlRuns::heuristic, 0, 1000, true, null);
    List<java.awt.image.BufferedImage> frames = heuristic.frames();
    context.savePng(frames.get(Math.min(60, frames.size() - 1)), "day6-lander.png");
    figures.add(new TourFigure(context.figure("day6-lander.png"), "A LunarLander frame (600 x 400 "
        + "as Gymnasium draws it): the heuristic controller, seed 0, at step 60, with the pad "
        + "between the flags. Its episode scores " + String.format(java.util.Locale.ROOT, "%.1f",
        heuristic.episodeReturn()) + "."));
    RlRuns.gif(heuristic, context.figure("day6-lander-heuristic.gif"), false);
    RlRuns.Episode greedy = RlRuns.play(lander.env(),
        lander::greedyAction, 0, 1000, true, null);
    RlRuns.gif(greedy, context.figure("day6-lander-qlearning.gif"), false);
    return figures;
  }

  private static TourFigure curve(TourContext context, double[] returns, int window, String file,
      String title, double reference, String referenceLabel, String caption) throws IOException {
    double[] x = new double[returns.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = i + 1;
    }
    Figure fig = Figure.create(720, 432);
    Axes ax = fig.axes();
    ax.plot(x, returns).label("episode return").color("tab:blue");
    ax.plot(x, Training.movingAverage(returns, window)).label("moving average (" + window + ")")
        .color("tab:orange");
    ax.axhline(reference).color("tab:green").label(referenceLabel);
    ax.title(title).xlabel("episode").ylabel("return").legend("lower right");
    return new TourFigure(fig.savefig(context.figure(file)), caption);
  }
}

package semaine.rl.maze;

import java.awt.image.BufferedImage;
import java.util.Map;
import semaine.rl.AbstractEnv;
import semaine.rl.Discrete;
import semaine.rl.ResetResult;
import semaine.rl.Space;
import semaine.rl.StepResult;
import semaine.util.Checks;

/**
 * A random maze to walk out of: the book's first reinforcement-learning problem.
 *
 * <h2>Description</h2>
 * A perfect maze of {@code width x height} cells (one path between any two cells), drawn by
 * {@link MazeLayout#generate}. A robot starts in the top-left cell and must reach the exit in the
 * bottom-right cell. Deterministic moves, as Gymnasium's CliffWalking.
 *
 * <h2>Action Space</h2>
 * {@code Discrete(4)}: {@link #UP} 0, {@link #RIGHT} 1, {@link #DOWN} 2, {@link #LEFT} 3
 * (CliffWalking's order). Walking into a wall (or the border) leaves the robot in place.
 *
 * <h2>Observation Space</h2>
 * {@code Discrete(width * height)}: the robot's cell, {@code row * width + col}, row 0 at the top.
 *
 * <h2>Starting State</h2>
 * Cell 0 (top-left).
 *
 * <h2>Reward</h2>
 * −1 for every step, the step into the exit included, so a return is minus the path length.
 *
 * <h2>Episode End</h2>
 * Terminated when the robot enters the exit cell {@code width * height - 1}. The environment itself
 * never truncates; {@code Envs.make("Maze-v0", size)} wraps it in a {@link semaine.rl.TimeLimit} of
 * {@code 10 * width * height} steps.
 *
 * <h2>Information</h2>
 * {@code reset} and {@code step} return an empty info map.
 *
 * <h2>Arguments</h2>
 * {@code new Maze(width, height)}, both at least 1 (and a 1 x 1 maze starts at its exit, which the
 * constructor refuses: at least 2 cells). The layout is drawn from the generator each time
 * {@code reset(seed)} is given a seed (and on a first {@code reset()} without one); {@code reset()}
 * keeps the layout, so an agent can learn it over many episodes. Same seed, same maze.
 *
 * <h2>References</h2>
 * Gymnasium's {@code toy_text/cliffwalking.py} (API, reward, action order); MattChanTK's gym-maze
 * (maze by recursive backtracker, blocked moves stay in place).
 *
 * <h2>Version History</h2>
 * v0: first version.
 */
public final class Maze extends AbstractEnv<Integer, Integer> {

  /** Move one row up. */
  public static final int UP = MazeLayout.UP;
  /** Move one column right. */
  public static final int RIGHT = MazeLayout.RIGHT;
  /** Move one row down. */
  public static final int DOWN = MazeLayout.DOWN;
  /** Move one column left. */
  public static final int LEFT = MazeLayout.LEFT;

  private final int width;
  private final int height;
  private final Discrete actionSpace = new Discrete(4);
  private final Discrete observationSpace;
  private MazeLayout layout;
  private int position;

  /** A maze of {@code width} columns and {@code height} rows. */
  public Maze(int width, int height) {
    this.width = Checks.checkPositive("width", width);
    this.height = Checks.checkPositive("height", height);
    Checks.checkArgument((long) width * height >= 2,
        "width x height (" + (long) width * height + ") must be >= 2");
    this.observationSpace = new Discrete(width * height);
  }

  /** The layout of the current maze; {@code reset} must have been called. */
  public MazeLayout layout() {
    if (layout == null) {
      throw new IllegalStateException("the maze has no layout yet: call reset(seed) first");
    }
    return layout;
  }

  /** The robot's cell. */
  public int position() {
    return position;
  }

  /** The start cell, 0. */
  public int start() {
    return 0;
  }

  /** The exit cell, {@code width * height - 1}. */
  public int exit() {
    return width * height - 1;
  }

  /** The shortest path from the start to the exit (breadth-first search), cells included. */
  public int[] shortestPath() {
    return layout().shortestPath(start(), exit());
  }

  @Override
  public Space<Integer> actionSpace() {
    return actionSpace;
  }

  @Override
  public Space<Integer> observationSpace() {
    return observationSpace;
  }

  @Override
  public BufferedImage render() {
    return MazeRenderer.draw(layout(), position, null);
  }

  @Override
  protected void seeded(long seed) {
    layout = MazeLayout.generate(width, height, random());
  }

  @Override
  protected ResetResult<Integer> onReset() {
    position = start();
    return new ResetResult<>(position, Map.of());
  }

  @Override
  protected StepResult<Integer> onStep(Integer action) {
    position = layout.move(position, action);
    return new StepResult<>(position, -1.0, position == exit(), false, Map.of());
  }
}

package semaine.rl.maze;

import java.util.ArrayDeque;
import java.util.Arrays;
import semaine.random.RandomState;
import semaine.util.Checks;

/**
 * The walls of a {@code width x height} grid maze. Cell {@code (row, col)} has index
 * {@code row * width + col}; row 0 is the top. Each cell stores which of its four sides are open
 * passages, as bits {@code 1 << action} for the actions of {@link Maze} (UP, RIGHT, DOWN, LEFT).
 *
 * <p>{@link #generate} draws a perfect maze (a spanning tree of the grid: exactly one path between
 * any two cells) with the recursive backtracker, as gym-maze does.
 */
public final class MazeLayout {

  /** The four moves, as {@link Maze}'s actions number them (its UP, RIGHT, DOWN, LEFT). */
  static final int UP = 0;
  static final int RIGHT = 1;
  static final int DOWN = 2;
  static final int LEFT = 3;


  private static final int[] ROW_STEP = {-1, 0, 1, 0};
  private static final int[] COL_STEP = {0, 1, 0, -1};

  private final int width;
  private final int height;
  private final int[] open; // (height * width) bit masks of open sides

  private MazeLayout(int width, int height, int[] open) {
    this.width = width;
    this.height = height;
    this.open = open;
  }

  /**
   * A random perfect maze by depth-first search with backtracking: start at a random cell
   * ({@code random.randint(0, cells)}), and while the stack is not empty look at the top cell's
   * unvisited neighbours (in action order UP, RIGHT, DOWN, LEFT); if there are k of them, knock down
   * the wall to the one at {@code random.randint(0, k)} and push it, otherwise pop.
   */
  public static MazeLayout generate(int width, int height, RandomState random) {
    Checks.checkPositive("width", width);
    Checks.checkPositive("height", height);
    Checks.checkArgument((long) width * height <= 1 << 24,
        "width x height (" + (long) width * height + ") must be <= " + (1 << 24));
    int cells = width * height;
    int[] open = new int[cells];
    boolean[] visited = new boolean[cells];
    int[] stack = new int[cells];
    int top = 0;
    int first = (int) random.randint(0, cells);
    stack[top++] = first;
    visited[first] = true;
    int[] choices = new int[4];
    while (top > 0) {
      int cell = stack[top - 1];
      int k = 0;
      for (int action = 0; action < 4; action++) {
        int next = neighbour(width, height, cell, action);
        if (next >= 0 && !visited[next]) {
          choices[k++] = action;
        }
      }
      if (k == 0) {
        top--;
        continue;
      }
      int action = choices[(int) random.randint(0, k)];
      int next = neighbour(width, height, cell, action);
      open[cell] |= 1 << action;
      open[next] |= 1 << opposite(action);
      visited[next] = true;
      stack[top++] = next;
    }
    return new MazeLayout(width, height, open);
  }

  /** Columns. */
  public int width() {
    return width;
  }

  /** Rows. */
  public int height() {
    return height;
  }

  /** {@code width * height}. */
  public int cells() {
    return open.length;
  }

  /** True when moving from {@code cell} by {@code action} goes through a passage (no wall). */
  public boolean isOpen(int cell, int action) {
    return (open[cell] & (1 << action)) != 0;
  }

  /** The cell reached from {@code cell} by {@code action}: the neighbour, or {@code cell} at a wall. */
  public int move(int cell, int action) {
    return isOpen(cell, action) ? neighbour(width, height, cell, action) : cell;
  }

  /** The number of open passages (each counted once); a perfect maze has {@code cells - 1}. */
  public int passages() {
    int sides = 0;
    for (int mask : open) {
      sides += Integer.bitCount(mask);
    }
    return sides / 2;
  }

  /**
   * The shortest path from {@code from} to {@code to} by breadth-first search, as the list of cells
   * visited including both ends; empty if {@code to} cannot be reached (never, in a perfect maze).
   */
  public int[] shortestPath(int from, int to) {
    Checks.checkInRange("from", from, 0, cells() - 1);
    Checks.checkInRange("to", to, 0, cells() - 1);
    int[] parent = new int[cells()];
    Arrays.fill(parent, -1);
    parent[from] = from;
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    queue.add(from);
    while (!queue.isEmpty() && parent[to] < 0) {
      int cell = queue.poll();
      for (int action = 0; action < 4; action++) {
        int next = move(cell, action);
        if (parent[next] < 0) {
          parent[next] = cell;
          queue.add(next);
        }
      }
    }
    if (parent[to] < 0) {
      return new int[0];
    }
    int length = 1;
    for (int cell = to; cell != from; cell = parent[cell]) {
      length++;
    }
    int[] path = new int[length];
    int cell = to;
    for (int i = length - 1; i >= 0; i--) {
      path[i] = cell;
      cell = parent[cell];
    }
    return path;
  }

  static int neighbour(int width, int height, int cell, int action) {
    int row = cell / width + ROW_STEP[action];
    int col = cell % width + COL_STEP[action];
    return row < 0 || row >= height || col < 0 || col >= width ? -1 : row * width + col;
  }

  private static int opposite(int action) {
    return (action + 2) % 4;
  }
}

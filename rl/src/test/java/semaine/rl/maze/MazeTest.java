package semaine.rl.maze;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import semaine.random.RandomState;
import semaine.rl.StepResult;

class MazeTest {

  @Test
  void generatedMazeIsASpanningTree() {
    for (int seed = 0; seed < 20; seed++) {
      int w = 3 + seed % 10;
      int h = 2 + seed % 7;
      MazeLayout layout = MazeLayout.generate(w, h, new RandomState(seed));
      assertEquals(w * h - 1, layout.passages(), "a tree has cells - 1 edges");
      for (int cell = 0; cell < layout.cells(); cell++) {
        assertTrue(layout.shortestPath(0, cell).length > 0, "cell " + cell + " is reachable");
      }
    }
  }

  @Test
  void passagesAreSymmetricAndNeverLeaveTheGrid() {
    MazeLayout layout = MazeLayout.generate(9, 6, new RandomState(4));
    for (int cell = 0; cell < layout.cells(); cell++) {
      for (int action = 0; action < 4; action++) {
        int next = layout.move(cell, action);
        assertTrue(next >= 0 && next < layout.cells());
        if (next != cell) {
          assertEquals(cell, layout.move(next, (action + 2) % 4));
        }
      }
    }
    for (int col = 0; col < 9; col++) {
      assertFalse(layout.isOpen(col, Maze.UP), "the top border is a wall");
    }
  }

  @Test
  void shortestPathIsTheBreadthFirstPathAndStepsBetweenNeighbours() {
    MazeLayout layout = MazeLayout.generate(12, 12, new RandomState(0));
    int[] path = layout.shortestPath(0, 143);
    assertEquals(0, path[0]);
    assertEquals(143, path[path.length - 1]);
    for (int i = 1; i < path.length; i++) {
      int from = path[i - 1];
      int to = path[i];
      boolean adjacent = false;
      for (int action = 0; action < 4; action++) {
        adjacent |= layout.move(from, action) == to && to != from;
      }
      assertTrue(adjacent, from + " -> " + to);
    }
    // In a tree the path is unique, so it visits no cell twice.
    assertEquals(path.length, java.util.Arrays.stream(path).distinct().count());
    assertArrayEquals(new int[] {5}, layout.shortestPath(5, 5));
  }

  @Test
  void wallsLeaveTheRobotInPlaceAndEachStepCostsOne() {
    Maze maze = new Maze(6, 6);
    maze.reset(2);
    MazeLayout layout = maze.layout();
    StepResult<Integer> blocked = maze.step(Maze.UP);
    assertEquals(0, blocked.observation(), "the top border is a wall");
    assertEquals(-1.0, blocked.reward());
    for (int action : new int[] {Maze.RIGHT, Maze.DOWN}) {
      int expected = layout.isOpen(0, action) ? (action == Maze.RIGHT ? 1 : 6) : 0;
      assertEquals(expected, maze.step(action).observation());
      maze.reset();
    }
  }

  @Test
  void followingTheShortestPathReachesTheExitWithReturnMinusItsLength() {
    Maze maze = new Maze(12, 12);
    maze.reset(11);
    int[] path = maze.shortestPath();
    double total = 0;
    StepResult<Integer> last = null;
    for (int i = 1; i < path.length; i++) {
      last = maze.step(actionBetween(maze.layout(), path[i - 1], path[i]));
      total += last.reward();
      assertEquals(path[i], last.observation());
    }
    assertTrue(last.terminated());
    assertEquals(-(path.length - 1), total);
  }

  @Test
  void sameSeedSameMazeAndResetWithoutSeedKeepsIt() {
    Maze a = new Maze(8, 5);
    Maze b = new Maze(8, 5);
    a.reset(3);
    b.reset(3);
    assertArrayEquals(a.shortestPath(), b.shortestPath());
    int[] before = a.shortestPath();
    a.reset();
    assertArrayEquals(before, a.shortestPath());
  }

  @Test
  void constructorRejectsBadSizes() {
    var e = assertThrows(IllegalArgumentException.class, () -> new Maze(0, 4));
    assertEquals("width (0) must be >= 1", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Maze(1, 1));
  }

  @Test
  void renderDrawsTheMazeWithWallsOnTheBorder() {
    Maze maze = new Maze(4, 3);
    maze.reset(0);
    BufferedImage frame = maze.render();
    int size = MazeRenderer.cellSize(maze.layout());
    assertEquals(4 * size + size, frame.getWidth());
    assertEquals(3 * size + size, frame.getHeight());
    assertEquals(0x000000, frame.getRGB(size / 2 + size + size / 2, size / 2) & 0xFFFFFF,
        "the top border is black");
  }

  static int actionBetween(MazeLayout layout, int from, int to) {
    for (int action = 0; action < 4; action++) {
      if (layout.move(from, action) == to) {
        return action;
      }
    }
    throw new AssertionError(from + " and " + to + " are not neighbours");
  }
}

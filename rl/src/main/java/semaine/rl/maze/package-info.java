/**
 * The book's random maze as an environment: {@link semaine.rl.maze.Maze} (a Gymnasium
 * CliffWalking-style env on a perfect maze), its walls {@link semaine.rl.maze.MazeLayout} with the
 * breadth-first shortest path used to check a learned policy, and {@link semaine.rl.maze.MazeRenderer}.
 */
package semaine.rl.maze;

// Day 6: Q-learning finds the way out of a random maze.
//
// The book has no listing here; this program is semaine's. It runs the Q-learning of the day 6
// listing (examples/day6/LunarLanderQLearning.java) on a problem small enough to check: the maze
// is 8 x 8 cells, drawn from the seed; -1 per step, so the best return is minus the length of the
// shortest path, which breadth-first search gives to check the result. Unlike the book's
// LunarLander listing it uses semaine's QLearningAgent, whose defaults are the corrected ones: no
// bootstrap from a terminal state, and epsilon = max(epsilon_min, epsilon * decay).
import javax.imageio.ImageIO;
import semaine.plot.Figure;
import semaine.rl.Env;
import semaine.rl.Envs;
import semaine.rl.StepResult;
import semaine.rl.agents.DenseQTable;
import semaine.rl.agents.QLearningAgent;
import semaine.rl.agents.Training;
import semaine.rl.maze.Maze;
import semaine.rl.maze.MazeRenderer;
import semaine.util.AtomicFiles;
import semaine.util.Listing;

void main() throws Exception {
  long seed = Listing.seed(0);
  int size = 8;
  Env<Integer, Integer> env = Envs.make("Maze-v0", size);
  var qTable = new DenseQTable(size * size, 4);
  var agent = new QLearningAgent(qTable).learningRate(0.1).discount(0.99)
      .epsilon(1.0).epsilonDecay(0.995).epsilonMin(0.01).randomState(seed);

  int episodes = 1000;
  double[] returns = new double[episodes];
  for (int episode = 0; episode < episodes; episode++) {
    int state = (episode == 0 ? env.reset(seed) : env.reset()).observation();
    boolean done = false;
    while (!done) {
      int action = agent.act(state);
      StepResult<Integer> result = env.step(action);
      agent.learn(state, action, result.reward(), result.observation(), result.terminated());
      returns[episode] += result.reward();
      state = result.observation();
      done = result.done();
    }
    agent.endEpisode();
  }

  var greedy = Training.greedy(env, agent, s -> s, 10 * size * size, seed);
  int[] path = greedy.observations().stream().mapToInt(Integer::intValue).toArray();
  Maze maze = (Maze) env.unwrapped();
  int[] shortest = maze.shortestPath();
  Listing.show("q_table", qTable.toArray());
  Listing.show("first episode return", returns[0]);
  Listing.show("last episode return", returns[episodes - 1]);
  Listing.show("path", path);
  Listing.show("greedy steps", path.length - 1);
  Listing.show("shortest path steps", shortest.length - 1);
  Listing.show("greedy path is the shortest path", Arrays.equals(path, shortest));

  var picture = MazeRenderer.draw(maze.layout(), 0, path);
  AtomicFiles.write(Listing.output("maze-path.png"), out -> ImageIO.write(picture, "png", out));
  double[] x = new double[episodes];
  Arrays.setAll(x, i -> i + 1);
  Figure fig = Figure.create(800, 480);
  var ax = fig.axes();
  ax.plot(x, returns).label("episode return").color("tab:blue");
  ax.plot(x, Training.movingAverage(returns, 50)).label("moving average (50)")
      .color("tab:orange");
  ax.axhline(-(shortest.length - 1)).color("tab:green").label("shortest path");
  ax.title("Q-learning on an 8 x 8 maze").xlabel("episode").ylabel("return")
      .legend("lower right");
  fig.savefig(Listing.output("maze-returns.png"));
}

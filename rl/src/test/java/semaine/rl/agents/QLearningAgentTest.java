package semaine.rl.agents;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import semaine.rl.Env;
import semaine.rl.Envs;
import semaine.rl.maze.Maze;

class QLearningAgentTest {

  @ParameterizedTest
  @ValueSource(longs = {0, 1, 2, 3})
  void greedyPathAfterTrainingIsTheShortestPathOnA12x12Maze(long seed) {
    Env<Integer, Integer> env = Envs.make("Maze-v0", 12);
    var agent = new QLearningAgent(new DenseQTable(144, 4)).learningRate(0.1).discount(0.99)
        .epsilon(1.0).epsilonDecay(0.995).epsilonMin(0.01).randomState(seed);
    Training.train(env, agent, s -> s, 1000, 1440, seed, null);
    Training.Rollout<Integer> greedy = Training.greedy(env, agent, s -> s, 1440, seed);
    int[] path = greedy.observations().stream().mapToInt(Integer::intValue).toArray();
    Maze maze = (Maze) env.unwrapped();
    assertArrayEquals(maze.shortestPath(), path);
    assertEquals(-(path.length - 1), greedy.episodeReturn());
  }

  @Test
  void bellmanUpdateIsTheBooksFormula() {
    DenseQTable table = new DenseQTable(2, 2);
    table.set(0, 1, 4.0);
    table.set(1, 0, 10.0);
    table.set(1, 1, 6.0);
    var agent = new QLearningAgent(table).learningRate(0.5).discount(0.9);
    agent.learn(0, 1, -1.0, 1, false);
    assertEquals(0.5 * 4.0 + 0.5 * (-1.0 + 0.9 * 10.0), table.get(0, 1), 1e-15);
    agent.learn(0, 0, 3.0, 1, true);
    assertEquals(0.5 * 3.0, table.get(0, 0), 1e-15, "no future after a terminal state");
  }

  @Test
  void epsilonDecaysToItsFloor() {
    var agent = new QLearningAgent(new DenseQTable(1, 2)).epsilon(1.0).epsilonDecay(0.5)
        .epsilonMin(0.2);
    agent.endEpisode();
    assertEquals(0.5, agent.epsilon());
    agent.endEpisode();
    agent.endEpisode();
    assertEquals(0.2, agent.epsilon());
  }

  @Test
  void hyperParametersAreChecked() {
    var agent = new QLearningAgent(new DenseQTable(1, 2));
    var e = assertThrows(IllegalArgumentException.class, () -> agent.learningRate(0));
    assertEquals("learningRate (0.0) must be in (0.0, 1.0]", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> agent.discount(1.5));
    assertThrows(IllegalArgumentException.class, () -> agent.epsilon(Double.NaN));
  }

  @Test
  void movingAverageAveragesTheLastWindowValues() {
    assertArrayEquals(new double[] {1, 1.5, 2.5, 3.5},
        Training.movingAverage(new double[] {1, 2, 3, 4}, 2), 0.0);
  }
}

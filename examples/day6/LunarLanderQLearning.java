// Day 6 of the book: Q-learning on LunarLander, the observation cut into bins.
//
// Python (the book):
//   env = gym.make("LunarLander-v2")
//   bins = [np.linspace(-1, 1, 10) for _ in range(8)]     # np.digitize -> 11 indices per value
//   q_table = np.zeros([11] * 8 + [env.action_space.n])   # 11^8 x 4 entries
//   alpha, gamma, epsilon, epsilon_decay, min_epsilon = 0.1, 0.99, 1.0, 0.995, 0.01
//   for episode in range(1000):
//       state = discretize(env.reset()[0])
//       for step in range(1000):
//           action = env.action_space.sample() if np.random.random() < epsilon
//                    else np.argmax(q_table[state])
//           next_state, reward, terminated, truncated, _ = env.step(action)
//           q_table[state][action] = (1 - alpha) * q_table[state][action]
//                   + alpha * (reward + gamma * np.max(q_table[discretize(next_state)]))
//           ...
//       epsilon = max(min_epsilon, epsilon * epsilon_decay)
//
// `semaine example lunar-lander --json` reports the time ("seconds"); it is not printed here so
// that the output is the same on every run.
// The dense table would hold 857,435,524 doubles (6.9 GB); the sparse one keeps the states seen.
import semaine.plot.Figure;
import semaine.rl.Env;
import semaine.rl.Envs;
import semaine.rl.StepResult;
import semaine.rl.agents.Discretizer;
import semaine.rl.agents.QLearningAgent;
import semaine.rl.agents.SparseQTable;
import semaine.rl.agents.Training;
import semaine.util.Listing;

void main() throws Exception {
  long seed = Listing.seed(0);
  Env<double[], Integer> env = Envs.make("LunarLander-v3");
  var bins = Discretizer.uniform(-1, 1, 10, 8);
  var qTable = new SparseQTable(bins.nStates(), 4);
  var agent = new QLearningAgent(qTable).learningRate(0.1).discount(0.99)
      .epsilon(1.0).epsilonDecay(0.995).epsilonMin(0.01).randomState(seed);

  int episodes = 1000;
  int maxSteps = 1000;
  double[] returns = new double[episodes];
  int landed = 0;
  for (int episode = 0; episode < episodes; episode++) {
    double[] observation = (episode == 0 ? env.reset(seed) : env.reset()).observation();
    long state = bins.state(observation);
    for (int step = 0; step < maxSteps; step++) {
      int action = agent.act(state);
      StepResult<double[]> result = env.step(action);
      long next = bins.state(result.observation());
      agent.learn(state, action, result.reward(), next, result.terminated());
      returns[episode] += result.reward();
      state = next;
      if (result.done()) {
        landed += result.terminated() && result.reward() == 100 ? 1 : 0;
        break;
      }
    }
    agent.endEpisode();
  }

  double[] average = Training.movingAverage(returns, 100);
  Listing.show("mean return, first 100 episodes", average[99]);
  Listing.show("mean return, last 100 episodes", average[episodes - 1]);
  Listing.show("best return", Arrays.stream(returns).max().orElseThrow());
  Listing.show("episodes ending at rest (+100)", landed);
  Listing.show("final epsilon", agent.epsilon());
  Listing.show("q_table states stored", qTable.storedStates());
  Listing.show("q_table states possible", bins.nStates());
  Listing.show("q_table megabytes", qTable.bytes() / 1e6);

  var greedy = Training.greedy(env, agent, bins::state, maxSteps, seed + 1);
  Listing.show("greedy episode return", greedy.episodeReturn());
  Listing.show("greedy episode steps", greedy.steps());

  double[] x = new double[episodes];
  Arrays.setAll(x, i -> i + 1);
  Figure fig = Figure.create(800, 480);
  var ax = fig.axes();
  ax.plot(x, returns).label("episode return").color("tab:blue");
  ax.plot(x, average).label("moving average (100)").color("tab:orange");
  ax.axhline(200).color("tab:green").label("solved (200)");
  ax.title("Q-learning on LunarLander-v3, 11^8 discrete states").xlabel("episode")
      .ylabel("return").legend("lower right");
  fig.savefig(Listing.output("lunar-lander-returns.png"));
}

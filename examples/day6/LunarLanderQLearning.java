// Day 6 of the book: Q-learning on LunarLander, the observation cut into bins.
//
// semaine's record of the book (shared/reference/book.json) holds no text of this listing, so this
// header cannot quote it. What the listing does, statement by statement, as issue 15 reports it from
// the book, and as this port does it:
//   - gym.make("LunarLander-v2", render_mode="human"): Gymnasium 1.0 renamed the environment v3;
//     semaine accepts v2 and says so in one line. "human" draws every step in a window when a
//     display exists, at 50 frames a second as Gymnasium does (1000 episodes then take about half
//     an hour; closing the window lets the training run on at full speed); without a display the
//     first 1000 frames go to lunar-lander.gif (the output says where).
//   - 8 values, each cut by np.digitize at np.linspace(-1, 1, 10) (11 indices per value), a q_table
//     of zeros with 4 actions; alpha 0.1, gamma 0.99, epsilon 1.0, decay 0.995, epsilon_min 0.01,
//     1000 episodes.
//   - every episode starts with env.reset(seed=42): the same terrain, push and start state each time.
//   - the exploration coin is Python's random.random(), and the random action
//     env.action_space.sample(): two generators the book never seeds. This port draws them from
//     semaine.random.PythonRandom and the action space's own RandomState; without --seed both start
//     from a fresh seed, as in the book, and no two runs are the same; --seed S seeds both with S.
//   - the update always adds gamma * next_max, on the last step of an episode too:
//     q_table[state][action] = (1 - alpha) * q_table[state][action]
//                              + alpha * (reward + gamma * next_max)
//     (semaine's QLearningAgent drops next_max on a terminal step; the tour shows both.)
//   - after each episode: if epsilon > epsilon_min: epsilon *= epsilon_decay (so epsilon ends just
//     under epsilon_min, 0.995^919; QLearningAgent's max(epsilon_min, epsilon * decay) ends at it).
//   - it prints every episode's return.
// The dense table would hold 857,435,524 doubles (6.9 GB); the sparse one keeps the states seen,
// with the same zeros for the others. The summary lines and the figure are semaine's additions.
//
// Run: java --class-path cli/target/semaine.jar examples/day6/LunarLanderQLearning.java
//  or: ./semaine example lunar-lander [--seed S]
import semaine.plot.Figure;
import semaine.random.PythonRandom;
import semaine.random.RandomState;
import semaine.rl.Env;
import semaine.rl.Envs;
import semaine.rl.HumanRendering;
import semaine.rl.StepResult;
import semaine.rl.agents.Discretizer;
import semaine.rl.agents.SparseQTable;
import semaine.rl.agents.Training;
import semaine.util.Listing;
import semaine.util.Repr;

void main() {
  OptionalLong seed = Listing.seed();
  var random = seed.isPresent() ? new PythonRandom(seed.getAsLong()) : new PythonRandom();
  var actionSpaceRandom = seed.isPresent() ? new RandomState(seed.getAsLong()) : new RandomState();

  Env<double[], Integer> env = Envs.make("LunarLander-v2", "human",
      Listing.path("lunar-lander.gif"));
  Listing.show("render_mode=\"human\"", ((HumanRendering<?, ?>) env).where());
  var bins = Discretizer.uniform(-1, 1, 10, 8);                // np.linspace(-1, 1, 10) x 8
  var qTable = new SparseQTable(bins.nStates(), 4);            // zeros, 11^8 x 4
  double alpha = 0.1;
  double gamma = 0.99;
  double epsilon = 1.0;
  double epsilonDecay = 0.995;
  double epsilonMin = 0.01;
  int episodes = 1000;

  double[] returns = new double[episodes];
  double[] epsilons = new double[episodes];
  double[] start = null;
  int sameStart = 0;
  int terminalBootstraps = 0;
  double[] lastTerminalBootstrap = null;
  for (int episode = 0; episode < episodes; episode++) {
    double[] observation = env.reset(42).observation();        // env.reset(seed=42)
    start = start == null ? observation : start;
    sameStart += Arrays.equals(start, observation) ? 1 : 0;
    long state = bins.state(observation);
    double totalReward = 0;
    boolean done = false;
    while (!done) {
      int action;
      if (random.random() < epsilon) {                         // random.random() < epsilon
        action = env.actionSpace().sample(actionSpaceRandom);  // env.action_space.sample()
      } else {
        action = qTable.argmax(state);                         // np.argmax(q_table[state])
      }
      StepResult<double[]> result = env.step(action);
      long nextState = bins.state(result.observation());
      double nextMax = qTable.max(nextState);                  // np.max(q_table[next_state])
      double old = qTable.get(state, action);
      double updated = (1 - alpha) * old + alpha * (result.reward() + gamma * nextMax);
      qTable.set(state, action, updated);
      if (result.terminated() && nextMax != 0) {               // the quirk at work
        terminalBootstraps++;
        lastTerminalBootstrap = new double[] {old, result.reward(), nextMax, updated};
      }
      totalReward += result.reward();
      state = nextState;
      done = result.terminated() || result.truncated();
    }
    if (epsilon > epsilonMin) {                                // if epsilon > epsilon_min:
      epsilon *= epsilonDecay;                                 //     epsilon *= epsilon_decay
    }
    returns[episode] = totalReward;
    epsilons[episode] = epsilon;
    IO.println("episode " + (episode + 1) + ": return " + Repr.of(totalReward));
  }
  env.close();

  Listing.show("returns", returns);
  Listing.show("epsilon after each episode", epsilons);
  Listing.show("start observation", start);
  Listing.show("episodes starting there", sameStart);
  Listing.show("terminal steps with next_max != 0", terminalBootstraps);
  Listing.show("last of them [q, reward, next_max, new q]", lastTerminalBootstrap);
  double[] average = Training.movingAverage(returns, 100);
  Listing.show("mean return, first 100 episodes", average[99]);
  Listing.show("mean return, last 100 episodes", average[episodes - 1]);
  Listing.show("q_table states stored", qTable.storedStates());

  double[] x = new double[episodes];
  Arrays.setAll(x, i -> i + 1);
  Figure fig = Figure.create(800, 480);
  var ax = fig.axes();
  ax.plot(x, returns).label("episode return").color("tab:blue");
  ax.plot(x, average).label("moving average (100)").color("tab:orange");
  ax.axhline(200).color("tab:green").label("solved (200)");
  ax.title("The book's Q-learning on LunarLander-v2 (v3), reset(seed=42) every episode")
      .xlabel("episode").ylabel("return").legend("lower right");
  fig.savefig(Listing.output("lunar-lander-returns.png"));
}

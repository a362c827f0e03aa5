// Day 6 of the book: a lander that acts at random, to see the environment before learning.
//
// semaine's record of the book (shared/reference/book.json) holds no text of this demo, and issue
// 15 only says the book has one, with LunarLander-v2 and render_mode="human". So this port cannot
// quote it: it is the random-agent loop Gymnasium documents for this environment, in the book's
// names, and its lines are those of that loop:
//   env = gym.make("LunarLander-v2", render_mode="human")
//   observation, info = env.reset(seed=42)
//   for _ in range(1000):
//       action = env.action_space.sample()
//       observation, reward, terminated, truncated, info = env.step(action)
//       if terminated or truncated:
//           observation, info = env.reset()
//   env.close()
// env.action_space.sample() draws from the action space's own generator, which nothing seeds: a
// fresh seed unless --seed S gives one. Without a display the frames go to lunar-lander-random.gif.
// The episode returns are semaine's addition (the loop prints nothing).
//
// Run: java --class-path cli/target/semaine.jar examples/day6/LunarLanderRandomAgent.java
//  or: ./semaine example lunar-lander-random [--seed S]
import semaine.rl.Env;
import semaine.rl.Envs;
import semaine.rl.HumanRendering;
import semaine.rl.StepResult;
import semaine.util.Listing;

void main() {
  var actionSpaceRandom = Listing.unseededRandomState();     // the action space's generator
  Env<double[], Integer> env = Envs.make("LunarLander-v2", "human",
      Listing.path("lunar-lander-random.gif"));
  Listing.show("render_mode=\"human\"", ((HumanRendering<?, ?>) env).where());
  double[] observation = env.reset(42).observation();        // env.reset(seed=42)
  Listing.show("first observation", observation);
  List<Double> returns = new ArrayList<>();
  double episodeReturn = 0;
  for (int i = 0; i < 1000; i++) {
    int action = env.actionSpace().sample(actionSpaceRandom); // env.action_space.sample()
    StepResult<double[]> result = env.step(action);
    episodeReturn += result.reward();
    if (result.terminated() || result.truncated()) {
      returns.add(episodeReturn);
      episodeReturn = 0;
      observation = env.reset().observation();               // env.reset()
    }
  }
  env.close();
  Listing.show("episode returns", returns);
}

package semaine.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import semaine.rl.Env;
import semaine.rl.Envs;
import semaine.rl.StepResult;
import semaine.rl.agents.QLearning;
import semaine.rl.agents.QTable;
import semaine.rl.agents.Training;
import semaine.rl.lunar.LunarLander;
import semaine.rl.maze.Maze;
import semaine.rl.maze.MazeRenderer;
import semaine.rl.render.GifWriter;
import semaine.rl.render.LiveWindow;
import semaine.util.AtomicFiles;

/**
 * What the {@code rl} commands and the tour run: the book's Q-learning on the maze or LunarLander
 * (the listing's hyper-parameters: α 0.1, γ 0.99, ε 1.0 × 0.995 per episode down to 0.01; for
 * LunarLander 10 edges {@code np.linspace(-1, 1, 10)} per value), the heuristic lander, and
 * episodes played into GIF frames or a window.
 */
public final class RlRuns {

  /** The environments the CLI knows, by their CLI name, with their registry ids. */
  static final java.util.Map<String, String> ENV_IDS = java.util.Map.of("maze", "Maze-v0",
      "lunar-lander", "LunarLander-v3", "lunar-lander-continuous", "LunarLanderContinuous-v3",
      "cartpole", "CartPole-v1", "mountain-car", "MountainCar-v0", "acrobot", "Acrobot-v1");

  /** The environments the CLI knows, by their CLI name. */
  public static final List<String> ENVS = List.of("maze", "lunar-lander",
      "lunar-lander-continuous", "cartpole", "mountain-car", "acrobot");

  /** The environments with vector observations, which the deep agents learn from. */
  static final List<String> VECTOR_ENVS = ENVS.subList(1, ENVS.size());

  private RlRuns() {}

  /** Checks an {@code --env} value. */
  static String checkEnv(String env) {
    if (!ENVS.contains(env)) {
      throw new UsageException("--env (" + env + ") must be one of " + String.join(", ", ENVS));
    }
    return env;
  }

  /** The registry id of a CLI environment name, as {@code CartPole-v1} for {@code cartpole}. */
  static String envId(String env) {
    return ENV_IDS.get(checkEnv(env));
  }

  /**
   * A trained agent (the {@link QLearning} estimator, which model files save) with its returns;
   * {@code states} maps an observation to a table row.
   */
  public record Trained(Env<Object, Integer> env, QLearning model, QTable table,
      java.util.function.ToLongFunction<Object> states, double[] returns, double seconds) {

    /** The greedy action of the trained table for an observation. */
    public int greedyAction(Object observation) {
      return model.greedyAction(states.applyAsLong(observation));
    }
  }

  /**
   * Trains Q-learning on {@code env} ("maze" of {@code size} or "lunar-lander"): for LunarLander
   * each value is cut at {@code np.linspace(-1, 1, 10)}, {@link QLearning}'s defaults.
   */
  public static Trained train(String env, int size, int episodes, long seed, int maxSteps,
      Training.EpisodeListener listener) {
    Env<Object, Integer> environment = env.equals("maze") ? Envs.make("Maze-v0", size)
        : Envs.make("LunarLander-v3");
    QLearning model = new QLearning().alpha(0.1).gamma(0.99).epsilon(1.0).epsilonDecay(0.995)
        .epsilonMin(0.01).maxSteps(maxSteps).randomState(seed);
    long start = System.nanoTime();
    model.learn(environment, episodes, seed, listener);
    return new Trained(environment, model, model.table(), model::state,
        model.episodeReturns(), (System.nanoTime() - start) / 1e9);
  }

  /** An episode played by a policy, with its frames when asked for. */
  public record Episode(double episodeReturn, int steps, boolean terminated, double lastReward,
      List<Integer> path, List<BufferedImage> frames) {}

  /**
   * Plays one episode from {@code reset(seed)} with {@code policy} (observation → action), at most
   * {@code maxSteps} steps; keeps every frame when {@code frames} is true and shows them in
   * {@code window} when it is not null.
   */
  public static <A> Episode play(Env<Object, A> env, Function<Object, A> policy, long seed,
      int maxSteps, boolean frames, LiveWindow window) {
    List<BufferedImage> images = new ArrayList<>();
    Episode episode = play(env, policy, seed, maxSteps, frames ? images::add : null,
        Integer.MAX_VALUE, window);
    return new Episode(episode.episodeReturn(), episode.steps(), episode.terminated(),
        episode.lastReward(), episode.path(), images);
  }

  /** The most frames a GIF gets: 400 s at the maze's 5 fps; a longer episode is cut there. */
  public static final int MAX_GIF_FRAMES = 2000;

  /**
   * Plays one episode as {@link #play} does, encoding its frames into the GIF {@code file} as they
   * come (one frame in memory, not one per step), at most {@link #MAX_GIF_FRAMES} of them:
   * 50 fps for the lander (Gymnasium's), 5 for the maze. The episode has no frames.
   */
  public static <A> Episode playToGif(Env<Object, A> env, Function<Object, A> policy, long seed,
      int maxSteps, Path file, LiveWindow window) throws IOException {
    boolean maze = (Object) env.unwrapped() instanceof Maze;
    Episode[] episode = new Episode[1];
    GifWriter.write(file, maze ? 20 : 2,
        sink -> episode[0] = play(env, policy, seed, maxSteps, sink, MAX_GIF_FRAMES, window));
    return episode[0];
  }

  /** The episode, giving its first {@code maxFrames} frames to {@code frames} (may be null). */
  private static <A> Episode play(Env<Object, A> env, Function<Object, A> policy, long seed,
      int maxSteps, Consumer<BufferedImage> frames, int maxFrames, LiveWindow window) {
    Object observation = env.reset(seed).observation();
    List<Integer> path = new ArrayList<>();
    boolean maze = (Object) env.unwrapped() instanceof Maze;
    if (maze) {
      path.add((Integer) observation);
    }
    show(env, maxFrames > 0 ? frames : null, window, path);
    double total = 0;
    int steps = 0;
    StepResult<Object> result = null;
    while (steps < maxSteps) {
      result = env.step(policy.apply(observation));
      observation = result.observation();
      total += result.reward();
      steps++;
      if (maze) {
        path.add((Integer) observation);
      }
      show(env, steps < maxFrames ? frames : null, window, path);
      if (result.done()) {
        break;
      }
    }
    return new Episode(total, steps, result != null && result.terminated(),
        result == null ? 0 : result.reward(), path, List.of());
  }

  private static void show(Env<Object, ?> env, Consumer<BufferedImage> frames,
      LiveWindow window, List<Integer> path) {
    if (frames == null && window == null) {
      return;
    }
    BufferedImage frame;
    if ((Object) env.unwrapped() instanceof Maze maze) {
      frame = MazeRenderer.draw(maze.layout(), maze.position(),
          path.stream().mapToInt(Integer::intValue).toArray());
    } else {
      frame = env.render();
    }
    if (frames != null) {
      frames.accept(frame);
    }
    if (window != null) {
      window.show(frame);
    }
  }

  /** The most episodes a command runs: every episode's return is kept and printed. */
  public static final int MAX_EPISODES = 10_000_000;

  /** Refuses, before any work, more episodes than {@link #MAX_EPISODES}. */
  public static void checkEpisodes(int episodes) {
    if (episodes > MAX_EPISODES) {
      throw new UsageException("--episodes (" + episodes + ") is too large: the maximum is "
          + MAX_EPISODES + " (every episode's return is kept and printed)");
    }
  }

  /** Refuses, before any training, a {@code --gif} path that {@link GifWriter} would refuse. */
  public static void checkGif(Path file) throws IOException {
    if (file != null) {
      AtomicFiles.checkFile(file, false);
    }
  }

  /** Writes an episode's frames as a GIF: 50 fps for the lander (Gymnasium's), 5 for the maze. */
  public static Path gif(Episode episode, Path file, boolean maze) throws IOException {
    return GifWriter.write(episode.frames(), file, maze ? 20 : 2);
  }

  /** Gymnasium's heuristic as a policy on observations. */
  public static int heuristic(Object observation) {
    return LunarLander.heuristic((double[]) observation);
  }

  /** A uniform random policy drawing from {@code random}. */
  static Function<Object, Integer> random(semaine.random.RandomState random) {
    return o -> (int) random.randint(0, 4);
  }
}

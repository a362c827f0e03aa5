package semaine.rl;

import java.nio.file.Path;
import java.util.List;
import semaine.rl.maze.Maze;

/**
 * The registry, as Gymnasium's {@code gymnasium.make}: an id gives an environment wrapped in its
 * registered {@link TimeLimit}.
 *
 * <table>
 *   <caption>Registered environments</caption>
 *   <tr><th>id</th><th>arguments</th><th>types</th><th>step limit</th></tr>
 *   <tr><td>{@code Maze-v0}</td><td>size (default 8), or width and height</td>
 *       <td>{@code Env<Integer, Integer>}</td><td>10 x cells</td></tr>
 *   <tr><td>{@code LunarLander-v3}</td><td>none</td><td>{@code Env<double[], Integer>}</td>
 *       <td>1000</td></tr>
 *   <tr><td>{@code LunarLanderContinuous-v3}</td><td>none</td>
 *       <td>{@code Env<double[], double[]>}</td><td>1000</td></tr>
 *   <tr><td>{@code CartPole-v1}</td><td>none</td><td>{@code Env<double[], Integer>}</td>
 *       <td>500</td></tr>
 *   <tr><td>{@code MountainCar-v0}</td><td>none</td><td>{@code Env<double[], Integer>}</td>
 *       <td>200</td></tr>
 *   <tr><td>{@code Acrobot-v1}</td><td>none</td><td>{@code Env<double[], Integer>}</td>
 *       <td>500</td></tr>
 * </table>
 *
 * <p>{@code LunarLander-v2} and {@code LunarLanderContinuous-v2}, the names the book writes, give
 * the v3 environments, with one line on standard error saying so: Gymnasium 1.0 renamed them v3
 * when each reset started building a fresh physics world (v2 could replay a seed differently) and
 * no longer accepts v2.
 *
 * <p>The caller names the types, as in {@code Env<double[], Integer> env =
 * Envs.make("LunarLander-v3");}; naming the wrong ones fails with a {@link ClassCastException} at
 * the first use.
 */
public final class Envs {

  /** The registered ids. */
  public static final List<String> IDS =
      List.of("Maze-v0", "LunarLander-v3", "LunarLanderContinuous-v3", "CartPole-v1",
          "MountainCar-v0", "Acrobot-v1");

  /** The render modes {@link #make(String, String, Path)} accepts, Gymnasium's names. */
  public static final List<String> RENDER_MODES = List.of("human", "rgb_array");

  private Envs() {}

  /**
   * The environment registered as {@code id}, in its time limit.
   *
   * @param arguments the environment's integer arguments (see the table)
   * @throws IllegalArgumentException for an unknown id or bad arguments
   */
  @SuppressWarnings("unchecked")
  public static <O, A> Env<O, A> make(String id, int... arguments) {
    if ("LunarLander-v2".equals(id) || "LunarLanderContinuous-v2".equals(id)) {
      String renamed = id.replace("-v2", "-v3");
      System.err.println("semaine: " + id + " is " + renamed + ": Gymnasium 1.0 renamed it when "
          + "each reset began building a fresh world");
      id = renamed;
    }
    Env<?, ?> env = switch (id == null ? "" : id) {
      case "Maze-v0" -> maze(arguments);
      case "LunarLander-v3" -> {
        noArguments(id, arguments);
        yield new TimeLimit<>(new semaine.rl.lunar.LunarLander(), 1000);
      }
      case "LunarLanderContinuous-v3" -> {
        noArguments(id, arguments);
        yield new TimeLimit<>(new semaine.rl.lunar.LunarLanderContinuous(), 1000);
      }
      case "CartPole-v1" -> limited(id, arguments, new semaine.rl.classic.CartPole(), 500);
      case "MountainCar-v0" -> limited(id, arguments, new semaine.rl.classic.MountainCar(), 200);
      case "Acrobot-v1" -> limited(id, arguments, new semaine.rl.classic.Acrobot(), 500);
      default -> throw new IllegalArgumentException("id (" + id + ") must be a registered "
          + "environment: " + String.join(", ", IDS));
    };
    return (Env<O, A>) env;
  }

  /**
   * {@code gym.make(id, render_mode=renderMode)}. {@code "rgb_array"} is the plain environment
   * ({@link Env#render()} returns the frame); {@code "human"} draws every step, in a window when a
   * display exists and otherwise into the GIF {@code headlessGif} (its first 1000 frames, 20 s),
   * see {@link HumanRendering}.
   *
   * @throws IllegalArgumentException for an unknown id, bad arguments or an unknown render mode
   */
  public static <O, A> Env<O, A> make(String id, String renderMode, Path headlessGif) {
    if (!RENDER_MODES.contains(renderMode)) {
      throw new IllegalArgumentException("renderMode (" + renderMode + ") must be one of "
          + String.join(", ", RENDER_MODES));
    }
    Env<O, A> env = make(id);
    return renderMode.equals("human") ? new HumanRendering<>(env, headlessGif, 1000) : env;
  }

  private static Env<Integer, Integer> maze(int[] arguments) {
    if (arguments.length > 2) {
      throw new IllegalArgumentException("Maze-v0 takes a size or a width and a height, not "
          + arguments.length + " arguments");
    }
    int width = arguments.length == 0 ? 8 : arguments[0];
    int height = arguments.length == 2 ? arguments[1] : width;
    Maze maze = new Maze(width, height);
    return new TimeLimit<>(maze, 10 * width * height);
  }

  private static <O, A> Env<O, A> limited(String id, int[] arguments, Env<O, A> env, int steps) {
    noArguments(id, arguments);
    return new TimeLimit<>(env, steps);
  }

  private static void noArguments(String id, int[] arguments) {
    if (arguments.length > 0) {
      throw new IllegalArgumentException(id + " takes no arguments, got " + arguments.length);
    }
  }
}

package semaine.rl;

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
 * </table>
 *
 * <p>The caller names the types, as in {@code Env<double[], Integer> env =
 * Envs.make("LunarLander-v3");}; naming the wrong ones fails with a {@link ClassCastException} at
 * the first use.
 */
public final class Envs {

  /** The registered ids. */
  public static final List<String> IDS =
      List.of("Maze-v0", "LunarLander-v3", "LunarLanderContinuous-v3");

  private Envs() {}

  /**
   * The environment registered as {@code id}, in its time limit.
   *
   * @param arguments the environment's integer arguments (see the table)
   * @throws IllegalArgumentException for an unknown id or bad arguments
   */
  @SuppressWarnings("unchecked")
  public static <O, A> Env<O, A> make(String id, int... arguments) {
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
      default -> throw new IllegalArgumentException("id (" + id + ") must be a registered "
          + "environment: " + String.join(", ", IDS));
    };
    return (Env<O, A>) env;
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

  private static void noArguments(String id, int[] arguments) {
    if (arguments.length > 0) {
      throw new IllegalArgumentException(id + " takes no arguments, got " + arguments.length);
    }
  }
}

package semaine.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import semaine.random.RandomState;
import semaine.rl.Env;
import semaine.rl.Envs;
import semaine.rl.agents.SparseQTable;
import semaine.rl.agents.Training;
import semaine.rl.maze.Maze;
import semaine.rl.render.LiveWindow;

/**
 * {@code semaine rl}: day 6, reinforcement learning. {@code heuristic} runs Gymnasium's heuristic
 * lander over seeds S, S+1, ...; {@code train} runs the book's Q-learning on the maze or
 * LunarLander; {@code play} shows one episode as a GIF or in a window. Without a subcommand, lists
 * the environments.
 */
@Command(name = "rl", mixinStandardHelpOptions = true,
    description = "Reinforcement learning (day 6): the maze and LunarLander, Q-learning, the "
        + "heuristic lander.",
    subcommands = {RlCommand.Heuristic.class, RlCommand.Train.class, RlCommand.Play.class,
        RlEvalCommand.class})
public final class RlCommand extends ResultCommand {

  @Override
  protected Result compute() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("envs", RlRuns.ENVS);
    json.put("registry", Envs.IDS);
    return new Result(json, out -> {
      out.println("Environments: " + String.join(", ", RlRuns.ENVS) + "   (registry: "
          + String.join(", ", Envs.IDS) + ")");
      out.println("semaine rl heuristic --env lunar-lander --episodes 100");
      out.println("semaine rl train --env maze|lunar-lander --episodes N [--gif F]");
      out.println("semaine rl train --env cartpole --agent dqn|ppo --timesteps N [--save F]");
      out.println("semaine rl eval --agent F|lunar-lander --episodes 100 --seed S");
      out.println("semaine rl play --env lunar-lander --policy heuristic --gif lander.gif");
      out.println("semaine rl play --agent F|lunar-lander --gif lander.gif");
    });
  }

  /** {@code semaine rl heuristic}: Gymnasium's heuristic controller on LunarLander. */
  @Command(name = "heuristic", mixinStandardHelpOptions = true,
      description = "Run Gymnasium's heuristic lander for N episodes, seeds S..S+N-1.")
  static final class Heuristic extends ResultCommand {
    @Option(names = "--env", defaultValue = "lunar-lander",
        description = "Only lunar-lander has a heuristic (default: ${DEFAULT-VALUE}).")
    String env;

    @Option(names = "--episodes", converter = Options.PositiveInt.class, defaultValue = "100",
        description = "Episodes, one per seed (default: ${DEFAULT-VALUE}).")
    int episodes;

    @Option(names = "--seed", converter = Options.Seed.class, defaultValue = "0",
        description = "The first seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--gif", paramLabel = "FILE",
        description = "Also write the first episode as an animated GIF.")
    Path gif;

    @Override
    protected Result compute() throws Exception {
      if (!RlRuns.checkEnv(env).equals("lunar-lander")) {
        throw new UsageException("--env (" + env + ") has no heuristic: use lunar-lander");
      }
      checkSeedRange(seed, episodes);
      RlRuns.checkGif(gif);
      RlRuns.checkEpisodes(episodes);
      Env<Object, Integer> lander = Envs.make("LunarLander-v3");
      List<Double> returns = new ArrayList<>();
      int landed = 0;
      int crashed = 0;
      long steps = 0;
      Progress progress = new Progress(log(), episodes, "episodes");
      long start = System.nanoTime();
      double sum = 0;
      for (int i = 0; i < episodes; i++) {
        RlRuns.Episode episode = gif != null && i == 0
            ? RlRuns.playToGif(lander, RlRuns::heuristic, seed + i, 1000, gif, null)
            : RlRuns.play(lander, RlRuns::heuristic, seed + i, 1000, false, null);
        returns.add(episode.episodeReturn());
        sum += episode.episodeReturn();
        steps += episode.steps();
        landed += episode.terminated() && episode.lastReward() == 100 ? 1 : 0;
        crashed += episode.terminated() && episode.lastReward() == -100 ? 1 : 0;
        progress.update(i + 1, "mean return", sum / (i + 1));
      }
      progress.finish();
      double seconds = (System.nanoTime() - start) / 1e9;
      double mean = sum / episodes;
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("env", "LunarLander-v3");
      json.put("seeds", List.of(seed, seed + episodes - 1));
      json.put("mean_return", mean);
      json.put("returns", returns);
      json.put("landed", landed);
      json.put("crashed", crashed);
      json.put("truncated", episodes - landed - crashed);
      json.put("steps", steps);
      json.put("seconds", seconds);
      if (gif != null) {
        json.put("gif", gif.toString());
      }
      int landings = landed;
      return new Result(json, out -> {
        out.printf(Locale.ROOT, "heuristic lander, seeds %d..%d: mean return %.2f%n", seed,
            seed + episodes - 1, mean);
        out.printf(Locale.ROOT, "landed %d, crashed or out %d, out of time %d (%d steps, %.1f s)%n",
            landings, json.get("crashed"), json.get("truncated"), json.get("steps"), seconds);
        if (gif != null) {
          out.println("first episode: " + gif);
        }
      });
    }
  }

  /** {@code semaine rl train}: the book's Q-learning. */
  @Command(name = "train", mixinStandardHelpOptions = true,
      description = "Train the book's Q-learning agent on the maze or LunarLander.")
  static final class Train extends ResultCommand {
    @Option(names = "--env", required = true, description = "maze, lunar-lander, "
        + "lunar-lander-continuous, cartpole, mountain-car or acrobot.")
    String env;

    @Option(names = "--episodes", converter = Options.PositiveInt.class, defaultValue = "1000",
        description = "Training episodes (default: ${DEFAULT-VALUE}).")
    int episodes;

    @Option(names = "--seed", converter = Options.Seed.class, defaultValue = "0",
        description = "Seeds the environment and the agent (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--size", converter = Options.PositiveInt.class, defaultValue = "12",
        description = "maze: cells per side (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--gif", paramLabel = "FILE",
        description = "Write an episode of the greedy policy as an animated GIF.")
    Path gif;

    @Option(names = "--save", paramLabel = "FILE.semaine",
        description = "Save the trained agent (its Q-table and bins, or its networks) to this "
            + "model file.")
    Path save;

    @Option(names = "--agent", defaultValue = "q-learning",
        description = "q-learning (the book's), dqn or ppo (default: ${DEFAULT-VALUE}).")
    String agent;

    @Option(names = "--timesteps", converter = Options.PositiveInt.class, defaultValue = "100000",
        description = "dqn, ppo: environment steps (default: ${DEFAULT-VALUE}).")
    int timesteps;

    @Option(names = "--param", paramLabel = "NAME=VALUE",
        description = "dqn, ppo: set a parameter by its Stable-Baselines3 name (repeatable): "
            + "--param learning_rate=6.3e-4.")
    List<String> params = new ArrayList<>();

    @Override
    protected Result compute() throws Exception {
      RlRuns.checkEnv(env);
      if (!List.of("q-learning", "dqn", "ppo").contains(agent)) {
        throw new UsageException("--agent (" + agent + ") must be one of q-learning, dqn, ppo");
      }
      if (save != null) {
        semaine.util.AtomicFiles.checkFile(save, false);
      }
      if (!agent.equals("q-learning")) {
        if (gif != null) {
          throw new UsageException("--gif is for --agent q-learning; play a saved deep agent "
              + "from the library");
        }
        return DeepRlRuns.train(agent, env, timesteps, seed, params, save, log());
      }
      if (!env.equals("maze") && !env.equals("lunar-lander")) {
        throw new UsageException("--agent q-learning runs the book's table on maze or "
            + "lunar-lander; use --agent dqn or ppo for --env " + env);
      }
      if (!params.isEmpty()) {
        throw new UsageException("--param is for --agent dqn or ppo");
      }
      RlRuns.checkGif(gif);
      RlRuns.checkEpisodes(episodes);
      boolean maze = env.equals("maze");
      if (maze && size > 256) {
        throw new UsageException("--size (" + size + ") must be <= 256");
      }
      Progress progress = new Progress(log(), episodes, "episodes");
      double[] sum = {0};
      double[] recent = new double[Math.min(100, episodes)];
      RlRuns.Trained trained = RlRuns.train(env, size, episodes, seed, 1000,
          (episode, episodeReturn, steps) -> {
            sum[0] += episodeReturn - recent[episode % recent.length];
            recent[episode % recent.length] = episodeReturn;
            progress.update(episode + 1, "mean return",
                sum[0] / Math.min(episode + 1, recent.length));
          });
      progress.finish();
      int maxSteps = maze ? 10 * size * size : 1000;
      java.util.function.Function<Object, Integer> greedyPolicy = trained::greedyAction;
      RlRuns.Episode greedy = gif != null
          ? RlRuns.playToGif(trained.env(), greedyPolicy, seed, maxSteps, gif, null)
          : RlRuns.play(trained.env(), greedyPolicy, seed, maxSteps, false, null);
      noteCutGif(log(), gif, greedy);
      double[] returns = trained.returns();
      double[] average = Training.movingAverage(returns, 100);
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("env", maze ? "Maze-v0" : "LunarLander-v3");
      json.put("episodes", episodes);
      json.put("seed", seed);
      json.put("returns", returns);
      json.put("mean_return_last_100", average[average.length - 1]);
      json.put("fit_seconds", trained.seconds());
      json.put("greedy_return", greedy.episodeReturn());
      json.put("greedy_steps", greedy.steps());
      if (maze) {
        int optimal = ((Maze) (Object) trained.env().unwrapped()).shortestPath().length - 1;
        json.put("size", size);
        json.put("optimal_steps", optimal);
        json.put("greedy_is_optimal", greedy.terminated() && greedy.steps() == optimal);
      } else {
        json.put("q_table_states", trained.table().storedStates());
        json.put("q_table_bytes", ((SparseQTable) trained.table()).bytes());
        json.put("greedy_landed", greedy.terminated() && greedy.lastReward() == 100);
      }
      if (gif != null) {
        json.put("gif", gif.toString());
      }
      if (save != null) {
        semaine.base.Models.save(trained.model(), save);
        json.put("saved", save.toString());
      }
      return new Result(json, out -> {
        out.printf(Locale.ROOT, "Q-learning on %s, %d episodes (%.1f s): mean return of the last "
            + "100 episodes %.2f%n", json.get("env"), episodes, trained.seconds(),
            average[average.length - 1]);
        if (maze) {
          out.printf(Locale.ROOT, "greedy policy: %d steps to the exit (shortest path %d)%n",
              greedy.steps(), json.get("optimal_steps"));
        } else {
          out.printf(Locale.ROOT, "greedy policy: return %.2f in %d steps; Q-table: %d states "
              + "stored of %d%n", greedy.episodeReturn(), greedy.steps(),
              trained.table().storedStates(), 214_358_881L);
        }
        if (gif != null) {
          out.println("greedy episode: " + gif);
        }
        if (save != null) {
          out.println("agent saved: " + save);
        }
      });
    }
  }

  /** {@code semaine rl play}: one episode, as a GIF or live. */
  @Command(name = "play", mixinStandardHelpOptions = true,
      description = "Play one episode (heuristic, random or trained policy) into a GIF or a "
          + "window.")
  static final class Play extends ResultCommand {
    @Option(names = "--env", description = "maze or lunar-lander (default: lunar-lander; with "
        + "--agent, the environment the agent fits).")
    String env;

    @Option(names = "--agent", paramLabel = "AGENT|lunar-lander",
        description = "Play a deep agent's greedy policy: an agent file (rl train --agent "
            + "dqn|ppo --save) or lunar-lander, the shipped one (replaces --policy).")
    String agent;

    @Option(names = "--policy", defaultValue = "heuristic",
        description = "heuristic (lunar-lander), random, or trained (Q-learning first) "
            + "(default: ${DEFAULT-VALUE}).")
    String policy;

    @Option(names = "--episodes", converter = Options.PositiveInt.class, defaultValue = "1000",
        description = "trained: training episodes (default: ${DEFAULT-VALUE}).")
    int episodes;

    @Option(names = "--seed", converter = Options.Seed.class, defaultValue = "0",
        description = "The episode's seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--size", converter = Options.PositiveInt.class, defaultValue = "12",
        description = "maze: cells per side (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--gif", paramLabel = "FILE", description = "Write the episode as a GIF.")
    Path gif;

    @Option(names = "--render-mode", defaultValue = "rgb_array",
        description = "human (a live window, needs a display) or rgb_array "
            + "(default: ${DEFAULT-VALUE}).")
    String renderMode;

    @Override
    protected Result compute() throws Exception {
      RlRuns.checkGif(gif);
      if (agent != null) {
        return playAgent(this);
      }
      env = env == null ? "lunar-lander" : env;
      if (!env.equals("maze") && !env.equals("lunar-lander")) {
        throw new UsageException("--env (" + env + ") plays with --policy on maze or "
            + "lunar-lander only; a trained agent plays any with --agent F");
      }
      RlRuns.checkEpisodes(episodes);
      boolean maze = env.equals("maze");
      if (!List.of("heuristic", "random", "trained").contains(policy)) {
        throw new UsageException("--policy (" + policy + ") must be one of heuristic, random, "
            + "trained");
      }
      if (maze && policy.equals("heuristic")) {
        throw new UsageException("--policy (heuristic) exists for lunar-lander only");
      }
      boolean human = checkRenderMode(renderMode, gif);
      Env<Object, Integer> environment;
      java.util.function.Function<Object, Integer> actor;
      if (policy.equals("trained")) {
        RlRuns.Trained trained = RlRuns.train(env, size, episodes, seed, 1000, null);
        environment = trained.env();
        actor = trained::greedyAction;
      } else {
        environment = maze ? Envs.make("Maze-v0", size) : Envs.make("LunarLander-v3");
        actor = policy.equals("random") ? RlRuns.random(new RandomState(seed)) : RlRuns::heuristic;
      }
      int maxSteps = maze ? 10 * size * size : 1000;
      RlRuns.Episode episode;
      if (human) {
        try (LiveWindow window = LiveWindow.open("semaine rl play: " + env,
            maze ? 5 : 50)) {
          episode = gif != null
              ? RlRuns.playToGif(environment, actor, seed, maxSteps, gif, window)
              : RlRuns.play(environment, actor, seed, maxSteps, false, window);
        }
      } else {
        episode = RlRuns.playToGif(environment, actor, seed, maxSteps, gif, null);
      }
      noteCutGif(log(), gif, episode);
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("env", maze ? "Maze-v0" : "LunarLander-v3");
      json.put("policy", policy);
      json.put("seed", seed);
      json.put("return", episode.episodeReturn());
      json.put("steps", episode.steps());
      json.put("terminated", episode.terminated());
      if (gif != null) {
        json.put("gif", gif.toString());
      }
      return new Result(json, out -> {
        out.printf(Locale.ROOT, "%s policy on %s, seed %d: return %.2f in %d steps%s%n", policy,
            json.get("env"), seed, episode.episodeReturn(), episode.steps(),
            episode.terminated() ? "" : " (not finished)");
        if (gif != null) {
          out.println("episode: " + gif);
        }
      });
    }
  }

  /** {@code rl play --agent}: one greedy episode of a deep agent, as a GIF or live. */
  private static Result playAgent(Play p) throws Exception {
    semaine.base.Estimator model = DeepRlRuns.load(p.agent);
    String name = DeepRlRuns.envFor(model, p.agent, p.env);
    String id = RlRuns.envId(name);
    boolean human = checkRenderMode(p.renderMode, p.gif);
    Env<Object, Object> environment = Envs.make(id);
    RlRuns.Episode episode;
    if (human) {
      try (LiveWindow window = LiveWindow.open("semaine rl play: " + p.agent, 50)) {
        episode = p.gif != null
            ? RlRuns.playToGif(environment, DeepRlRuns.policy(model), p.seed, 1000, p.gif, window)
            : RlRuns.play(environment, DeepRlRuns.policy(model), p.seed, 1000, false, window);
      }
    } else {
      episode = RlRuns.playToGif(environment, DeepRlRuns.policy(model), p.seed, 1000, p.gif,
          null);
    }
    noteCutGif(p.log(), p.gif, episode);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("env", id);
    json.put("agent", p.agent);
    json.put("seed", p.seed);
    json.put("return", episode.episodeReturn());
    json.put("steps", episode.steps());
    json.put("terminated", episode.terminated());
    if (name.startsWith("lunar-lander")) {
      json.put("landed", episode.terminated() && episode.lastReward() == 100);
    }
    if (p.gif != null) {
      json.put("gif", p.gif.toString());
    }
    return new Result(json, out -> {
      out.printf(Locale.ROOT, "agent %s on %s, seed %d: return %.2f in %d steps%s%n", p.agent,
          id, p.seed, episode.episodeReturn(), episode.steps(),
          Boolean.TRUE.equals(json.get("landed")) ? ", landed" : "");
      if (p.gif != null) {
        out.println("episode: " + p.gif);
      }
    });
  }

  /** Checks {@code --render-mode} against the display and {@code --gif}; true for human. */
  private static boolean checkRenderMode(String renderMode, Path gif) {
    if (!List.of("human", "rgb_array").contains(renderMode)) {
      throw new UsageException("--render-mode (" + renderMode + ") must be human or rgb_array");
    }
    boolean human = renderMode.equals("human");
    if (human && !LiveWindow.available()) {
      throw new UsageException("--render-mode (human) needs a display; none here: use --gif F");
    }
    if (!human && gif == null) {
      throw new UsageException("--gif FILE is required unless --render-mode human");
    }
    return human;
  }

  /** Says on the log when the episode had more frames than a GIF keeps. */
  private static void noteCutGif(java.io.PrintWriter log, Path gif, RlRuns.Episode episode) {
    if (gif != null && episode.steps() + 1 > RlRuns.MAX_GIF_FRAMES) {
      log.printf(Locale.ROOT, "the GIF shows the first %d of the episode's %d frames%n",
          RlRuns.MAX_GIF_FRAMES, episode.steps() + 1);
    }
  }

  private static void checkSeedRange(long seed, int episodes) {
    if (seed + episodes - 1 > Options.MAX_SEED) {
      throw new UsageException("--seed (" + seed + ") + --episodes (" + episodes + ") - 1 must be "
          + "<= " + Options.MAX_SEED);
    }
  }
}

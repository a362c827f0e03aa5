package semaine.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code semaine example [NAME]}: runs one of the book's listings (a compact source file of
 * {@code examples/}) and prints its numbers; without a name, lists them. An unknown name is a usage
 * error (exit 2), like any bad value.
 */
@Command(
    name = "example",
    mixinStandardHelpOptions = true,
    description = "Run one of the book's listings (list them when no name is given).")
public final class ExampleCommand extends ResultCommand {

  /** A listing: its CLI name, its file under {@code examples/}, and what it shows. */
  record Example(String name, String path, String summary) {}

  /** The listings, in book order. */
  static final List<Example> EXAMPLES = List.of(
      new Example("first-numbers", "day1/FirstNumbers.java",
          "day 1: np.random.randn, make_blobs and load_iris, the same numbers"),
      new Example("regression", "day2/Regression.java",
          "day 2: LinearRegression on 50 points around y = 1.5x + 3"),
      new Example("gradient-descent", "day2/GradientDescent.java",
          "day 2: the same line found by gradient descent, step by step"),
      new Example("knn", "day3/KNearestNeighbors.java",
          "day 3: k-nearest neighbours classify ten new points between two blobs"),
      new Example("logistic-regression", "day3/LogisticRegression.java",
          "day 3: logistic regression on the two blobs (the 0.5 line) and on iris"),
      new Example("random-forest", "day3/RandomForest.java",
          "day 3: a decision tree (drawn as plot_tree) and a random forest on iris"),
      new Example("grid-search", "day3/GridSearch.java",
          "day 3: k chosen by GridSearchCV on wine, the features scaled in a pipeline"),
      new Example("kmeans-elbow", "day4/KMeansElbow.java",
          "day 4: k-means for k = 1..9 from the global stream, the elbow, KMeans(4)"),
      new Example("dbscan", "day4/Dbscan.java",
          "day 4: DBSCAN finds the two moons that k-means cuts across"),
      new Example("lof", "day5/LocalOutlierFactor.java",
          "day 5: the Local Outlier Factor flags the odd point among 31 (and saves lof.png)"),
      new Example("maze", "day6/MazeQLearning.java",
          "day 6: Q-learning finds the shortest way out of a random 8 x 8 maze"),
      new Example("lunar-lander-random", "day6/LunarLanderRandomAgent.java",
          "day 6: LunarLander-v2 with random actions, drawn (a window, or a GIF headless)"),
      new Example("lunar-lander", "day6/LunarLanderQLearning.java",
          "day 6: the book's Q-learning on LunarLander, reset(seed=42) every episode"),
      new Example("neural-network", "day7/NeuralNetwork.java",
          "day 7: an MLP prices houses, another reads digits (97 % on the test set)"),
      new Example("text-generation", "day7/TextGeneration.java",
          "day 7: pipeline('text-generation', model='gpt2'), set_seed(42), 50 tokens"));

  /** The listing names, in book order. */
  static final List<String> NAMES = EXAMPLES.stream().map(Example::name).toList();

  @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "The listing to run.")
  private String name;

  @Option(names = "--seed", converter = Options.Seed.class,
      description = "Run the listing with this seed instead of the book's (listings the book "
          + "leaves unseeded draw a fresh seed without it).")
  private Long seed;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Where the listing saves its figures (default: out/examples).")
  private java.nio.file.Path out;

  @Override
  protected Result compute() throws Exception {
    if (name == null) {
      List<Map<String, Object>> list = new ArrayList<>();
      for (Example e : EXAMPLES) {
        list.add(Map.of("name", e.name(), "file", "examples/" + e.path(), "summary", e.summary()));
      }
      return new Result(Map.of("examples", list), out -> EXAMPLES.forEach(e ->
          out.printf("%-18s %s  (examples/%s)%n", e.name(), e.summary(), e.path())));
    }
    Example example = EXAMPLES.stream().filter(e -> e.name().equals(name)).findFirst()
        .orElseThrow(() -> new UsageException("unknown example '" + name + "': examples are "
            + String.join(", ", NAMES)));
    ExampleRunner.Output output = ExampleRunner.run(example.path(), seed, out);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("example", example.name());
    json.put("file", "examples/" + example.path());
    json.put("numbers", output.values());
    json.put("seconds", output.seconds());
    return new Result(json, out -> out.print(output.text()));
  }
}

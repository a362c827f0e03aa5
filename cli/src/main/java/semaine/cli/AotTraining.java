package semaine.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import semaine.data.Csv;
import semaine.data.Datasets;
import semaine.plot.Figure;

/**
 * The training run of the launcher's ahead-of-time cache (JDK 25, JEP 483, 514 and 515): runs each
 * fitting command once on small data, in this process, so that the JVM records which classes the
 * commands load and link and how their hot methods behave. The launcher runs it right after a build
 * with {@code -XX:AOTCacheOutput}; every later {@code ./semaine} run starts from that cache instead
 * of loading, verifying and profiling the same classes again.
 *
 * <p>It writes its small CSV files to a temporary folder, deletes them, and prints nothing: the
 * commands' output goes nowhere. A command that fails makes the whole run fail (exit 1), so a cache
 * is only made from a run in which every command worked.
 */
public final class AotTraining {

  private AotTraining() {}

  /**
   * Runs the commands as {@link Main#main} does (its logging set-up first, {@code System.exit} at
   * the end: both load classes of their own); exits 1 (with the failing command named on stderr)
   * if one fails.
   */
  public static void main(String[] args) throws IOException {
    Main.oneLineWarnings();
    Path dir = Files.createTempDirectory("semaine-aot-");
    try {
      for (List<String> command : commands(dir)) {
        int code = Main.run(command.toArray(String[]::new), silent(), silent(), false);
        if (code != 0) {
          System.err.println("semaine: the start-up cache's training run failed on: "
              + String.join(" ", command));
          System.exit(1);
        }
      }
      figure(dir);
    } finally {
      deleteTree(dir);
    }
    System.exit(0);
  }

  /**
   * The commands run: every fitting command once on small data, with and without --json, and the
   * command lines of bench/compare-commands (text output, classify with --predict), so that the
   * cache holds the classes and profiles of the paths users run.
   */
  static List<List<String>> commands(Path dir) {
    Path blobs = dir.resolve("blobs.csv");
    var data = Datasets.makeBlobs().nSamples(3000).centers(4).nFeatures(4).randomState(0)
        .generate();
    Csv.write(blobs, new String[] {"x0", "x1", "x2", "x3"}, data.X(), "y", data.y());
    String file = blobs.toString();
    // 120,000 rows (10 MB): large enough for the parallel paths of real files (CsvReader reads files
    // of 8 MB or more in parallel; k-means' chunks run on the fork-join pool from 16,384 rows)
    Path large = dir.resolve("large.csv");
    var many = Datasets.makeBlobs().nSamples(120_000).centers(8).nFeatures(4).randomState(1)
        .generate();
    Csv.write(large, new String[] {"x0", "x1", "x2", "x3"}, many.X(), "y", many.y());
    String big = large.toString();
    return List.of(
        List.of("--version"),
        List.of("datasets", "blobs", "--samples", "200", "--json"),
        List.of("cluster", file, "--drop", "y", "--k", "4", "--seed", "0", "--json"),
        List.of("cluster", file, "--drop", "y", "--k", "4", "--seed", "0"),
        List.of("cluster", big, "--drop", "y", "--k", "8", "--n-init", "1", "--seed", "0"),
        List.of("classify", file, "--target", "y", "--k", "5", "--json"),
        List.of("classify", big, "--target", "y", "--k", "5", "--predict", file),
        List.of("regress", file, "--target", "x3", "--drop", "y", "--json"),
        List.of("regress", big, "--target", "x3", "--drop", "y"),
        List.of("regress", file, "--target", "x3", "--drop", "y", "--method", "gd", "--json"),
        List.of("outliers", file, "--drop", "y", "--json"),
        List.of("outliers", big, "--drop", "y", "--method", "lof", "--neighbors", "20"),
        List.of("outliers", file, "--drop", "y", "--method", "iforest", "--json"),
        List.of("nn", "train", file, "--target", "y", "--epochs", "3", "--json"),
        // the other models of bench/compare-sklearn's rows, so that their first call in a fresh
        // JVM starts from linked classes and recorded profiles too
        List.of("classify", file, "--target", "y", "--model", "svc", "--json"),
        List.of("classify", file, "--target", "y", "--model", "linear-svc", "--json"),
        List.of("classify", file, "--target", "y", "--model", "logistic", "--json"),
        List.of("classify", file, "--target", "y", "--model", "gaussian-nb", "--json"),
        List.of("regress", file, "--target", "x3", "--drop", "y", "--model", "ridge", "--json"),
        List.of("cluster", file, "--drop", "y", "--method", "dbscan", "--json"),
        List.of("cluster", file, "--drop", "y", "--method", "agglomerative", "--json"),
        List.of("cluster", file, "--drop", "y", "--method", "optics", "--json"),
        List.of("cluster", file, "--drop", "y", "--method", "hdbscan", "--json"),
        List.of("cluster", file, "--drop", "y", "--method", "minibatch-kmeans", "--json"),
        List.of("generate", "The whale", "--model", "moby-dick", "--max-new-tokens", "8",
            "--seed", "0", "--json"));
  }

  /**
   * A scatter of 3,000 points (more than the 2,000 from which markers are stamped as images) saved
   * as PNG, as the book's listings save their figures: Java2D, its fonts and the PNG writer.
   */
  private static void figure(Path dir) {
    var rng = new semaine.random.RandomState(0);
    Figure fig = Figure.create(640, 480);
    fig.axes().scatter(rng.randn(3000), rng.randn(3000)).s(4);
    fig.axes().title("scatter");
    fig.savefig(dir.resolve("scatter.png"));
  }

  private static PrintStream silent() {
    return new PrintStream(OutputStream.nullOutputStream(), false,
        java.nio.charset.StandardCharsets.UTF_8);
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package semaine.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import semaine.clustering.ElbowMethod;
import semaine.clustering.KMeans;
import semaine.data.Csv;
import semaine.data.CsvTable;
import semaine.random.RandomState;

/**
 * {@code semaine cluster FILE}: k-means on the numeric columns of a CSV file, for one k
 * ({@code --k}) or for a range with the elbow ({@code --elbow A:B}).
 *
 * <p>JSON: {@code labels, centers, inertia, n_iter, fit_seconds} for one k; {@code k, inertia,
 * elbow, note, fit_seconds} for a range, whose fits share one {@code RandomState(seed)} as the
 * book's listing shares the global NumPy stream. {@code fit_seconds} excludes reading the file.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true,
    description = "k-means clustering of a CSV file (KMeans as scikit-learn), for one k or an elbow "
        + "range.")
public final class ClusterCommand extends ResultCommand {

  @Parameters(index = "0", paramLabel = "FILE", description = "CSV file with a header row.")
  Path file;

  @Option(names = "--k", converter = Options.PositiveInt.class,
      description = "n_clusters: the number of clusters.")
  Integer k;

  @Option(names = "--elbow", paramLabel = "A:B",
      description = "Fit k = A..B from one shared random stream and find the elbow (Kneedle).")
  String elbow;

  @Option(names = "--seed", converter = Options.Seed.class,
      description = "random_state, in [0, 4294967295] (default: random).")
  Long seed;

  @Option(names = "--n-init", converter = Options.PositiveInt.class,
      description = "n_init: runs kept from (default: auto, 1 for k-means++, 10 for random).")
  Integer nInit;

  @Option(names = "--init", paramLabel = "k-means++|random|CENTERS.csv", defaultValue = "k-means++",
      description = "Initial centres: k-means++ (default), random, or a CSV file of k rows.")
  String init;

  @Option(names = "--target", paramLabel = "COLUMN",
      description = "A label column to leave out of the features.")
  String target;

  @Option(names = "--drop", paramLabel = "A,B", split = ",",
      description = "Columns to leave out of the features.")
  List<String> drop = new ArrayList<>();

  @Override
  protected Result compute() {
    if ((k == null) == (elbow == null)) {
      throw new UsageException("give exactly one of --k K or --elbow A:B");
    }
    Set<String> dropped = new LinkedHashSet<>(drop);
    if (target != null) {
      dropped.add(target);
    }
    CsvTable table = Csv.read(file);
    for (String column : dropped) {
      if (!table.header().contains(column)) {
        throw new UsageException("no column named '" + column + "' in " + file);
      }
    }
    double[][] X = table.toMatrix(dropped);
    int largest = k != null ? k : range(elbow)[1];
    if (largest > X.length) {
      throw new UsageException((k != null ? "--k (" + k : "--elbow (" + elbow) + ") must be <= "
          + "the number of samples (" + X.length + ") in " + file);
    }
    return elbow != null ? elbow(X) : single(X);
  }

  private Result single(double[][] X) {
    KMeans model = new KMeans(k).randomState(stream());
    configure(model, X[0].length);
    long start = System.nanoTime();
    model.fit(X);
    double seconds = (System.nanoTime() - start) / 1e9;
    model.warnings().forEach(w -> log().println("semaine: warning: " + w));
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("labels", model.labels());
    json.put("centers", model.clusterCenters());
    json.put("inertia", model.inertia());
    json.put("n_iter", model.nIter());
    json.put("fit_seconds", seconds);
    return new Result(json, out -> {
      out.printf("KMeans(n_clusters=%d): inertia %s after %d iterations (%.3f s)%n",
          k, Csv.formatDouble(model.inertia()), model.nIter(), seconds);
      int[] sizes = new int[k];
      for (int label : model.labels()) {
        sizes[label]++;
      }
      double[][] centers = model.clusterCenters();
      for (int j = 0; j < k; j++) {
        StringBuilder row = new StringBuilder();
        for (double v : centers[j]) {
          row.append(row.isEmpty() ? "" : ", ").append(String.format("%.4f", v));
        }
        out.printf("  cluster %d: %d samples, centre (%s)%n", j, sizes[j], row);
      }
    });
  }

  private Result elbow(double[][] X) {
    int[] range = range(elbow);
    ElbowMethod method = new ElbowMethod(range[0], range[1]).randomState(stream());
    if (nInit != null) {
      method.nInit(nInit);
    }
    if (init.equals("random")) {
      method.init(KMeans.Init.RANDOM);
    } else if (!init.equals("k-means++")) {
      throw new UsageException("--init with --elbow must be k-means++ or random, not '" + init
          + "': a centres file fixes k");
    }
    long start = System.nanoTime();
    method.fit(X);
    double seconds = (System.nanoTime() - start) / 1e9;
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("k", method.ks());
    json.put("inertia", method.inertias());
    json.put("elbow", method.elbow().isPresent() ? method.elbow().getAsInt() : null);
    json.put("note", method.note());
    json.put("fit_seconds", seconds);
    return new Result(json, out -> {
      out.println("   k  inertia");
      int[] ks = method.ks();
      double[] inertias = method.inertias();
      for (int i = 0; i < ks.length; i++) {
        boolean marked = method.elbow().isPresent() && method.elbow().getAsInt() == ks[i];
        out.printf("%4d  %s%s%n", ks[i], Csv.formatDouble(inertias[i]), marked ? "  <- elbow" : "");
      }
      out.println(method.note() + String.format(" (%.3f s)", seconds));
    });
  }

  private void configure(KMeans model, int features) {
    if (nInit != null) {
      model.nInit(nInit);
    }
    switch (init) {
      case "k-means++" -> model.init(KMeans.Init.K_MEANS_PLUS_PLUS);
      case "random" -> model.init(KMeans.Init.RANDOM);
      default -> {
        double[][] centers = Csv.read(Path.of(init)).toMatrix();
        if (centers.length != k || centers[0].length != features) {
          throw new UsageException("--init " + init + " has " + centers.length + " rows and "
              + centers[0].length + " columns but must have " + k + " rows (--k) and " + features
              + " columns (the features of " + file + ")");
        }
        model.init(centers);
      }
    }
  }

  private RandomState stream() {
    return seed == null ? new RandomState() : new RandomState(seed);
  }

  /** Parses {@code A:B} with 1 <= A <= B. */
  private static int[] range(String text) {
    String[] parts = text.strip().split(":", -1);
    if (parts.length != 2 || !parts[0].matches("\\d+") || !parts[1].matches("\\d+")) {
      throw new UsageException("--elbow (" + text + ") must be A:B with integers 1 <= A <= B");
    }
    try {
      int a = Integer.parseInt(parts[0]);
      int b = Integer.parseInt(parts[1]);
      if (a < 1 || b < a) {
        throw new UsageException("--elbow (" + text + ") must be A:B with integers 1 <= A <= B");
      }
      return new int[] {a, b};
    } catch (NumberFormatException e) {
      throw new UsageException("--elbow (" + text + ") must be A:B with integers 1 <= A <= B");
    }
  }
}

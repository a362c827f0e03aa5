package semaine.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import semaine.base.Clusterer;
import semaine.clustering.ElbowMethod;
import semaine.clustering.KMeans;
import semaine.clustering.MiniBatchKMeans;
import semaine.data.Csv;
import semaine.data.CsvReader;
import semaine.random.RandomState;

/**
 * {@code semaine cluster FILE}: k-means on the numeric columns of a CSV file, for one k
 * ({@code --k}) or for a range with the elbow ({@code --elbow A:B}).
 *
 * <p>JSON: {@code labels, centers, inertia, n_iter, fit_seconds, params, attributes} for one k;
 * {@code k, inertia, elbow, elbow_methods, note, fit_seconds} for a range ({@code elbow}: the
 * largest ratio of successive drops in inertia; {@code elbow_methods}: that, Kneedle and the
 * silhouette, each one's k), whose fits share one
 * {@code RandomState(seed)} as the book's listing shares the global NumPy stream.
 * {@code fit_seconds} excludes reading the file.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true,
    description = "k-means clustering of a CSV file (KMeans as scikit-learn), for one k or an elbow "
        + "range.")
public final class ClusterCommand extends ResultCommand {

  /** Rows up to which {@code --elbow} also reads the silhouette (O(n²) per k). */
  private static final int SILHOUETTE_ROWS = 10_000;

  @Mixin
  FitInput input;

  @Mixin
  Dtype dtype;

  @Option(names = "--method", defaultValue = "kmeans", paramLabel = "NAME",
      description = "The clustering: kmeans (default), dbscan, agglomerative, optics, hdbscan"
          + " (those that exist in ModelRegistry).")
  String method;

  @Option(names = "--k", converter = Options.PositiveInt.class,
      description = "n_clusters: the number of clusters.")
  Integer k;

  @Option(names = "--elbow", paramLabel = "A:B",
      description = "Fit k = A..B from one shared random stream and find the elbow (the largest"
          + " ratio of successive drops in inertia; Kneedle and the silhouette reported too).")
  String elbow;

  @Option(names = "--n-init", converter = Options.PositiveInt.class,
      description = "n_init: runs kept from (default: auto, 1 for k-means++, 10 for random).")
  Integer nInit;

  @Option(names = "--init", paramLabel = "k-means++|random|CENTERS.csv",
      description = "Initial centres: k-means++ (default), random, or a CSV file of k rows.")
  String init;

  @Option(names = "--stream", description = "minibatch-kmeans: fit from the file block by block"
      + " (partial_fit, one step per block of batch_size rows, one pass) in the memory of one"
      + " block; chosen by itself when the file would not fit in memory. Label the rows with"
      + " the saved model: predict MODEL FILE --out F.")
  boolean stream;

  @Override
  protected Result compute() {
    boolean kmeans = method.equals("kmeans");
    if (kmeans && (k == null && !input.setsParam("n_clusters")) == (elbow == null)) {
      throw new UsageException("give exactly one of --k K or --elbow A:B");
    }
    dtype.refuseWith("--elbow", elbow != null, "the elbow's fits are float64");
    if (elbow != null) {
      if (!input.params.isEmpty() || !method.equals("kmeans")) {
        throw new UsageException("--elbow fits KMeans for each k: --param and --method apply to "
            + "one k (--k)");
      }
      double[][] X = input.features();
      int largest = range(elbow)[1];
      if (largest > X.length) {
        throw new UsageException("--elbow (" + elbow + ") must be <= the number of samples ("
            + X.length + ") in " + input.file());
      }
      return elbow(X);
    }
    FitInput.Shorthand clusters = new FitInput.Shorthand("--k", "n_clusters", k);
    Clusterer model = input.configure(ModelRegistry.CLUSTERERS.get("--method", method).get(),
        clusters, new FitInput.Shorthand("--n-init", "n_init", nInit),
        new FitInput.Shorthand("--init", "init", centresFile() ? null : init));
    if (dtype.require(model, "--method " + method)) {
      dtype.refuseWith("--stream", stream, "minibatch-kmeans fits float64 blocks");
      input.float32(true);
      float[][] X = input.float32Features();
      input.requireAtMostSamples(model, clusters, X.length);
      if (centresFile()) {
        model.setParam("init", centres(model, X[0].length));
      }
      // copy_x=False: the rows are this command's and not read again, so k-means centres them
      // in place instead of a copy (the same fit), and the command holds one X
      return single(model, () -> ((KMeans) model).fit(X, false));
    }
    if (input.streams(stream, model instanceof MiniBatchKMeans && !centresFile(),
        method + " keeps every row in memory (minibatch-kmeans fits block by block)")) {
      return streamed((MiniBatchKMeans) model);
    }
    double[][] X = input.features();
    input.requireAtMostSamples(model, clusters, X.length);
    if (centresFile()) {
      model.setParam("init", centres(model, X[0].length));
    }
    return single(model, () -> model.fit(X));
  }

  /** Runs {@code fit} (the model on the file's rows, float64 or float32) and reports it. */
  private Result single(Clusterer model, Runnable fit) {
    long start = System.nanoTime();
    FitInput.fit(() -> {
      fit.run();
      return null;
    });
    input.save(model, input.featureNames(), List.of());
    double seconds = (System.nanoTime() - start) / 1e9;
    ModelRegistry.warnings(model).forEach(w -> log().println("semaine: warning: " + w));
    Map<String, Object> attributes = model.attributes();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("labels", model.labels());
    copy(attributes, "cluster_centers_", json, "centers");
    copy(attributes, "inertia_", json, "inertia");
    copy(attributes, "n_iter_", json, "n_iter");
    json.put("fit_seconds", seconds);
    json.put("params", ModelRegistry.params(model));
    json.put("attributes", attributes);
    return new Result(json, out -> {
      if (attributes.get("inertia_") instanceof Double inertia) {
        out.printf("%s: inertia %s after %s iterations (%.3f s)%n", model,
            Csv.formatDouble(inertia), attributes.get("n_iter_"), seconds);
      } else {
        out.printf("%s (%.3f s)%n", model, seconds);
      }
      int[] sizes = new int[Arrays.stream(model.labels()).max().orElse(-1) + 1];
      int noise = 0;
      for (int label : model.labels()) {
        if (label < 0) {
          noise++;  // DBSCAN, OPTICS and HDBSCAN label noise -1
        } else {
          sizes[label]++;
        }
      }
      double[][] centers = (double[][]) attributes.get("cluster_centers_");
      for (int j = 0; j < sizes.length; j++) {
        StringBuilder row = new StringBuilder();
        for (double v : centers == null ? new double[0] : centers[j]) {
          row.append(row.isEmpty() ? "" : ", ").append(String.format("%.4f", v));
        }
        out.printf("  cluster %d: %d samples%s%n", j, sizes[j],
            centers == null ? "" : ", centre (" + row + ")");
      }
      if (noise > 0) {
        out.printf("  noise: %d samples%n", noise);
      }
    });
  }

  /**
   * MiniBatchKMeans from the file block by block, as scikit-learn users call {@code partial_fit}
   * on {@code read_csv(chunksize=batch_size)}: the first block also initialises the centres.
   * {@code labels_} and {@code inertia_} are those of the last block, as after
   * {@code partial_fit}; the rows' labels come from {@code predict} with the saved model.
   */
  private Result streamed(MiniBatchKMeans model) {
    List<String> header = input.header();
    input.requireColumns(header);
    Set<String> skip = input.dropped();
    if (input.hasTarget()) {
      skip.add(input.target());
    }
    List<String> features = header.stream().filter(c -> !skip.contains(c)).toList();
    int batch = (Integer) model.getParam("batch_size");
    long[] rows = {0};
    long start = System.nanoTime();
    FitInput.fit(() -> {
      CsvReader.forEachBlock(input.file(), batch, skip, block -> {
        model.partialFit(block.X());
        rows[0] += block.nRows();
      });
      return null;
    });
    double seconds = (System.nanoTime() - start) / 1e9;
    input.save(model, features, List.of());
    Map<String, Object> attributes = model.attributes();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("centers", model.clusterCenters());
    json.put("n_steps", model.nSteps());
    json.put("rows", rows[0]);
    json.put("fit_seconds", seconds);
    json.put("streamed", true);
    json.put("params", ModelRegistry.params(model));
    json.put("attributes", attributes);
    return new Result(json, out -> {
      out.printf("%s: %d rows in %d steps of partial_fit (%.3f s)%n", model, rows[0],
          model.nSteps(), seconds);
      double[][] centers = model.clusterCenters();
      for (int j = 0; j < centers.length; j++) {
        StringBuilder row = new StringBuilder();
        for (double v : centers[j]) {
          row.append(row.isEmpty() ? "" : ", ").append(String.format("%.4f", v));
        }
        out.printf("  cluster %d: centre (%s)%n", j, row);
      }
    });
  }

  private static void copy(Map<String, Object> attributes, String name, Map<String, Object> json,
      String key) {
    if (attributes.containsKey(name)) {
      json.put(key, attributes.get(name));
    }
  }

  private Result elbow(double[][] X) {
    int[] range = range(elbow);
    ElbowMethod search = new ElbowMethod(range[0], range[1]).randomState(stream());
    if (nInit != null) {
      search.nInit(nInit);
    }
    if ("random".equals(init)) {
      search.init(KMeans.Init.RANDOM);
    } else if (init != null && !init.equals("k-means++")) {
      throw new UsageException("--init with --elbow must be k-means++ or random, not '" + init
          + "': a centres file fixes k");
    }
    long start = System.nanoTime();
    search.fit(X);
    double seconds = (System.nanoTime() - start) / 1e9;
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("k", search.ks());
    json.put("inertia", search.inertias());
    OptionalInt chosen = search.elbow(ElbowMethod.Criterion.DROP_RATIO);
    json.put("elbow", chosen.isPresent() ? chosen.getAsInt() : null);
    json.put("elbow_methods", elbowMethods(search, X.length));
    json.put("note", search.note(ElbowMethod.Criterion.DROP_RATIO));
    json.put("fit_seconds", seconds);
    return new Result(json, out -> {
      out.println("   k  inertia");
      int[] ks = search.ks();
      double[] inertias = search.inertias();
      for (int i = 0; i < ks.length; i++) {
        boolean marked = chosen.isPresent() && chosen.getAsInt() == ks[i];
        out.printf("%4d  %s%s%n", ks[i], Csv.formatDouble(inertias[i]), marked ? "  <- elbow" : "");
      }
      out.println(search.note(ElbowMethod.Criterion.DROP_RATIO)
          + String.format(" (%.3f s)", seconds));
      out.println("other criteria: Kneedle " + text(search.elbow())
          + ", silhouette " + text(X.length <= SILHOUETTE_ROWS
              ? search.elbow(ElbowMethod.Criterion.SILHOUETTE) : OptionalInt.empty()));
    });
  }

  /** Each criterion's k (null when it names none; the silhouette only up to 10,000 rows). */
  private static Map<String, Integer> elbowMethods(ElbowMethod search, int rows) {
    Map<String, Integer> methods = new LinkedHashMap<>();
    for (ElbowMethod.Criterion c : ElbowMethod.Criterion.values()) {
      OptionalInt k = c == ElbowMethod.Criterion.SILHOUETTE && rows > SILHOUETTE_ROWS
          ? OptionalInt.empty() : search.elbow(c);
      methods.put(c.key(), k.isPresent() ? k.getAsInt() : null);
    }
    return methods;
  }

  private static String text(OptionalInt k) {
    return k.isPresent() ? "k = " + k.getAsInt() : "none";
  }

  private boolean centresFile() {
    return init != null && !init.equals("k-means++") && !init.equals("random");
  }

  /** The initial centres of {@code --init CENTERS.csv}: n_clusters rows of the file's features. */
  private double[][] centres(Clusterer model, int features) {
    double[][] centers = FitInput.read(Path.of(init)).toMatrix();
    Object clusters = model.getParam("n_clusters");
    if (!clusters.equals(centers.length) || centers[0].length != features) {
      throw new UsageException("--init " + init + " has " + centers.length + " rows and "
          + centers[0].length + " columns but must have " + clusters + " rows (--k) and "
          + features + " columns (the features of " + input.file() + ")");
    }
    return centers;
  }

  private RandomState stream() {
    return input.seed == null ? new RandomState() : new RandomState(input.seed);
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

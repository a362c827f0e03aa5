package semaine.spark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.mllib.clustering.KMeansModel;
import org.apache.spark.mllib.linalg.Vector;
import org.apache.spark.mllib.linalg.Vectors;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import semaine.base.Models;
import semaine.classification.KNeighborsClassifier;
import semaine.ensemble.RandomForestClassifier;

/**
 * The Spark side of {@code bench/compare-spark} (not a test): writes the rows and the models,
 * scores a CSV file through Spark {@code local[2]}, and runs {@link DistributedKMeans} and MLlib's
 * {@code KMeans} from the same initial centres. Each timing mode prints one JSON line.
 *
 * <pre>
 * data CSV N                 N rows of 4 features (x0..x3), 6 decimals
 * models DIR                 knn.semaine (5 neighbours, 2,000 rows), forest.semaine (20 trees)
 * score MODEL CSV OUT        Spark local[2]: read CSV, score, write the predictions as CSV
 * kmeans N D K [ITER]        semaine's DistributedKMeans then MLlib's KMeans, both to a fixed
 *                            point or ITER iterations (300)
 * </pre>
 */
public final class SparkBench {

  private SparkBench() {}

  public static void main(String[] args) throws IOException {
    switch (args[0]) {
      case "data" -> data(Path.of(args[1]), Long.parseLong(args[2]));
      case "models" -> models(Path.of(args[1]));
      case "score" -> score(Path.of(args[1]), args[2], args[3]);
      case "kmeans" -> kmeans(Long.parseLong(args[1]), Integer.parseInt(args[2]),
          Integer.parseInt(args[3]), args.length > 4 ? Integer.parseInt(args[4]) : 300);
      default -> throw new IllegalArgumentException("mode '" + args[0] + "' must be data,"
          + " models, score or kmeans");
    }
  }

  /** Row i of the scoring data: ClusterRows' groups, rounded to 6 decimals as the CSV has it. */
  private static double[] scoringRow(long i) {
    double[] x = ClusterRows.row(i * 7 + 3);
    for (int f = 0; f < x.length; f++) {
      x[f] = Math.round(x[f] * 1e6) / 1e6;
    }
    return x;
  }

  private static void data(Path csv, long n) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(csv)) {
      out.write("x0,x1,x2,x3\n");
      StringBuilder line = new StringBuilder();
      for (long i = 0; i < n; i++) {
        double[] x = scoringRow(i);
        line.setLength(0);
        for (int f = 0; f < x.length; f++) {
          line.append(f == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.6f", x[f]));
        }
        out.write(line.append('\n').toString());
      }
    }
  }

  private static void models(Path dir) {
    int n = 2_000;
    double[][] X = new double[n][];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      X[i] = scoringRow(1_000_000_000L + i);
      // labels that a model must learn: the group, flipped for one row in five
      y[i] = (ClusterRows.label(1_000_000_000L * 7 + 3 + 7L * i) + (i % 5 == 0 ? 1 : 0)) % 4;
    }
    List<String> names = LocalSpark.names(4);
    Models.save(new KNeighborsClassifier(5).fit(X, y), dir.resolve("knn.semaine"), names,
        List.of());
    Models.save(new RandomForestClassifier().nEstimators(20).randomState(0).fit(X, y),
        dir.resolve("forest.semaine"), names, List.of());
  }

  private static SparkSession local() {
    return SparkSession.builder().master("local[2]").appName("semaine-bench")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate();
  }

  private static void score(Path model, String csv, String out) {
    SparkSession spark = local();
    StructType schema = new StructType();
    for (String name : LocalSpark.names(4)) {
      schema = schema.add(name, DataTypes.DoubleType, false);
    }
    long start = System.nanoTime();
    ModelScorer.of(model).transform(spark.read().schema(schema).option("header", "true")
        .csv(csv)).select("prediction").write().csv(out);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(Locale.ROOT, "{\"seconds\": %.3f}%n", seconds);
    spark.stop();
  }

  private static void kmeans(long n, int d, int k, int maxIter) {
    SparkSession spark = local();
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    JavaRDD<double[]> rows = spark.range(0, n, 1, 8).javaRDD().map(i -> point(i, d));
    double[][] init = new double[k][];
    for (int j = 0; j < k; j++) {
      init[j] = point(j * 1_000_003L % n, d);
    }
    long start = System.nanoTime();
    DistributedKMeans.Result ours = new DistributedKMeans(k).init(init).tol(0).maxIter(maxIter)
        .fit(rows);
    double oursSeconds = (System.nanoTime() - start) / 1e9;

    JavaRDD<Vector> vectors = rows.map(Vectors::dense);
    Vector[] centres = new Vector[k];
    for (int j = 0; j < k; j++) {
      centres[j] = Vectors.dense(init[j]);
    }
    start = System.nanoTime();
    KMeansModel mllib = new org.apache.spark.mllib.clustering.KMeans().setK(k)
        .setMaxIterations(maxIter).setEpsilon(0).setInitialModel(new KMeansModel(centres))
        .run(vectors.rdd());
    double mllibSeconds = (System.nanoTime() - start) / 1e9;
    double mllibCost = mllib.computeCost(vectors.rdd());
    double maxCentreGap = 0;
    for (int j = 0; j < k; j++) {
      double[] theirs = mllib.clusterCenters()[j].toArray();
      for (int f = 0; f < d; f++) {
        maxCentreGap = Math.max(maxCentreGap, Math.abs(theirs[f] - ours.clusterCenters()[j][f]));
      }
    }
    System.out.printf(Locale.ROOT, "{\"semaine_seconds\": %.3f, \"semaine_inertia\": %.17g,"
        + " \"semaine_iter\": %d, \"mllib_seconds\": %.3f, \"mllib_inertia\": %.17g,"
        + " \"mllib_iter\": %d, \"max_centre_gap\": %.3g}%n", oursSeconds, ours.inertia(),
        ours.nIter(), mllibSeconds, mllibCost, mllib.numIter(), maxCentreGap);
    sc.close();
  }

  /** Row i of the k-means data: 8 overlapping groups in d dimensions, hashed offsets. */
  private static double[] point(long i, int d) {
    double[] x = new double[d];
    int group = (int) (i % 8);
    for (int f = 0; f < d; f++) {
      long h = (i * 0x9E3779B97F4A7C15L + f * 0xBF58476D1CE4E5B9L) >>> 11;
      x[f] = ((group >> (f % 3)) & 1) * 2.5 + (f == group % d ? 1.5 : 0.0)
          + (h % 1_000_003) / 1_000_003.0 * 4 - 2;
    }
    return x;
  }
}

package semaine.spark;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The driver of the standalone-cluster test, run in its own JVM against the cluster's master: it
 * makes {@code rows} rows on the executors ({@link ClusterRows}), scores them with the saved model
 * and runs {@link DistributedKMeans} on them from the first rows as centres, and writes what it
 * found to {@code out}: {@code predictions.bin} (one double per row, in row order),
 * {@code labels.bin} (one int per row) and {@code kmeans.txt} (inertia, n_iter, executors).
 *
 * <p>Arguments: master URL, model file, output folder, rows, k.
 */
public final class ClusterJob {

  private ClusterJob() {}

  public static void main(String[] args) throws IOException {
    String master = args[0];
    Path model = Path.of(args[1]);
    Path out = Path.of(args[2]);
    int n = Integer.parseInt(args[3]);
    int k = Integer.parseInt(args[4]);
    SparkSession spark = SparkSession.builder().master(master).appName("semaine-cluster-test")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.executor.memory", "512m")
        .config("spark.executor.cores", "1")
        .config("spark.cores.max", "2")
        .config("spark.executor.extraClassPath", System.getProperty("semaine.classpath"))
        .config("spark.executor.extraJavaOptions", "--add-modules=jdk.incubator.vector")
        .getOrCreate();
    try {
      List<String> names = LocalSpark.names(ClusterRows.FEATURES);
      StructType schema = new StructType().add("id", DataTypes.LongType, false);
      for (String name : names) {
        schema = schema.add(name, DataTypes.DoubleType, false);
      }
      MapFunction<Long, Row> make = i -> {
        double[] x = ClusterRows.row(i);
        return RowFactory.create(i, x[0], x[1], x[2], x[3]);
      };
      Dataset<Row> rows = spark.range(0, n, 1, 8).map(make, Encoders.row(schema));
      List<Double> predictions = ModelScorer.of(model).transform(rows).select("prediction")
          .javaRDD().map(r -> ((Number) r.get(0)).doubleValue()).collect();
      try (DataOutputStream data = stream(out.resolve("predictions.bin"))) {
        for (double p : predictions) {
          data.writeDouble(p);
        }
      }
      double[][] init = new double[k][];
      for (int j = 0; j < k; j++) {
        init[j] = ClusterRows.row(j);
      }
      JavaRDD<double[]> points = spark.range(0, n, 1, 8).javaRDD().map(ClusterRows::row);
      DistributedKMeans.Result result = new DistributedKMeans(k).init(init).fit(points);
      List<Integer> labels = result.labels(points).collect();
      try (DataOutputStream data = stream(out.resolve("labels.bin"))) {
        for (int label : labels) {
          data.writeInt(label);
        }
      }
      int executors = spark.sparkContext().getExecutorMemoryStatus().size() - 1;
      List<String> lines = new ArrayList<>();
      lines.add(Double.toString(result.inertia()));
      lines.add(Integer.toString(result.nIter()));
      lines.add(Integer.toString(executors));
      Files.write(out.resolve("kmeans.txt"), lines);
    } finally {
      spark.stop();
    }
  }

  private static DataOutputStream stream(Path file) throws IOException {
    OutputStream raw = Files.newOutputStream(file);
    return new DataOutputStream(new java.io.BufferedOutputStream(raw, 1 << 16));
  }
}
